/**
 * The browser's default transport: WebSocket probes timed in a worker off the main thread where
 * the platform can start one (see timing-worker.ts), else on the platform's `WebSocket`.
 */
import { timingWorkerWebSocketClass } from './timing-worker.js';
import { type WebSocketConstructor, WebSocketProbeTransport } from './websocket-probe-transport.js';

/** See the file comment; `now` times the probes on the main thread. Undefined without WebSocket. */
export function webSocketTransport(now: () => number): WebSocketProbeTransport | undefined {
  const WebSocketClass =
    timingWorkerWebSocketClass() ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  return WebSocketClass === undefined
    ? undefined
    : new WebSocketProbeTransport(WebSocketClass, now);
}
