/**
 * Flags for `Signal.connect()`, with Godot 4's values (`Object.ConnectFlags`), combined with `|`.
 *
 * - `DEFERRED`: the listener is not called during `emit()`; the call is queued, with a copy of the
 *   arguments, on the signal's `MessageQueue` and runs when the host loop flushes it.
 * - `PERSIST`: in Godot, saved with the scene. A TypeScript runtime has no scene files, so the flag
 *   does nothing beyond being reported by `getConnections()` (tools may read it).
 * - `ONE_SHOT`: the connection is removed when the signal next emits, before any listener runs.
 * - `REFERENCE_COUNTED`: connecting the same callable again counts up instead of throwing, and
 *   each `disconnect()` counts down; the connection goes when the count reaches zero.
 */
export const ConnectFlags = {
  DEFERRED: 1,
  PERSIST: 2,
  ONE_SHOT: 4,
  REFERENCE_COUNTED: 8,
} as const;

/** One of the {@link ConnectFlags} values. */
export type ConnectFlag = (typeof ConnectFlags)[keyof typeof ConnectFlags];

/** Every bit {@link ConnectFlags} defines; any other bit is an error. */
export const ALL_CONNECT_FLAGS: number =
  ConnectFlags.DEFERRED |
  ConnectFlags.PERSIST |
  ConnectFlags.ONE_SHOT |
  ConnectFlags.REFERENCE_COUNTED;

/**
 * The names of the flags set in `flags`, in value order, for the dev console: `5` gives
 * `['DEFERRED', 'ONE_SHOT']`. Unknown bits are ignored.
 */
export function connectFlagNames(flags: number): (keyof typeof ConnectFlags)[] {
  const names: (keyof typeof ConnectFlags)[] = [];
  for (const name of Object.keys(ConnectFlags) as (keyof typeof ConnectFlags)[]) {
    if ((flags & ConnectFlags[name]) !== 0) {
      names.push(name);
    }
  }
  return names;
}
