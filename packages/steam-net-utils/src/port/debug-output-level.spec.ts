import {
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
} from '../constants/index.js';
import { passesDebugOutputLevel } from './debug-output-level.js';

describe('passesDebugOutputLevel', () => {
  it('lets through messages at or below the level (lower is more important)', () => {
    const level = NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG;
    expect(passesDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG, level)).toBe(true);
    expect(passesDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR, level)).toBe(true);
    expect(passesDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG, level)).toBe(true);
    expect(passesDebugOutputLevel(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG, level)).toBe(false);
  });

  it('lets nothing through at NONE, and never a type below BUG', () => {
    for (let type = 0; type <= NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING; type++) {
      expect(passesDebugOutputLevel(type, NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE)).toBe(false);
    }
    expect(passesDebugOutputLevel(0, NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING)).toBe(false);
    expect(passesDebugOutputLevel(-1, NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING)).toBe(false);
  });
});
