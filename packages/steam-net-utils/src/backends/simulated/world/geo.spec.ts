import {
  assertLatLon,
  EARTH_MEAN_RADIUS_KM,
  fiberBoundRttMs,
  formatLatLon,
  greatCircleKm,
  isValidLatLon,
  pathKm,
} from './geo.js';
import { WorldRangeError } from './world-errors.js';

const LONDON = { lat: 51.5074, lon: -0.1278 };
const PARIS = { lat: 48.8566, lon: 2.3522 };
const NEW_YORK = { lat: 40.7128, lon: -74.006 };

describe('greatCircleKm', () => {
  it('measures London–Paris as about 344 km', () => {
    expect(greatCircleKm(LONDON, PARIS)).toBeCloseTo(343.5, 0);
  });

  it('measures London–New York as about 5,570 km', () => {
    expect(greatCircleKm(LONDON, NEW_YORK)).toBeGreaterThan(5550);
    expect(greatCircleKm(LONDON, NEW_YORK)).toBeLessThan(5590);
  });

  it('is symmetric and zero for equal points', () => {
    expect(greatCircleKm(PARIS, LONDON)).toBe(greatCircleKm(LONDON, PARIS));
    expect(greatCircleKm(PARIS, PARIS)).toBe(0);
  });

  it('gives half the circumference for antipodal points', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(
      Math.PI * EARTH_MEAN_RADIUS_KM,
      6,
    );
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(
      Math.PI * EARTH_MEAN_RADIUS_KM,
      6,
    );
  });

  it('crosses the antimeridian the short way', () => {
    expect(greatCircleKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.2, 0);
  });
});

describe('pathKm', () => {
  it('sums the legs through the waypoints', () => {
    expect(pathKm([LONDON, PARIS, NEW_YORK])).toBeCloseTo(
      greatCircleKm(LONDON, PARIS) + greatCircleKm(PARIS, NEW_YORK),
      9,
    );
    expect(pathKm([LONDON])).toBe(0);
  });
});

describe('fiberBoundRttMs', () => {
  it('is the distance in km divided by 100 (200 km/ms one way, there and back)', () => {
    expect(fiberBoundRttMs(LONDON, NEW_YORK)).toBeCloseTo(greatCircleKm(LONDON, NEW_YORK) / 100, 9);
  });
});

describe('latitude/longitude validation', () => {
  it('accepts points on the globe and rejects the rest', () => {
    expect(isValidLatLon({ lat: -90, lon: 180 })).toBe(true);
    expect(isValidLatLon({ lat: 90.1, lon: 0 })).toBe(false);
    expect(isValidLatLon({ lat: 0, lon: -180.5 })).toBe(false);
    expect(isValidLatLon({ lat: Number.NaN, lon: 0 })).toBe(false);
  });

  it('throws a RangeError that names the value and the ranges', () => {
    const attempt = (): unknown => assertLatLon({ lat: 95, lon: 10 }, 'host location');
    expect(attempt).toThrow(RangeError);
    expect(attempt).toThrow(WorldRangeError);
    expect(attempt).toThrow(/host location.*lat 95.*\[-90, 90\]/);
    try {
      attempt();
    } catch (error) {
      expect((error as WorldRangeError).code).toBe('SIMULATION_INVALID_LAT_LON');
    }
  });

  it('formats a point with hemispheres', () => {
    expect(formatLatLon({ lat: -33.87, lon: 151.21 })).toBe('33.87°S 151.21°E');
    expect(formatLatLon(NEW_YORK)).toBe('40.71°N 74.01°W');
  });
});
