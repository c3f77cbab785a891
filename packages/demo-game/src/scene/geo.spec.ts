import {
  angularDistance,
  cameraAnglesFacing,
  greatCircleArc,
  latLonToVec3,
  nearestEquivalentAngle,
} from './geo.js';

const length = (v: { x: number; y: number; z: number }): number => Math.hypot(v.x, v.y, v.z);

describe('latLonToVec3', () => {
  test('y is the North Pole, x is (0°, 0°), z is (0°, 90°E)', () => {
    const pole = latLonToVec3({ lat: 90, lon: 0 });
    const origin = latLonToVec3({ lat: 0, lon: 0 });
    const east = latLonToVec3({ lat: 0, lon: 90 });
    expect([pole.x, pole.y, pole.z].map((n) => Math.round(n * 1e9) / 1e9)).toEqual([0, 1, 0]);
    expect([origin.x, origin.y, origin.z].map((n) => Math.round(n * 1e9) / 1e9)).toEqual([1, 0, 0]);
    expect([east.x, east.y, east.z].map((n) => Math.round(n * 1e9) / 1e9)).toEqual([0, 0, 1]);
  });

  test('the point lies at the given radius', () => {
    expect(length(latLonToVec3({ lat: -33.9, lon: 151.2 }, 2.5))).toBeCloseTo(2.5, 12);
  });
});

describe('greatCircleArc', () => {
  const frankfurt = { lat: 50.11, lon: 8.68 };
  const sydney = { lat: -33.87, lon: 151.21 };

  test('starts and ends on the surface at the two places', () => {
    const points = greatCircleArc(frankfurt, sydney, { radius: 1, segments: 10 });
    expect(points).toHaveLength(11);
    const start = latLonToVec3(frankfurt);
    const end = latLonToVec3(sydney);
    expect(points[0]!.x).toBeCloseTo(start.x, 9);
    expect(points[10]!.z).toBeCloseTo(end.z, 9);
    expect(length(points[0]!)).toBeCloseTo(1, 9);
    expect(length(points[10]!)).toBeCloseTo(1, 9);
  });

  test('arches highest in the middle, higher for longer routes', () => {
    const long = greatCircleArc(frankfurt, sydney, { segments: 10 });
    const short = greatCircleArc(frankfurt, { lat: 48.86, lon: 2.35 }, { segments: 10 });
    const heights = long.map(length);
    expect(Math.max(...heights)).toBe(heights[5]);
    expect(heights[5]! - 1).toBeGreaterThan(length(short[5]!) - 1);
  });

  test('antipodes give finite points (no NaN)', () => {
    const points = greatCircleArc({ lat: 0, lon: 0 }, { lat: 0, lon: 180 }, { segments: 8 });
    expect(points.every((p) => [p.x, p.y, p.z].every(Number.isFinite))).toBe(true);
  });
});

describe('camera helpers', () => {
  test('cameraAnglesFacing puts an ArcRotateCamera straight above the place', () => {
    const place = { lat: -23.55, lon: -46.63 };
    const { alpha, beta } = cameraAnglesFacing(place);
    // ArcRotateCamera: x = cos(alpha) sin(beta), y = cos(beta), z = sin(alpha) sin(beta).
    const camera = {
      x: Math.cos(alpha) * Math.sin(beta),
      y: Math.cos(beta),
      z: Math.sin(alpha) * Math.sin(beta),
    };
    const target = latLonToVec3(place);
    expect(camera.x).toBeCloseTo(target.x, 9);
    expect(camera.y).toBeCloseTo(target.y, 9);
    expect(camera.z).toBeCloseTo(target.z, 9);
  });

  test('nearestEquivalentAngle turns the short way round', () => {
    expect(nearestEquivalentAngle(3, -3)).toBeCloseTo(-3 + 2 * Math.PI, 12);
    expect(nearestEquivalentAngle(0.5, 1)).toBeCloseTo(1, 12);
  });

  test('angularDistance is 0 for one place and π for antipodes', () => {
    expect(angularDistance({ lat: 10, lon: 20 }, { lat: 10, lon: 20 })).toBeCloseTo(0, 6);
    expect(angularDistance({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI, 9);
  });
});
