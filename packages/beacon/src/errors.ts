/**
 * The beacon's two kinds of failure, each with a stable `code` to branch on:
 * {@link BeaconOptionError} (the options are wrong: the CLI exits 2) and {@link BeaconStartError}
 * (the options are fine but the beacon could not start, e.g. a port in use: the CLI exits 1).
 */

export type BeaconOptionErrorCode =
  | 'BEACON_OPTION_UNKNOWN'
  | 'BEACON_OPTION_VALUE_MISSING'
  | 'BEACON_OPTION_REPEATED'
  | 'BEACON_ARGUMENT_UNEXPECTED'
  | 'BEACON_ENV_UNKNOWN'
  | 'BEACON_CONFIG_FILE_UNREADABLE'
  | 'BEACON_CONFIG_FILE_INVALID'
  | 'BEACON_CODE_MISSING'
  | 'BEACON_CODE_INVALID'
  | 'BEACON_DESC_INVALID'
  | 'BEACON_GEO_MISSING'
  | 'BEACON_GEO_INVALID'
  | 'BEACON_HOST_INVALID'
  | 'BEACON_PORT_INVALID'
  | 'BEACON_URL_INVALID'
  | 'BEACON_PEER_URL_INVALID'
  | 'BEACON_NUMBER_INVALID'
  | 'BEACON_LOG_LEVEL_INVALID'
  | 'BEACON_FUNCTION_INVALID';

/** The options of a beacon are wrong: the message names the option, its source and the fix. */
export class BeaconOptionError extends Error {
  readonly code: BeaconOptionErrorCode;

  constructor(code: BeaconOptionErrorCode, message: string) {
    super(message);
    this.name = 'BeaconOptionError';
    this.code = code;
  }
}

/** Why a beacon could not start listening (the `code` of a `BeaconStartError`). */
export type BeaconStartErrorCode =
  | 'BEACON_ADDRESS_IN_USE'
  | 'BEACON_ADDRESS_UNAVAILABLE'
  | 'BEACON_PERMISSION_DENIED'
  | 'BEACON_LISTEN_FAILED';

/** The beacon could not start: a port is taken, an address is not local, and so on. */
export class BeaconStartError extends Error {
  readonly code: BeaconStartErrorCode;

  constructor(code: BeaconStartErrorCode, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'BeaconStartError';
    this.code = code;
  }
}

/**
 * The start error for a failed bind or listen of `endpoint` (e.g. "UDP port 3075 on 127.0.0.1"),
 * from the system error's code; `option` is the option that chooses the port.
 */
export function listenError(error: unknown, endpoint: string, option: string): BeaconStartError {
  const systemCode = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (systemCode) {
    case 'EADDRINUSE':
      return new BeaconStartError(
        'BEACON_ADDRESS_IN_USE',
        `${endpoint} is in use: stop what listens there, or choose another port (${option}).`,
        { cause: error },
      );
    case 'EADDRNOTAVAIL':
      return new BeaconStartError(
        'BEACON_ADDRESS_UNAVAILABLE',
        `${endpoint} cannot be bound: the host is not an address of this machine (--host).`,
        { cause: error },
      );
    case 'EACCES':
      return new BeaconStartError(
        'BEACON_PERMISSION_DENIED',
        `${endpoint} cannot be bound: permission denied (ports below 1024 need privileges).`,
        { cause: error },
      );
    default:
      return new BeaconStartError(
        'BEACON_LISTEN_FAILED',
        `${endpoint} cannot be bound: ${(error as Error | undefined)?.message ?? String(error)}.`,
        { cause: error },
      );
  }
}
