/**
 * The simulated relay network's debug output: which messages are produced, at which
 * `NetworkingSocketsDebugOutputType`, and how they read.
 *
 * Two switches decide whether a message reaches the game, as in Steam:
 * - production: a relay-ping message (probes, unreachable POPs) is produced only when its type is
 *   at or below `LogLevel_SDRRelayPings` (default WARNING); every other message (config, status,
 *   measurement summaries) is always produced;
 * - delivery: `setDebugOutputLevel(level)` lets through messages at or below `level` (lower is
 *   more important); NONE (0), the default, lets nothing through (`passesDebugOutputLevel` of the
 *   port decides, for every backend and for the service).
 */
import {
  NETWORKING_AVAILABILITY_ATTEMPTING,
  NETWORKING_AVAILABILITY_CANNOT_TRY,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_FAILED,
  NETWORKING_AVAILABILITY_NEVER_TRIED,
  NETWORKING_AVAILABILITY_PREVIOUSLY,
  NETWORKING_AVAILABILITY_RETRYING,
  NETWORKING_AVAILABILITY_UNKNOWN,
  NETWORKING_AVAILABILITY_WAITING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
} from '../../constants/index.js';

/** Where a message comes from: relay pings follow `LogLevel_SDRRelayPings`, the rest always appear. */
export type DebugSubsystem = 'general' | 'relayPings';

/** A debug message as the simulation produces it. */
export interface DebugMessage {
  /** A `NetworkingSocketsDebugOutputType` from BUG (1) to EVERYTHING (8). */
  readonly type: number;
  readonly message: string;
}

/** The longest `m_debugMsg` of a relay network status (Steam's buffer is 256 bytes with the NUL). */
export const MAX_STATUS_MESSAGE_LENGTH = 255;

const AVAILABILITY_NAMES: ReadonlyMap<number, string> = new Map([
  [NETWORKING_AVAILABILITY_CANNOT_TRY, 'CannotTry'],
  [NETWORKING_AVAILABILITY_FAILED, 'Failed'],
  [NETWORKING_AVAILABILITY_PREVIOUSLY, 'Previously'],
  [NETWORKING_AVAILABILITY_RETRYING, 'Retrying'],
  [NETWORKING_AVAILABILITY_UNKNOWN, 'Unknown'],
  [NETWORKING_AVAILABILITY_NEVER_TRIED, 'NeverTried'],
  [NETWORKING_AVAILABILITY_WAITING, 'Waiting'],
  [NETWORKING_AVAILABILITY_ATTEMPTING, 'Attempting'],
  [NETWORKING_AVAILABILITY_CURRENT, 'Current'],
]);

/** The SDK's short name of a `NetworkingAvailability` (`'Current'`, `'Retrying'`), or the number. */
export function availabilityName(value: number): string {
  return AVAILABILITY_NAMES.get(value) ?? String(value);
}

/**
 * Whether a message of `type` from `subsystem` is produced, given the relay-ping log level.
 * Returns false for a type outside BUG..EVERYTHING.
 */
export function isProduced(
  type: number,
  subsystem: DebugSubsystem,
  relayPingsLogLevel: number,
): boolean {
  if (
    !Number.isInteger(type) ||
    type < NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG ||
    type > NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING
  ) {
    return false;
  }
  return subsystem === 'general' || type <= relayPingsLogLevel;
}

/** A ping for a message: `12ms` (whole ms). */
export function formatMs(ms: number): string {
  return `${Math.round(ms)}ms`;
}

/**
 * `code=12ms code=18ms ...` for the first `limit` pings (already in the order to show), with
 * `(+N more)` when some were left out.
 */
export function formatPingList(
  pings: readonly { readonly code: string; readonly pingMs: number }[],
  limit = 8,
): string {
  const shown = pings.slice(0, limit).map((ping) => `${ping.code}=${formatMs(ping.pingMs)}`);
  const more = pings.length > limit ? ` (+${pings.length - limit} more)` : '';
  return shown.join(' ') + more;
}

/** The one-line summary of a relay network status, as the status debug message shows it. */
export function formatStatusLine(
  available: number,
  config: number,
  anyRelay: number,
  pingMeasurementInProgress: boolean,
  detail: string,
): string {
  const measuring = pingMeasurementInProgress ? ' (ping measurement in progress)' : '';
  return (
    `Relay network status: avail=${availabilityName(available)} ` +
    `config=${availabilityName(config)} anyrelay=${availabilityName(anyRelay)}${measuring}: ${detail}`
  );
}

/** Cuts a status detail to Steam's `m_debugMsg` size. */
export function clampStatusMessage(message: string): string {
  return message.length <= MAX_STATUS_MESSAGE_LENGTH
    ? message
    : `${message.slice(0, MAX_STATUS_MESSAGE_LENGTH - 3)}...`;
}
