/**
 * Globe geometry in plain numbers (no Babylon types, so it is tested without a renderer).
 *
 * Axes follow Babylon's left-handed world: y points to the North Pole, x to latitude 0 /
 * longitude 0, z to longitude 90°E. Seen from outside with north up, east is to the right.
 */

/** A point or direction in the globe's space. */
export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** A place on the globe, degrees. */
export interface LatLonDegrees {
  readonly lat: number;
  readonly lon: number;
}

const DEG = Math.PI / 180;

/** The point at `radius` above (lat, lon). */
export function latLonToVec3(place: LatLonDegrees, radius = 1): Vec3 {
  const lat = place.lat * DEG;
  const lon = place.lon * DEG;
  return {
    x: radius * Math.cos(lat) * Math.cos(lon),
    y: radius * Math.sin(lat),
    z: radius * Math.cos(lat) * Math.sin(lon),
  };
}

/** The angle between two places seen from the centre, radians (0 to π). */
export function angularDistance(a: LatLonDegrees, b: LatLonDegrees): number {
  const u = latLonToVec3(a);
  const v = latLonToVec3(b);
  const dot = Math.min(1, Math.max(-1, u.x * v.x + u.y * v.y + u.z * v.z));
  return Math.acos(dot);
}

/**
 * The great-circle path from `a` to `b` as `segments + 1` points (both ends included), lifted
 * into an arc: at fraction t the point is at `radius + lift * sin(πt)`, where the lift grows
 * with the distance (`liftPerRadian` per radian, at least `minLift`), so long routes arch high and
 * short ones hug the surface. Antipodal ends take the path through the North Pole side.
 */
export function greatCircleArc(
  a: LatLonDegrees,
  b: LatLonDegrees,
  options: { radius?: number; segments?: number; liftPerRadian?: number; minLift?: number } = {},
): Vec3[] {
  const radius = options.radius ?? 1;
  const segments = Math.max(1, Math.floor(options.segments ?? 48));
  const u = latLonToVec3(a);
  let v = latLonToVec3(b);
  const angle = angularDistance(a, b);
  const lift = Math.max(options.minLift ?? 0.02, (options.liftPerRadian ?? 0.12) * angle);
  // Slerp is undefined for antipodes: nudge the end towards the pole so one path is chosen.
  if (Math.PI - angle < 1e-6) v = normalize({ x: v.x, y: v.y + 1e-3, z: v.z });
  const sinAngle = Math.sin(angle);
  const points: Vec3[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    let p: Vec3;
    if (sinAngle < 1e-9) {
      p = u;
    } else {
      const wa = Math.sin((1 - t) * angle) / sinAngle;
      const wb = Math.sin(t * angle) / sinAngle;
      p = normalize({ x: wa * u.x + wb * v.x, y: wa * u.y + wb * v.y, z: wa * u.z + wb * v.z });
    }
    const r = radius + lift * Math.sin(Math.PI * t);
    points.push({ x: p.x * r, y: p.y * r, z: p.z * r });
  }
  return points;
}

/**
 * The `alpha` and `beta` of a Babylon `ArcRotateCamera` around the origin that looks straight
 * at (lat, lon): the camera sits above that place.
 */
export function cameraAnglesFacing(place: LatLonDegrees): { alpha: number; beta: number } {
  const p = latLonToVec3(place);
  return { alpha: Math.atan2(p.z, p.x), beta: Math.acos(Math.min(1, Math.max(-1, p.y))) };
}

/** The angle `to` reached from `from` by the shorter way round, for smooth camera turns. */
export function nearestEquivalentAngle(from: number, to: number): number {
  const turn = 2 * Math.PI;
  let delta = (to - from) % turn;
  if (delta > Math.PI) delta -= turn;
  if (delta < -Math.PI) delta += turn;
  return from + delta;
}

function normalize(v: Vec3): Vec3 {
  const length = Math.hypot(v.x, v.y, v.z);
  return length === 0 ? v : { x: v.x / length, y: v.y / length, z: v.z / length };
}
