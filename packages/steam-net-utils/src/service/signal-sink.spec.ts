import { toPortList } from './signal-sink.js';

describe('toPortList', () => {
  it('pads the ports to Steam 8 slots with zeros', () => {
    expect(toPortList([27015])).toEqual([27015, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps at most 8 ports', () => {
    expect(toPortList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('returns a new array the listener may change', () => {
    const ports = [1, 2];
    const list = toPortList(ports);
    list[0] = 99;
    expect(ports).toEqual([1, 2]);
  });
});
