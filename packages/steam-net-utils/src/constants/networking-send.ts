/**
 * The flags for sending a message (`k_nSteamNetworkingSend_*`). They combine with bitwise OR; the
 * combined names (`..._NO_NAGLE`, `..._NO_DELAY`) are such combinations, which the reference writes
 * as `0/1`, `0/4/1` and `8/1` because `|` separates the columns of its tables. They are written
 * here as number literals so that their types are exact; the reference-table test checks each one
 * against the OR of its parts.
 */

/** Send unreliably: the message can be lost, and it is dropped whole if any fragment is lost. */
export const NETWORKING_SEND_UNRELIABLE = 0;

/** Send now instead of waiting for the Nagle timer; also flushes what was waiting on it. */
export const NETWORKING_SEND_NO_NAGLE = 1;

/**
 * Unreliable and bypassing Nagle: `NETWORKING_SEND_UNRELIABLE | NETWORKING_SEND_NO_NAGLE` = 1. The
 * reference's name is misspelt (`URELIABLE`); {@link NETWORKING_SEND_UNRELIABLE_NO_NAGLE} is the
 * same value correctly spelt.
 */
export const NETWORKING_SEND_URELIABLE_NO_NAGLE = 1;

/** Correctly spelt alias of {@link NETWORKING_SEND_URELIABLE_NO_NAGLE} (same value, 1). */
export const NETWORKING_SEND_UNRELIABLE_NO_NAGLE = NETWORKING_SEND_URELIABLE_NO_NAGLE;

/** Drop the message if it cannot be sent very soon. Only valid on unreliable messages. */
export const NETWORKING_SEND_NO_DELAY = 4;

/**
 * Unreliable, dropped rather than queued if it cannot go out quickly, bypassing Nagle:
 * `UNRELIABLE | NO_DELAY | NO_NAGLE` = 5. Dropped messages return `RESULT_IGNORED`.
 */
export const NETWORKING_SEND_UNRELIABLE_NO_DELAY = 5;

/** Send reliably, with fragmentation and reassembly; Nagle applies. */
export const NETWORKING_SEND_RELIABLE = 8;

/** Reliable and bypassing Nagle: `NETWORKING_SEND_RELIABLE | NETWORKING_SEND_NO_NAGLE` = 9. */
export const NETWORKING_SEND_RELIABLE_NO_NAGLE = 9;

/** Do the sending work on the calling thread instead of the service thread when data is ready. */
export const NETWORKING_SEND_USE_CURRENT_THREAD = 16;

/** With Networking Messages, re-open a session the peer closed instead of failing the send. */
export const NETWORKING_SEND_AUTORESTART_BROKEN_SESSION = 32;

/**
 * The send flags grouped: `NetworkingSend.RELIABLE`, ... Keys are the reference's names without
 * `NETWORKING_SEND_`, misspelling included (`URELIABLE_NO_NAGLE`), so each value has one key here.
 */
export const NetworkingSend = /*#__PURE__*/ Object.freeze({
  UNRELIABLE: NETWORKING_SEND_UNRELIABLE,
  NO_NAGLE: NETWORKING_SEND_NO_NAGLE,
  URELIABLE_NO_NAGLE: NETWORKING_SEND_URELIABLE_NO_NAGLE,
  NO_DELAY: NETWORKING_SEND_NO_DELAY,
  UNRELIABLE_NO_DELAY: NETWORKING_SEND_UNRELIABLE_NO_DELAY,
  RELIABLE: NETWORKING_SEND_RELIABLE,
  RELIABLE_NO_NAGLE: NETWORKING_SEND_RELIABLE_NO_NAGLE,
  USE_CURRENT_THREAD: NETWORKING_SEND_USE_CURRENT_THREAD,
  AUTORESTART_BROKEN_SESSION: NETWORKING_SEND_AUTORESTART_BROKEN_SESSION,
} as const);
