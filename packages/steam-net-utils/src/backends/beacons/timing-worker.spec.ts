import { encodeProbe } from '../../port/probe-transport.js';
import {
  type TimingWorkerEvent,
  type TimingWorkerPlatform,
  type TimingWorkerRequest,
  timingWorkerMain,
  timingWorkerWebSocketClass,
} from './timing-worker.js';
import { WebSocketProbeTransport } from './websocket-probe-transport.js';

/** A WebSocket inside the fake worker: it opens at once and echoes after `echoDelayMs` of `clock`. */
class EchoSocket {
  static readonly clock = { ms: 0 };
  static echoDelayMs = 12;
  static readonly opened: EchoSocket[] = [];
  binaryType = '';
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;

  constructor(readonly url: string) {
    EchoSocket.opened.push(this);
    queueMicrotask(() => this.onopen?.());
  }

  send(data: ArrayBuffer): void {
    const echo = data.slice(0);
    queueMicrotask(() => {
      EchoSocket.clock.ms += EchoSocket.echoDelayMs;
      this.onmessage?.({ data: echo });
    });
  }

  close(): void {
    queueMicrotask(() => this.onclose?.());
  }
}

/** A platform whose Worker runs timingWorkerMain in this process, messages on microtasks. */
function inProcessPlatform(sources: string[]): TimingWorkerPlatform {
  class InProcessWorker {
    onmessage: ((event: { data: TimingWorkerEvent }) => void) | null = null;
    onerror: (() => void) | null = null;
    readonly #scope = {
      onmessage: null as ((event: { data: TimingWorkerRequest }) => void) | null,
      postMessage: (message: TimingWorkerEvent) =>
        queueMicrotask(() => this.onmessage?.({ data: message })),
    };

    constructor(url: string) {
      sources.push(url);
      timingWorkerMain(this.#scope, EchoSocket, () => EchoSocket.clock.ms);
    }

    postMessage(message: TimingWorkerRequest): void {
      queueMicrotask(() => this.#scope.onmessage?.({ data: message }));
    }
  }
  return {
    Worker: InProcessWorker,
    Blob: class {
      constructor(readonly parts: string[]) {}
    },
    URL: { createObjectURL: (blob) => (blob as { parts: string[] }).parts.join('') },
  };
}

describe('timingWorkerWebSocketClass', () => {
  it('is undefined where the platform cannot start a worker', () => {
    expect(timingWorkerWebSocketClass({})).toBeUndefined();
  });

  it("times each probe in the worker, whatever the main thread's clock says", async () => {
    const sources: string[] = [];
    const WebSocketClass = timingWorkerWebSocketClass(inProcessPlatform(sources))!;
    // The main thread's clock runs far ahead (a long frame): the worker's round trip is used.
    let mainThreadMs = 0;
    const transport = new WebSocketProbeTransport(WebSocketClass, () => (mainThreadMs += 500));
    const outcome = await transport.probe({ code: 'fra', ws: 'ws://127.0.0.1:1/ping' }, 10_000);
    expect(outcome).toEqual({ ok: true, rttMs: 12 });
    // One worker, started from its program's own source text, and one socket (warm-up, probe).
    expect(sources).toHaveLength(1);
    expect(sources[0]).toContain('PROBE_BYTES');
    expect(EchoSocket.opened.map((socket) => socket.url)).toEqual(['ws://127.0.0.1:1/ping']);
    transport.close();
  });
});

describe('timingWorkerWebSocketClass when the worker cannot start', () => {
  it("closes the worker's sockets, and later sockets are the main thread's WebSocket", async () => {
    class MainThreadSocket {
      constructor(readonly url: string) {}
    }
    const WebSocketClass = timingWorkerWebSocketClass({
      Worker: class {
        onmessage = null;
        onerror = null;
        constructor() {
          throw new Error('Refused by the Content Security Policy');
        }
        postMessage(): void {}
      },
      Blob: class {},
      URL: { createObjectURL: () => 'blob:x' },
      WebSocket: MainThreadSocket as never,
    })!;
    const transport = new WebSocketProbeTransport(WebSocketClass);
    expect(await transport.probe({ code: 'fra', ws: 'ws://127.0.0.1:1/ping' }, 1000)).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    expect(new WebSocketClass('ws://127.0.0.1:1/ping')).toBeInstanceOf(MainThreadSocket);
    transport.close();
  });
});

describe('timingWorkerMain', () => {
  it('reports the round trip of a 12-byte probe, and none for other messages', () => {
    const posted: TimingWorkerEvent[] = [];
    const scope = {
      onmessage: null as ((event: { data: TimingWorkerRequest }) => void) | null,
      postMessage: (message: TimingWorkerEvent) => posted.push(message),
    };
    let now = 100;
    class Manual {
      static readonly made: Manual[] = [];
      binaryType = '';
      onopen = null;
      onclose = null;
      onerror = null;
      onmessage: ((event: { data: unknown }) => void) | null = null;
      constructor() {
        Manual.made.push(this);
      }
      send(): void {}
      close(): void {}
    }
    timingWorkerMain(scope, Manual, () => now);
    scope.onmessage!({ data: { op: 'open', id: 1, url: 'ws://x/ping' } });
    const probe = encodeProbe(7, 9);
    scope.onmessage!({ data: { op: 'send', id: 1, bytes: probe.slice().buffer } });
    now = 130;
    const socket = Manual.made[0];
    socket!.onmessage!({ data: probe.slice().buffer });
    socket!.onmessage!({ data: new ArrayBuffer(3) });
    expect(posted.map((event) => (event.op === 'message' ? event.rttMs : event.op))).toEqual([
      30,
      undefined,
    ]);
  });
});
