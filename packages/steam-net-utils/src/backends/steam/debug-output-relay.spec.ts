/**
 * The worker that owns Steam's debug output function, against the test double: messages cross to
 * the main thread without the main thread's event loop, the bound drops and counts, the release is
 * confirmed, and a worker that cannot load koffi fails cleanly.
 */
import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING } from '../../constants/index.js';
import { DebugOutputRelay } from './debug-output-relay.js';
import { liveNativeCallbackCount } from './native-callback-owner.js';
import { SteamDebugOutputError } from './steam-errors.js';
import { startDouble } from './test-double/test-support/double-fixture.js';

function received(relay: DebugOutputRelay): { messages: string[]; dropped: number } {
  const messages: string[] = [];
  const dropped = relay.drain((type, message) => messages.push(`${type}:${message}`));
  return { messages, dropped };
}

describe('DebugOutputRelay', () => {
  it('forwards each call to the main thread, oldest first, without blocking it', () => {
    const { double, api, self } = startDouble();
    const relay = DebugOutputRelay.start({ limit: 10 });
    try {
      api.SetDebugOutputFunction(
        self,
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
        relay.pointer,
      );
      double.emitDebugOutput(4, 'a');
      double.emitDebugOutput(2, 'b');
      expect(received(relay)).toEqual({ messages: ['4:a', '2:b'], dropped: 0 });
      expect(received(relay)).toEqual({ messages: [], dropped: 0 });
    } finally {
      api.SetDebugOutputFunction(self, 0, null);
      relay.release();
    }
  });

  it('past its limit, messages are dropped and counted (once)', () => {
    const { double, api, self } = startDouble();
    const relay = DebugOutputRelay.start({ limit: 2 });
    try {
      api.SetDebugOutputFunction(
        self,
        NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
        relay.pointer,
      );
      for (const text of ['1', '2', '3', '4']) double.emitDebugOutput(4, text);
      expect(received(relay)).toEqual({ messages: ['4:1', '4:2'], dropped: 2 });
      double.emitDebugOutput(4, '5');
      expect(received(relay)).toEqual({ messages: ['4:5'], dropped: 0 });
    } finally {
      api.SetDebugOutputFunction(self, 0, null);
      relay.release();
    }
  });

  it('counts one live callback until released, and the worker confirms the release', () => {
    const base = liveNativeCallbackCount();
    const relay = DebugOutputRelay.start({ limit: 1 });
    expect(liveNativeCallbackCount()).toBe(base + 1);
    relay.release();
    relay.release();
    expect(relay.confirmedReleased).toBe(true);
    expect(liveNativeCallbackCount()).toBe(base);
  });

  it('a worker that cannot load koffi throws a typed error naming why, and leaves nothing', () => {
    const base = liveNativeCallbackCount();
    let error: unknown;
    try {
      // No file to resolve koffi from (NODE_PATH, which package managers may set, still applies).
      DebugOutputRelay.start({ limit: 1, resolveFrom: [] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SteamDebugOutputError);
    expect((error as SteamDebugOutputError).code).toBe('STEAM_DEBUG_OUTPUT_UNAVAILABLE');
    expect((error as Error).message).toContain('koffi could not be loaded');
    expect(liveNativeCallbackCount()).toBe(base);
  });
});
