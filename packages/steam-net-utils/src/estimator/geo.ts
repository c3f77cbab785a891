/**
 * The geometry every latency figure rests on: points on the Earth, great-circle distances and the
 * physical lower bound on a round trip through optical fibre.
 */

/** A point on the Earth in degrees: latitude in [-90, 90], longitude in [-180, 180]. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** The mean Earth radius (IUGG), in kilometres. */
export const EARTH_MEAN_RADIUS_KM = 6371.0088;

/**
 * How far light travels through optical fibre in one millisecond. Glass has a refractive index
 * of about 1.468, so light covers 299,792 / 1.468 ≈ 204 km per ms; 200 is the usual round figure.
 */
export const FIBER_KM_PER_MS = 200;

/**
 * Milliseconds of round trip per kilometre of one-way fibre: there and back at
 * {@link FIBER_KM_PER_MS}, i.e. RTT(ms) = distance(km) / 100.
 */
export const FIBER_RTT_MS_PER_KM = 2 / FIBER_KM_PER_MS;

const DEGREES_TO_RADIANS = Math.PI / 180;

/**
 * The great-circle (haversine) distance between two points, in kilometres, on a sphere of
 * {@link EARTH_MEAN_RADIUS_KM}. Symmetric, zero for equal points, at most half the circumference.
 */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const phi1 = a.lat * DEGREES_TO_RADIANS;
  const phi2 = b.lat * DEGREES_TO_RADIANS;
  const sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
  const sinHalfDLambda = Math.sin(((b.lon - a.lon) * DEGREES_TO_RADIANS) / 2);
  const h =
    sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
  // Rounding can push h a hair above 1 for antipodal points; asin would return NaN there.
  return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/**
 * The smallest round-trip time physics allows between two points, in milliseconds: a straight
 * fibre along the great circle, with no equipment delay (`distance_km / 100`).
 */
export function fiberBoundRttMs(a: LatLon, b: LatLon): number {
  return greatCircleKm(a, b) * FIBER_RTT_MS_PER_KM;
}

/** True when `point` has finite coordinates with latitude in [-90, 90] and longitude in [-180, 180]. */
export function isValidLatLon(point: LatLon): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180
  );
}
