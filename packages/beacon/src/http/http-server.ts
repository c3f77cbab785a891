/**
 * The beacon's TCP port: a small HTTP API and, on the same port, the WebSocket echo.
 *
 *   GET  /network-config  this beacon and its peers in Valve's SDR config shape
 *   GET  /health          counts, uptime and each peer's state
 *   GET  /beacon          this beacon's own description (what peers read)
 *   GET  /ping            the WebSocket echo (an upgrade; a plain GET is answered 426)
 *
 * Every answer is JSON and carries `Access-Control-Allow-Origin: *`, because the pages that read
 * the config are served from other origins. HEAD is answered like GET without a body, OPTIONS
 * (a CORS preflight) 204; any other method 405, any other path 404. An upgrade on another path
 * is refused with 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { clearTimeout, setTimeout } from 'node:timers';

import { listenError } from '../errors.js';
import { bracketed } from '../net/address.js';
import { refuseUpgrade } from './upgrade-refusal.js';

/** The path of the WebSocket echo. */
export const WEBSOCKET_PATH = '/ping';

/** The documents the API serves, built afresh for each request. */
export interface HttpDocuments {
  networkConfig(): object;
  health(): object;
  beacon(): object;
}

/** Where upgrades to {@link WEBSOCKET_PATH} go. */
export interface UpgradeHandler {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface HttpServerOptions {
  readonly documents: HttpDocuments;
  readonly websocket: UpgradeHandler;
  /** The most TCP connections at once (WebSockets included); more are dropped on accept. */
  readonly maxConnections: number;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Max-Age': '86400',
} as const;

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

const ENDPOINTS: Readonly<Record<string, keyof HttpDocuments>> = {
  '/network-config': 'networkConfig',
  '/health': 'health',
  '/beacon': 'beacon',
};

const ENDPOINT_LIST = `${Object.keys(ENDPOINTS).join(', ')}, ${WEBSOCKET_PATH} (WebSocket)`;

export class BeaconHttpServer {
  readonly #server: Server;
  #closed: Promise<void> | undefined;

  /** Sets the server up; it serves once {@link listen} resolves. */
  constructor(options: HttpServerOptions) {
    const server = createServer(
      // Bounds on slow or silent clients: a request must arrive whole within these.
      { headersTimeout: 10_000, requestTimeout: 10_000, keepAliveTimeout: 5_000 },
      (request, response) => answer(request, response, options.documents),
    );
    server.maxConnections = options.maxConnections;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = pathOf(request);
      if (path === WEBSOCKET_PATH) options.websocket.handleUpgrade(request, socket, head);
      else refuseUpgrade(socket, 404, `No WebSocket at ${path}; it is at ${WEBSOCKET_PATH}.`);
    });
    // A client that breaks the protocol is dropped; it is not an error of the beacon.
    server.on('clientError', (_error, socket: Duplex) => socket.destroy());
    this.#server = server;
  }

  /**
   * Listens on `host` and `port` (0: one of the system's choice). Rejects with a
   * `BeaconStartError` when the port is taken or the host is not local.
   */
  async listen(host: string, port: number): Promise<void> {
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      throw listenError(error, `TCP port ${port} on ${host} (HTTP and WebSocket)`, '--http-port');
    });
  }

  /** The port listened on. */
  get port(): number {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('The beacon HTTP server is not listening on a TCP port.');
    }
    return address.port;
  }

  /** `http://host:port` as listened on. */
  get url(): string {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('The beacon HTTP server is not listening on a TCP port.');
    }
    return `http://${bracketed(address.address)}:${address.port}`;
  }

  /**
   * Stops accepting connections and resolves when every connection is closed. Idle keep-alive
   * connections close at once; a request being answered may finish within `graceMs`, after which
   * every connection still open is cut. Upgraded (WebSocket) connections count too: the WebSocket
   * echo closes those. Idempotent.
   */
  close(graceMs: number): Promise<void> {
    this.#closed ??= new Promise<void>((resolve) => {
      // A real-time bound: it bounds other hosts' I/O, not anything on the beacon's clock.
      const cutOff = setTimeout(() => this.#server.closeAllConnections(), graceMs);
      this.#server.close(() => {
        clearTimeout(cutOff);
        resolve();
      });
      this.#server.closeIdleConnections();
    });
    return this.#closed;
  }
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?', 1)[0]!;
}

function answer(
  request: IncomingMessage,
  response: ServerResponse,
  documents: HttpDocuments,
): void {
  const method = request.method ?? 'GET';
  const path = pathOf(request);
  if (method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS).end();
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    sendJson(
      response,
      method,
      405,
      { error: `${method} is not allowed; use GET.` },
      {
        Allow: ALLOWED_METHODS,
      },
    );
    return;
  }
  const endpoint = ENDPOINTS[path];
  if (endpoint !== undefined) {
    sendJson(response, method, 200, documents[endpoint]());
  } else if (path === WEBSOCKET_PATH) {
    sendJson(
      response,
      method,
      426,
      { error: `${WEBSOCKET_PATH} is a WebSocket: connect with ws:// or wss://.` },
      {
        Upgrade: 'websocket',
      },
    );
  } else {
    sendJson(response, method, 404, { error: `No endpoint ${path}. Endpoints: ${ENDPOINT_LIST}.` });
  }
}

function sendJson(
  response: ServerResponse,
  method: string,
  status: number,
  body: object,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = `${JSON.stringify(body)}\n`;
  response.writeHead(status, {
    ...CORS_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(method === 'HEAD' ? undefined : text);
}
