import { type BackendEventSink } from '../../port/networking-utils-backend.js';
import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING } from '../../constants/index.js';
import {
  MAX_QUEUED_DEBUG_MESSAGES,
  type SteamEvent,
  SteamEventQueue,
} from './steam-event-queue.js';

/** A sink that records every call as [method, ...args]. */
function recordingSink(onEvent?: (call: unknown[]) => void): {
  sink: BackendEventSink;
  calls: unknown[][];
} {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      calls.push([name, ...args]);
      onEvent?.([name, ...args]);
    };
  const sink: BackendEventSink = {
    relayNetworkStatus: record('relayNetworkStatus'),
    connectionStatusChanged: record('connectionStatusChanged'),
    authenticationStatus: record('authenticationStatus'),
    fakeIPResult: record('fakeIPResult'),
    messagesSessionRequest: record('messagesSessionRequest'),
    messagesSessionFailed: record('messagesSessionFailed'),
    debugOutput: record('debugOutput'),
  };
  return { sink, calls };
}

const STATUS = {
  available: 100,
  pingMeasurementInProgress: 0,
  availableNetworkConfig: 100,
  availableAnyRelay: 100,
  debugMessage: 'ok',
};

describe('SteamEventQueue', () => {
  it('delivers every kind of event to its sink method, in arrival order', () => {
    const queue = new SteamEventQueue();
    const info = {
      identity: 1n,
      userData: 2n,
      listenSocket: 3,
      remoteAddress: '1.2.3.4:5',
      remotePop: 6,
      popRelay: 7,
      connectionState: 8,
      endReason: 9,
      endDebug: 'end',
      connectionDescription: 'desc',
    };
    const events: SteamEvent[] = [
      { kind: 'debugOutput', type: 4, message: 'first' },
      { kind: 'relayNetworkStatus', status: STATUS },
      { kind: 'connectionStatusChanged', connection: 11, info, oldState: 1 },
      { kind: 'authenticationStatus', available: 100, debugMessage: 'auth' },
      { kind: 'fakeIPResult', result: 1, steamId: 5n, ipv4: 0xa9fe0001, ports: [1, 2] },
      { kind: 'messagesSessionRequest', remoteSteamId: 6n },
      {
        kind: 'messagesSessionFailed',
        reason: 5001,
        remoteSteamId: 7n,
        connectionState: 5,
        debugMessage: 'fail',
      },
    ];
    for (const event of events) queue.push(event);
    const { sink, calls } = recordingSink();
    expect(queue.deliver(sink, () => true)).toBe(7);
    expect(calls).toEqual([
      ['debugOutput', 4, 'first'],
      ['relayNetworkStatus', STATUS],
      ['connectionStatusChanged', 11, info, 1],
      ['authenticationStatus', 100, 'auth'],
      ['fakeIPResult', 1, 5n, 0xa9fe0001, [1, 2]],
      ['messagesSessionRequest', 6n],
      ['messagesSessionFailed', 5001, 7n, 5, 'fail'],
    ]);
    expect(queue.length).toBe(0);
  });

  it('delivers events queued during delivery in the same call', () => {
    const queue = new SteamEventQueue();
    queue.push({ kind: 'debugOutput', type: 4, message: 'a' });
    const { sink, calls } = recordingSink((call) => {
      if (call[2] === 'a') queue.push({ kind: 'debugOutput', type: 4, message: 'b' });
    });
    queue.deliver(sink, () => true);
    expect(calls.map((call) => call[2])).toEqual(['a', 'b']);
  });

  it('stops when keepGoing turns false, keeping the rest', () => {
    const queue = new SteamEventQueue();
    for (const message of ['a', 'b', 'c']) queue.push({ kind: 'debugOutput', type: 4, message });
    const { sink, calls } = recordingSink();
    queue.deliver(sink, () => calls.length < 1);
    expect(calls).toHaveLength(1);
    expect(queue.length).toBe(2);
  });

  it('keeps the undelivered events when the sink throws, without delivering the failed one twice', () => {
    const queue = new SteamEventQueue();
    for (const message of ['a', 'b']) queue.push({ kind: 'debugOutput', type: 4, message });
    const failing = recordingSink(() => {
      throw new Error('listener');
    });
    expect(() => queue.deliver(failing.sink, () => true)).toThrow('listener');
    const { sink, calls } = recordingSink();
    queue.deliver(sink, () => true);
    expect(calls.map((call) => call[2])).toEqual(['b']);
  });

  it('drops debug messages beyond the bound, counts them and reports the count once', () => {
    const queue = new SteamEventQueue();
    for (let i = 0; i < MAX_QUEUED_DEBUG_MESSAGES + 5; i++) {
      queue.push({ kind: 'debugOutput', type: 5, message: `m${i}` });
    }
    queue.push({ kind: 'relayNetworkStatus', status: STATUS });
    expect(queue.droppedDebugMessages).toBe(5);
    const { sink, calls } = recordingSink();
    queue.deliver(sink, () => true);
    expect(calls[0]).toEqual([
      'debugOutput',
      NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
      expect.stringContaining('5 Steam debug messages were dropped'),
    ]);
    expect(calls).toHaveLength(MAX_QUEUED_DEBUG_MESSAGES + 2);
    expect(calls[calls.length - 1]![0]).toBe('relayNetworkStatus');
    expect(queue.droppedDebugMessages).toBe(0);
    // Room again after delivery.
    queue.push({ kind: 'debugOutput', type: 5, message: 'again' });
    expect(queue.length).toBe(1);
  });

  it('clear() forgets everything', () => {
    const queue = new SteamEventQueue();
    queue.push({ kind: 'relayNetworkStatus', status: STATUS });
    queue.clear();
    const { sink, calls } = recordingSink();
    expect(queue.deliver(sink, () => true)).toBe(0);
    expect(calls).toEqual([]);
  });
});
