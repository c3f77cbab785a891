/**
 * WebSocket probes timed off the main thread. A game's main thread is busy: a frame that takes
 * 40 ms delays every WebSocket message behind it, and a probe timed there measures the frame, not
 * the route (headless Chromium rendering the demo added 30–50 ms to every ping). A dedicated worker
 * owns the sockets instead: it stamps each probe when it sends it and each echo when it arrives,
 * on its own idle event loop, and hands the main thread the round trip with the echo.
 *
 * The worker's program is {@link timingWorkerMain}, started from its own source text in a `Blob`
 * (no bundler setup, no extra file to serve). So that function is self-contained: it names nothing
 * outside itself but the worker's globals. The main thread sees the worker's sockets through
 * {@link timingWorkerWebSocketClass}, a `WebSocketConstructor` like the platform's, whose message
 * events carry `rttMs`; `WebSocketProbeTransport` takes that round trip when it is there.
 */
import { type WebSocketConstructor, type WebSocketLike } from './websocket-probe-transport.js';

/** Main thread → worker. */
export type TimingWorkerRequest =
  | { readonly op: 'open'; readonly id: number; readonly url: string }
  | { readonly op: 'send'; readonly id: number; readonly bytes: ArrayBuffer }
  | { readonly op: 'close'; readonly id: number; readonly code: number };

/** Worker → main thread. */
export type TimingWorkerEvent =
  | { readonly op: 'open' | 'close' | 'error'; readonly id: number }
  | {
      readonly op: 'message';
      readonly id: number;
      readonly data: ArrayBuffer;
      /** The round trip of the probe this echoes, ms on the worker's clock; absent when unknown. */
      readonly rttMs: number | undefined;
    };

/** The part of a worker's global scope the program uses. */
export interface TimingWorkerScope {
  onmessage: ((event: { data: TimingWorkerRequest }) => void) | null;
  postMessage(message: TimingWorkerEvent, transfer?: ArrayBuffer[]): void;
}

/**
 * The worker's program. Keeps each socket's probes in flight by sequence number (bytes 4–7 of a
 * 12-byte probe, big-endian) with their send time, and reports the round trip when the echo comes.
 * At most 1024 probes are remembered per socket, so an echo that never comes costs nothing lasting.
 */
export function timingWorkerMain(
  scope: TimingWorkerScope,
  WebSocketClass: new (url: string) => {
    binaryType: string;
    send(data: ArrayBuffer): void;
    close(code?: number): void;
    onopen: (() => void) | null;
    onclose: (() => void) | null;
    onerror: (() => void) | null;
    onmessage: ((event: { data: unknown }) => void) | null;
  },
  now: () => number,
): void {
  const PROBE_BYTES = 12;
  const MAX_IN_FLIGHT = 1024;
  const sockets = new Map<
    number,
    { socket: InstanceType<typeof WebSocketClass>; sentAt: Map<number, number> }
  >();
  const sequenceOf = (bytes: ArrayBuffer): number | undefined =>
    bytes.byteLength === PROBE_BYTES ? new DataView(bytes).getUint32(4) : undefined;
  scope.onmessage = ({ data: request }) => {
    if (request.op === 'open') {
      let socket: InstanceType<typeof WebSocketClass>;
      try {
        socket = new WebSocketClass(request.url);
      } catch {
        scope.postMessage({ op: 'error', id: request.id });
        scope.postMessage({ op: 'close', id: request.id });
        return;
      }
      const entry = { socket, sentAt: new Map<number, number>() };
      sockets.set(request.id, entry);
      socket.binaryType = 'arraybuffer';
      socket.onopen = () => scope.postMessage({ op: 'open', id: request.id });
      socket.onerror = () => scope.postMessage({ op: 'error', id: request.id });
      socket.onclose = () => {
        sockets.delete(request.id);
        scope.postMessage({ op: 'close', id: request.id });
      };
      socket.onmessage = ({ data }) => {
        const receivedAt = now();
        if (!(data instanceof ArrayBuffer)) return;
        const sequence = sequenceOf(data);
        const sentAt = sequence === undefined ? undefined : entry.sentAt.get(sequence);
        if (sequence !== undefined) entry.sentAt.delete(sequence);
        const rttMs = sentAt === undefined ? undefined : receivedAt - sentAt;
        scope.postMessage({ op: 'message', id: request.id, data, rttMs }, [data]);
      };
      return;
    }
    const entry = sockets.get(request.id);
    if (entry === undefined) return;
    if (request.op === 'send') {
      const sequence = sequenceOf(request.bytes);
      if (sequence !== undefined) {
        if (entry.sentAt.size >= MAX_IN_FLIGHT) entry.sentAt.clear();
        entry.sentAt.set(sequence, now());
      }
      try {
        entry.socket.send(request.bytes);
      } catch {
        scope.postMessage({ op: 'error', id: request.id });
      }
      return;
    }
    entry.socket.close(request.code);
  };
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/** Where a {@link TimingWorkerSocket} sends its requests and gets its events. */
interface TimingWorkerLink {
  post(request: TimingWorkerRequest, transfer?: ArrayBuffer[]): void;
  register(id: number, socket: TimingWorkerSocket): void;
  unregister(id: number): void;
  nextId(): number;
}

/** A WebSocket living in the timing worker, seen from the main thread. */
class TimingWorkerSocket implements WebSocketLike {
  binaryType = 'arraybuffer';
  #readyState = CONNECTING;
  readonly #id: number;
  readonly #link: TimingWorkerLink;
  readonly #listeners = {
    open: [] as (() => void)[],
    close: [] as (() => void)[],
    error: [] as (() => void)[],
    message: [] as ((event: { data: unknown; rttMs?: number }) => void)[],
  };

  constructor(url: string, link: TimingWorkerLink) {
    this.#link = link;
    this.#id = link.nextId();
    link.register(this.#id, this);
    link.post({ op: 'open', id: this.#id, url });
  }

  get readyState(): number {
    return this.#readyState;
  }

  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'open' | 'close' | 'error' | 'message',
    listener: ((event: { data: unknown }) => void) | (() => void),
  ): void {
    (this.#listeners[type] as unknown[]).push(listener);
  }

  send(data: Uint8Array): void {
    if (this.#readyState !== OPEN) throw new Error('the timing worker socket is not open');
    const bytes = data.slice().buffer;
    this.#link.post({ op: 'send', id: this.#id, bytes }, [bytes]);
  }

  close(code = 1000): void {
    if (this.#readyState === CLOSED) return;
    this.#link.post({ op: 'close', id: this.#id, code });
  }

  /** An event from the worker for this socket. */
  receive(event: TimingWorkerEvent): void {
    switch (event.op) {
      case 'open':
        this.#readyState = OPEN;
        for (const listener of this.#listeners.open) listener();
        return;
      case 'error':
        for (const listener of this.#listeners.error) listener();
        return;
      case 'close':
        this.#readyState = CLOSED;
        this.#link.unregister(this.#id);
        for (const listener of this.#listeners.close) listener();
        return;
      case 'message':
        for (const listener of this.#listeners.message) {
          listener({
            data: event.data,
            ...(event.rttMs === undefined ? {} : { rttMs: event.rttMs }),
          });
        }
    }
  }
}

/** The platform's pieces the timing worker needs (browsers have them all). */
export interface TimingWorkerPlatform {
  readonly Worker: new (url: string) => {
    onmessage: ((event: { data: TimingWorkerEvent }) => void) | null;
    onerror: (() => void) | null;
    postMessage(message: TimingWorkerRequest, transfer?: ArrayBuffer[]): void;
  };
  /** The main thread's WebSocket, for when the worker cannot start. */
  readonly WebSocket?: WebSocketConstructor | undefined;
  readonly Blob: new (parts: string[], options: { type: string }) => unknown;
  readonly URL: { createObjectURL(blob: unknown): string };
}

/**
 * A `WebSocketConstructor` whose sockets live in one timing worker, started on the first socket;
 * undefined where the platform has no `Worker`, `Blob` or `URL.createObjectURL` (then the caller
 * uses the platform's `WebSocket` on the main thread). When the worker cannot start (a Content
 * Security Policy that forbids `blob:` workers throws, or fails the worker later), its sockets
 * close, and every socket made after that is the platform's `WebSocket` on the main thread.
 */
export function timingWorkerWebSocketClass(
  platform: Partial<TimingWorkerPlatform> = globalThis as Partial<TimingWorkerPlatform>,
): WebSocketConstructor | undefined {
  const { Worker, Blob, URL } = platform;
  if (Worker === undefined || Blob === undefined || typeof URL?.createObjectURL !== 'function') {
    return undefined;
  }
  const MainThreadWebSocket = platform.WebSocket;
  let worker: InstanceType<TimingWorkerPlatform['Worker']> | undefined;
  let failed = false;
  const sockets = new Map<number, TimingWorkerSocket>();
  let lastId = 0;
  const fail = (): void => {
    failed = true;
    for (const [id, socket] of [...sockets]) socket.receive({ op: 'close', id });
  };
  const link: TimingWorkerLink = {
    post: (request, transfer) => {
      if (failed) return;
      if (worker === undefined) {
        const source = `(${timingWorkerMain.toString()})(self, WebSocket, () => performance.now());`;
        try {
          worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        } catch {
          queueMicrotask(fail);
          return;
        }
        worker.onmessage = ({ data }) => sockets.get(data.id)?.receive(data);
        worker.onerror = fail;
      }
      worker.postMessage(request, transfer);
    },
    register: (id, socket) => sockets.set(id, socket),
    unregister: (id) => sockets.delete(id),
    nextId: () => ++lastId,
  };
  return class {
    constructor(url: string) {
      if (failed && MainThreadWebSocket !== undefined) return new MainThreadWebSocket(url);
      return new TimingWorkerSocket(url, link);
    }
  } as unknown as WebSocketConstructor;
}
