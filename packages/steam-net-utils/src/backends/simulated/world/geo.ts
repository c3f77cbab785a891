/**
 * Geometry of the simulated world: paths through waypoints, checked places and their text. The
 * Earth, great-circle distances and the fibre bound live in `estimator/geo.ts`, re-exported here.
 */
import { greatCircleKm, isValidLatLon, type LatLon } from '../../../estimator/geo.js';
import { WorldRangeError } from './world-errors.js';

export {
  EARTH_MEAN_RADIUS_KM,
  FIBER_KM_PER_MS,
  FIBER_RTT_MS_PER_KM,
  fiberBoundRttMs,
  greatCircleKm,
  isValidLatLon,
  type LatLon,
} from '../../../estimator/geo.js';

/**
 * The length of a path through the given points in order (a cable following waypoints), in
 * kilometres: the sum of the great-circle legs.
 */
export function pathKm(points: readonly LatLon[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    total += greatCircleKm(points[i - 1]!, points[i]!);
  }
  return total;
}

/**
 * Returns `point` unchanged when it is a valid location, or throws a {@link WorldRangeError}
 * naming `what` (e.g. "host location") and the expected ranges.
 */
export function assertLatLon(point: LatLon, what: string): LatLon {
  if (!isValidLatLon(point)) {
    throw new WorldRangeError(
      'SIMULATION_INVALID_LAT_LON',
      `The ${what} (lat ${String(point.lat)}, lon ${String(point.lon)}) is not a place on Earth. ` +
        'Give latitude in degrees within [-90, 90] and longitude within [-180, 180].',
    );
  }
  return point;
}

/** Formats a point as "48.86°N 2.35°E" for messages and the dev console. */
export function formatLatLon(point: LatLon): string {
  const lat = `${Math.abs(point.lat).toFixed(2)}°${point.lat < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(point.lon).toFixed(2)}°${point.lon < 0 ? 'W' : 'E'}`;
  return `${lat} ${lon}`;
}
