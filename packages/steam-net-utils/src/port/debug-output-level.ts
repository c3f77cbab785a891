/**
 * Which debug messages reach the game: `setDebugOutputFunction(level)` asks for the messages whose
 * `NetworkingSocketsDebugOutputType` is at or below `level` (lower is more important); `NONE` (0)
 * asks for none. Backends use it to emulate Steam (which calls the function only for those), and
 * the service applies it again to whatever a backend delivers, so no backend can flood the game.
 */
import {
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
} from '../constants/index.js';

/** Whether a message of `type` passes the output `level` set with `setDebugOutputFunction`. */
export function passesDebugOutputLevel(type: number, level: number): boolean {
  return (
    level > NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE &&
    type >= NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG &&
    type <= level
  );
}
