import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING } from '../constants/index.js';
import { RecordingSink } from '../test-support/recording-sink.js';
import { BackendEventQueue, MAX_QUEUED_DEBUG_MESSAGES } from './backend-event-queue.js';
import { type BackendEvent } from './backend-events.js';

const status = (available: number) => ({
  available,
  pingMeasurementInProgress: 0,
  availableNetworkConfig: 100,
  availableAnyRelay: 100,
  debugMessage: 'ok',
});

const debug = (message: string): BackendEvent => ({ kind: 'debugOutput', type: 5, message });

describe('BackendEventQueue', () => {
  it('delivers every kind of event to its sink method with its arguments, in arrival order', () => {
    const queue = new BackendEventQueue();
    const info = {
      identity: 1n,
      userData: 2n,
      listenSocket: 3,
      remoteAddress: '1.2.3.4:5',
      remotePopId: 6,
      relayPopId: 7,
      connectionState: 8,
      endReason: 9,
      endDebug: 'end',
      connectionDescription: 'desc',
    };
    const events: BackendEvent[] = [
      debug('first'),
      { kind: 'relayNetworkStatus', status: status(100) },
      { kind: 'connectionStatusChanged', connection: 11, info, oldState: 1 },
      { kind: 'authenticationStatus', available: 100, debugMessage: 'auth' },
      { kind: 'fakeIPResult', result: 1, steamId: 5n, ipv4: 0xa9fe0001, ports: [27015] },
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
    const sink = new RecordingSink();
    expect(queue.deliver(sink)).toBe(events.length);
    expect(sink.events).toEqual([
      { kind: 'debug', atMs: 0, type: 5, message: 'first' },
      { kind: 'status', atMs: 0, status: status(100) },
      { kind: 'other', atMs: 0, name: 'connectionStatusChanged', args: [11, info, 1] },
      { kind: 'other', atMs: 0, name: 'authenticationStatus', args: [100, 'auth'] },
      { kind: 'fakeIP', atMs: 0, result: 1, steamId: 5n, ipv4: 0xa9fe0001, ports: [27015] },
      { kind: 'other', atMs: 0, name: 'messagesSessionRequest', args: [6n] },
      { kind: 'other', atMs: 0, name: 'messagesSessionFailed', args: [5001, 7n, 5, 'fail'] },
    ]);
    expect(queue.length).toBe(0);
  });

  it('delivers each event once', () => {
    const queue = new BackendEventQueue();
    queue.push(debug('a'));
    const sink = new RecordingSink();
    queue.deliver(sink);
    expect(queue.deliver(sink)).toBe(0);
    expect(sink.debugMessages()).toEqual([{ type: 5, message: 'a' }]);
  });

  it('leaves events pushed during a delivery for the next one, so a delivery always ends', () => {
    const queue = new BackendEventQueue();
    queue.push(debug('a'));
    const sink = new RecordingSink();
    // A listener that produces an event for every event it is given.
    sink.debugOutput = (_type, message) => queue.push(debug(`${message}+`));
    expect(queue.deliver(sink)).toBe(1);
    expect(queue.length).toBe(1);
    const next = new RecordingSink();
    queue.deliver(next);
    expect(next.debugMessages()).toEqual([{ type: 5, message: 'a+' }]);
  });

  it('keeps the events after one the sink threw on, ahead of newer ones, and never repeats it', () => {
    const queue = new BackendEventQueue();
    queue.push({ kind: 'relayNetworkStatus', status: status(1) });
    queue.push({ kind: 'relayNetworkStatus', status: status(2) });
    const failing = new RecordingSink();
    failing.relayNetworkStatus = () => {
      queue.push({ kind: 'relayNetworkStatus', status: status(3) });
      throw new Error('listener');
    };
    expect(() => queue.deliver(failing)).toThrow('listener');
    const sink = new RecordingSink();
    queue.deliver(sink);
    expect(sink.statuses().map((s) => s.available)).toEqual([2, 3]);
  });

  it('counts the debug messages still waiting after a throw against the bound', () => {
    const queue = new BackendEventQueue();
    for (let i = 0; i < MAX_QUEUED_DEBUG_MESSAGES; i++) queue.push(debug(`m${i}`));
    const failing = new RecordingSink();
    failing.debugOutput = () => {
      throw new Error('listener');
    };
    expect(() => queue.deliver(failing)).toThrow('listener');
    // 999 wait again: one more fits, the next is dropped.
    queue.push(debug('fits'));
    queue.push(debug('dropped'));
    expect(queue.length).toBe(MAX_QUEUED_DEBUG_MESSAGES);
    expect(queue.droppedDebugMessages).toBe(1);
  });

  it('ends a delivery when clear() is called from the sink', () => {
    const queue = new BackendEventQueue();
    for (const message of ['a', 'b', 'c']) queue.push(debug(message));
    const sink = new RecordingSink();
    const record = sink.debugOutput.bind(sink);
    sink.debugOutput = (type, message) => {
      record(type, message);
      queue.clear();
    };
    expect(queue.deliver(sink)).toBe(1);
    expect(queue.length).toBe(0);
    expect(sink.debugMessages()).toEqual([{ type: 5, message: 'a' }]);
  });

  it('drops debug messages beyond the bound, never statuses, and reports the count once', () => {
    const queue = new BackendEventQueue();
    for (let i = 0; i < MAX_QUEUED_DEBUG_MESSAGES + 5; i++) queue.push(debug(`m${i}`));
    queue.push({ kind: 'relayNetworkStatus', status: status(100) });
    expect(queue.droppedDebugMessages).toBe(5);
    expect(queue.length).toBe(MAX_QUEUED_DEBUG_MESSAGES + 1);
    const sink = new RecordingSink();
    queue.deliver(sink);
    const messages = sink.debugMessages();
    expect(messages[0]).toEqual({
      type: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
      message: expect.stringContaining('5 debug messages were dropped'),
    });
    // The oldest are kept: they say what happened first.
    expect(messages[1]!.message).toBe('m0');
    expect(messages.at(-1)!.message).toBe(`m${MAX_QUEUED_DEBUG_MESSAGES - 1}`);
    expect(sink.statuses()).toHaveLength(1);
    expect(queue.droppedDebugMessages).toBe(0);
    queue.push(debug('again'));
    expect(queue.length).toBe(1);
  });

  it('reports drops counted elsewhere, even with nothing queued, in the singular for one', () => {
    const queue = new BackendEventQueue();
    queue.countDroppedDebugMessages(1);
    const sink = new RecordingSink();
    expect(queue.deliver(sink)).toBe(1);
    expect(sink.debugMessages()[0]!.message).toContain('1 debug message was dropped');
  });

  it('clear() forgets the events and the drop count', () => {
    const queue = new BackendEventQueue();
    queue.push({ kind: 'relayNetworkStatus', status: status(100) });
    queue.countDroppedDebugMessages(3);
    queue.clear();
    const sink = new RecordingSink();
    expect(queue.deliver(sink)).toBe(0);
    expect(sink.events).toEqual([]);
  });
});

describe('BackendEventQueue.refuseReentry', () => {
  it('throws BACKEND_RUN_CALLBACKS_REENTRANT only while a delivery runs', () => {
    const queue = new BackendEventQueue();
    expect(() => queue.refuseReentry('SomeBackend')).not.toThrow();
    const caught: unknown[] = [];
    queue.push({
      kind: 'debugOutput',
      type: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
      message: 'x',
    });
    const sink = new RecordingSink();
    sink.debugOutput = () => {
      try {
        queue.refuseReentry('SomeBackend');
      } catch (error) {
        caught.push(error);
      }
    };
    queue.deliver(sink);
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({ code: 'BACKEND_RUN_CALLBACKS_REENTRANT' });
    expect(String((caught[0] as Error).message)).toContain('SomeBackend.runCallbacks');
    // After the delivery, and after a listener that threw, the guard is down again.
    expect(() => queue.refuseReentry('SomeBackend')).not.toThrow();
  });
});
