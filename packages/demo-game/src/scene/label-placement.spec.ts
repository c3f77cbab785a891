import { placeLabelInside } from './label-placement.js';

const layer = { width: 400, height: 300 };
const label = { width: 180, height: 20 };

describe('placeLabelInside', () => {
  it('leaves a label that fits where its point is', () => {
    expect(placeLabelInside({ x: 100, y: 50 }, label, layer)).toEqual({ x: 100, y: 50 });
  });

  it('moves a label back inside the right and bottom edges', () => {
    expect(placeLabelInside({ x: 350, y: 295 }, label, layer)).toEqual({ x: 220, y: 280 });
  });

  it('moves a label back inside the left and top edges', () => {
    expect(placeLabelInside({ x: -40, y: -10 }, label, layer)).toEqual({ x: 0, y: 0 });
  });

  it('keeps the left edge of a label wider than the layer in view', () => {
    expect(placeLabelInside({ x: 30, y: 10 }, { width: 500, height: 20 }, layer)).toEqual({
      x: 0,
      y: 10,
    });
  });
});
