/**
 * Ping quality bands: one ping (ms, or a Steam ping sentinel) to a word a game can colour, sort or
 * show. The thresholds are upper bounds, inclusive, and a game overrides any of them.
 */
import { describeValue } from '@relaylane/core';

/** The bands, best first. `'unknown'` is every sentinel (no estimate). */
export type PingBand = 'excellent' | 'good' | 'playable' | 'poor' | 'unknown';

/** Every band, best first, `'unknown'` last (for legends and exhaustive tables). */
export const PING_BANDS: readonly PingBand[] = Object.freeze([
  'excellent',
  'good',
  'playable',
  'poor',
  'unknown',
]);

/**
 * The upper bounds of the bands, in ms, inclusive: a ping of exactly `excellent` is excellent.
 * Anything above `playable` is poor.
 */
export interface PingBandThresholds {
  excellent: number;
  good: number;
  playable: number;
}

/** The default bounds: up to 40 ms excellent, 80 ms good, 150 ms playable, above that poor. */
export const DEFAULT_PING_BAND_THRESHOLDS: Readonly<PingBandThresholds> = Object.freeze({
  excellent: 40,
  good: 80,
  playable: 150,
});

/** Classifies one ping; made by {@link createPingBandClassifier}. */
export type PingBandClassifier = (ping: number) => PingBand;

/**
 * Builds a classifier with fixed thresholds (checked once here, not on every call): for a list
 * or a frame loop that classifies many pings with the same thresholds.
 *
 * @param thresholds any of the bounds to override; the others keep
 *   {@link DEFAULT_PING_BAND_THRESHOLDS}.
 * @returns a function behaving exactly as {@link pingQualityBand} with these thresholds.
 * @throws TypeError when `thresholds` is not an object or a given bound is not a number;
 *   RangeError when a bound is negative or not finite, or the bounds are not in order
 *   (`excellent <= good <= playable`).
 */
export function createPingBandClassifier(
  thresholds: Partial<PingBandThresholds> = {},
): PingBandClassifier {
  const { excellent, good, playable } = resolveThresholds('createPingBandClassifier', thresholds);
  return (ping: number): PingBand =>
    classify('createPingBandClassifier', ping, excellent, good, playable);
}

/**
 * The quality band of a ping.
 *
 * @param ping a round trip in ms, or a sentinel (`NETWORKING_PING_FAILED` -1,
 *   `NETWORKING_PING_UNKNOWN` -2).
 * @param thresholds any of the bounds to override (see {@link PingBandThresholds}).
 * @returns `'excellent'` up to `excellent` ms, `'good'` up to `good`, `'playable'` up to
 *   `playable`, `'poor'` above (Infinity included); `'unknown'` for any negative ping (every
 *   sentinel) and for NaN.
 * @throws TypeError when `ping` is not a number, `thresholds` not an object or a bound not a
 *   number; RangeError when a bound is negative or not finite, or the bounds are out of order.
 */
export function pingQualityBand(ping: number, thresholds?: Partial<PingBandThresholds>): PingBand {
  const { excellent, good, playable } =
    thresholds === undefined
      ? DEFAULT_PING_BAND_THRESHOLDS
      : resolveThresholds('pingQualityBand', thresholds);
  return classify('pingQualityBand', ping, excellent, good, playable);
}

function classify(
  method: string,
  ping: number,
  excellent: number,
  good: number,
  playable: number,
): PingBand {
  if (typeof ping !== 'number') {
    throw new TypeError(
      `${method}: ping must be a number of ms or a ping sentinel, got ${describeValue(ping)}`,
    );
  }
  // `!(ping >= 0)` also catches NaN: no estimate, whatever the reason.
  if (!(ping >= 0)) return 'unknown';
  if (ping <= excellent) return 'excellent';
  if (ping <= good) return 'good';
  if (ping <= playable) return 'playable';
  return 'poor';
}

const BOUND_NAMES = ['excellent', 'good', 'playable'] as const;

function resolveThresholds(
  method: string,
  thresholds: Partial<PingBandThresholds>,
): Readonly<PingBandThresholds> {
  if (typeof thresholds !== 'object' || thresholds === null) {
    throw new TypeError(
      `${method}: thresholds must be an object such as { excellent: 40, good: 80, playable: 150 }, ` +
        `got ${describeValue(thresholds)}`,
    );
  }
  const resolved = { ...DEFAULT_PING_BAND_THRESHOLDS };
  for (const name of BOUND_NAMES) {
    const value: unknown = thresholds[name];
    if (value === undefined) continue;
    if (typeof value !== 'number') {
      throw new TypeError(
        `${method}: thresholds.${name} must be a number of ms, got ${describeValue(value)}`,
      );
    }
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `${method}: thresholds.${name} must be a finite number of ms >= 0, got ${String(value)}`,
      );
    }
    resolved[name] = value;
  }
  // The bands are nested intervals: an out-of-order bound would make a band unreachable.
  if (!(resolved.excellent <= resolved.good && resolved.good <= resolved.playable)) {
    throw new RangeError(
      `${method}: thresholds must satisfy excellent <= good <= playable, got excellent ` +
        `${resolved.excellent}, good ${resolved.good}, playable ${resolved.playable} ` +
        `(bounds not given default to ${DEFAULT_PING_BAND_THRESHOLDS.excellent} / ` +
        `${DEFAULT_PING_BAND_THRESHOLDS.good} / ${DEFAULT_PING_BAND_THRESHOLDS.playable})`,
    );
  }
  return resolved;
}
