/**
 * How a ping looks on the page and on the globe: its quality band (from the library's
 * `pingQualityBand`, with its default thresholds), the band's colour and label, and the text of a
 * ping or of a sentinel. One place, so the lobby rows, the POP list and the globe agree.
 */
import {
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  PING_BANDS,
  type PingBand,
  pingQualityBand,
} from '@relaylane/steam-net-utils';

export { type PingBand };

/** The colour of each band (CSS hex), also used for the globe's markers. */
export const BAND_COLORS: Readonly<Record<PingBand, string>> = Object.freeze({
  excellent: '#34d399',
  good: '#a3e635',
  playable: '#fbbf24',
  poor: '#f87171',
  unknown: '#7c8799',
});

/** The words a player reads for each band. */
export const BAND_LABELS: Readonly<Record<PingBand, string>> = Object.freeze({
  excellent: 'Excellent',
  good: 'Good',
  playable: 'Playable',
  poor: 'Poor',
  unknown: 'No estimate',
});

/** The bands from best to worst, for legends. */
export const BANDS: readonly PingBand[] = PING_BANDS;

/** The band of a ping (a sentinel is `'unknown'`). */
export function bandOf(ping: number): PingBand {
  return pingQualityBand(ping);
}

/**
 * A ping as a player reads it: `'23 ms'`; `'unreachable'` for `NETWORKING_PING_FAILED`;
 * `'no estimate'` for `NETWORKING_PING_UNKNOWN` and any other negative value.
 */
export function formatPing(ping: number): string {
  if (ping === NETWORKING_PING_FAILED) return 'unreachable';
  if (ping === NETWORKING_PING_UNKNOWN || ping < 0 || !Number.isFinite(ping)) return 'no estimate';
  return `${Math.round(ping)} ms`;
}

/** As {@link formatPing}, in narrow columns: `'failed'` and `'n/a'` for the sentinels. */
export function formatPingShort(ping: number): string {
  if (ping === NETWORKING_PING_FAILED) return 'failed';
  if (ping < 0 || !Number.isFinite(ping)) return 'n/a';
  return formatPing(ping);
}
