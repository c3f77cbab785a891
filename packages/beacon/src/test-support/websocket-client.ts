/** WebSocket clients for tests (the `ws` library's), with bounded waits for their events. */
import { type RawData, WebSocket } from 'ws';

const WAIT_MS = 5000;

function bounded<T>(
  what: string,
  executor: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timeout = setTimeout(
      () => reject(new Error(`${what}: nothing within ${WAIT_MS} ms`)),
      WAIT_MS,
    );
    executor(
      (value) => {
        clearTimeout(timeout);
        resolve(value);
      },
      (error) => {
        clearTimeout(timeout);
        reject(error);
      },
    );
  });
}

/** Opens a connection; rejects with the HTTP status when the upgrade is refused. */
export function openWebSocket(
  url: string,
  options: { readonly localAddress?: string } = {},
): Promise<WebSocket> {
  return bounded(`open ${url}`, (resolve, reject) => {
    const ws = new WebSocket(url, { ...options, perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${String(response.statusCode)}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** The next message and whether it was binary. */
export function nextMessage(
  ws: WebSocket,
): Promise<{ readonly data: Buffer; readonly isBinary: boolean }> {
  return bounded('message', (resolve) =>
    ws.once('message', (data: RawData, isBinary: boolean) =>
      resolve({ data: data as Buffer, isBinary }),
    ),
  );
}

/** The close code and reason, when the connection closes. */
export function closed(ws: WebSocket): Promise<{ readonly code: number; readonly reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error('closed already'));
  return bounded('close', (resolve) => {
    ws.on('error', () => undefined);
    ws.once('close', (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString() }),
    );
  });
}
