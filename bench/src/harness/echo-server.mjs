// @ts-check
/**
 * One echo server in a Node process of its own, for the beacon benchmarks
 * (`benchmarks/beacon.ts`): the server's process is the one core that answers, and its CPU time
 * and memory are its own.
 *
 *   node [--expose-gc] echo-server.mjs beacon '<BeaconOptions as JSON>'
 *   node [--expose-gc] echo-server.mjs bare
 *
 * - `beacon`: `startBeacon` of `@relaylane/beacon` (its built files, through the package's
 *   exports) on 127.0.0.1, ports of the system's choice, logging nothing; the JSON's options are
 *   added to those (the benchmarks raise the rate limit and the connection caps with them).
 * - `bare`: the baselines, written here: a `node:dgram` echo that answers a datagram of 2 to 512
 *   bytes starting 0xFF 0xFF with the same bytes, the first two set to 0x00 0x00 (the beacon's
 *   check and flip, without its rate limit, counts or link emulation), and a `ws` echo at
 *   `ws://127.0.0.1:<port>/ping` that sends each message back as it came, made with the beacon's
 *   own copy of `ws` and its settings (no compression, 512-byte frames at most, no client
 *   tracking).
 *
 * It talks to its parent over Node's IPC channel. Once listening it sends
 * `{ type: 'ready', udpPort, wsUrl }`. Each request carries an `id` that its reply repeats:
 *
 * - `{ type: 'usage', collect? }`: CPU time, memory (after three full collections when `collect`
 *   and `--expose-gc`), the highest RSS and heap sampled since the last `watch`, and the beacon's
 *   counts (its `/health` document's `udp` and `ws`; none for `bare`);
 * - `{ type: 'watch', everyMs }`: starts sampling RSS and heap every `everyMs` (forgetting the
 *   earlier highs);
 * - `{ type: 'close' }`: closes the server, answers, and exits.
 *
 * It exits when its parent goes away.
 */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ type: 'usage'; id: number; collect?: boolean }
 *   | { type: 'watch'; id: number; everyMs: number }
 *   | { type: 'close'; id: number }} ServerRequest
 */

/**
 * @typedef {object} Server
 * @property {number} udpPort
 * @property {string} wsUrl
 * @property {() => Record<string, unknown> | undefined} counts
 * @property {() => Promise<void>} close
 */

/**
 * The part of `ws` the bare echo uses (its types are the beacon package's development dependency,
 * not the benchmarks').
 *
 * @typedef {object} ServerWebSocket
 * @property {(data: unknown, options: { binary: boolean }) => void} send
 * @property {() => void} terminate
 * @property {(event: string, listener: (...args: any[]) => void) => unknown} on
 * @property {(event: string, listener: (...args: any[]) => void) => unknown} once
 */

/**
 * @typedef {new (options: Record<string, unknown>) => {
 *   handleUpgrade(
 *     request: import('node:http').IncomingMessage,
 *     socket: import('node:stream').Duplex,
 *     head: Buffer,
 *     done: (ws: ServerWebSocket) => void,
 *   ): void;
 * }} WebSocketServerClass
 */

/** The listen address of every server: loopback only. */
const HOST = '127.0.0.1';

/** The largest request answered (the beacon's MAX_ECHO_BYTES). */
const MAX_ECHO_BYTES = 512;

const kind = process.argv[2];
if (kind !== 'beacon' && kind !== 'bare') {
  console.error("Usage: node echo-server.mjs beacon|bare ['<options as JSON>']");
  process.exit(2);
}
/** @type {Record<string, unknown>} */
const extraOptions = JSON.parse(process.argv[3] ?? '{}');
const server = kind === 'beacon' ? await startBeaconServer(extraOptions) : await startBareServer();

/** @type {(() => void) | undefined} */
const collect = /** @type {{ gc?: () => void }} */ (globalThis).gc;
/** @type {ReturnType<typeof setInterval> | undefined} */
let sampler;
let peakRss = 0;
let peakHeapUsed = 0;

process.on('disconnect', () => process.exit(0));
process.on('message', (/** @type {ServerRequest} */ request) => {
  void answer(request).then(
    (reply) => process.send?.({ ...reply, id: request.id }),
    (/** @type {unknown} */ error) =>
      process.send?.({ type: 'error', id: request.id, message: String(error) }),
  );
});
process.send?.({ type: 'ready', udpPort: server.udpPort, wsUrl: server.wsUrl });

/**
 * @param {ServerRequest} request
 * @returns {Promise<Record<string, unknown>>}
 */
async function answer(request) {
  switch (request.type) {
    case 'usage': {
      if (request.collect === true && collect !== undefined) for (let i = 0; i < 3; i++) collect();
      const memory = process.memoryUsage();
      sample(memory);
      return {
        type: 'usage',
        cpuMicros: cpuMicros(),
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        peakRss,
        peakHeapUsed,
        counts: server.counts(),
      };
    }
    case 'watch': {
      if (sampler !== undefined) clearInterval(sampler);
      peakRss = 0;
      peakHeapUsed = 0;
      sample(process.memoryUsage());
      sampler = setInterval(() => sample(process.memoryUsage()), request.everyMs);
      return { type: 'watching' };
    }
    case 'close': {
      if (sampler !== undefined) clearInterval(sampler);
      await server.close();
      setImmediate(() => process.exit(0));
      return { type: 'closed' };
    }
  }
}

/** @param {NodeJS.MemoryUsage} memory */
function sample(memory) {
  peakRss = Math.max(peakRss, memory.rss);
  peakHeapUsed = Math.max(peakHeapUsed, memory.heapUsed);
}

/** The process's CPU time so far, user and system, µs. */
function cpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * @param {Record<string, unknown>} options
 * @returns {Promise<Server>}
 */
async function startBeaconServer(options) {
  const { startBeacon } = await import('@relaylane/beacon');
  const beacon = await startBeacon({
    code: 'bnch',
    desc: 'Benchmark',
    geo: { lat: 50.11, lon: 8.68 },
    host: HOST,
    udpPort: 0,
    httpPort: 0,
    log: () => {},
    ...options,
  });
  return {
    udpPort: beacon.udpPort,
    wsUrl: beacon.wsUrl,
    counts: () => {
      const health = beacon.health();
      return { udp: health.udp, ws: health.ws };
    },
    close: () => beacon.close(),
  };
}

/** @returns {Promise<Server>} */
async function startBareServer() {
  // The `ws` the beacon depends on, so both WebSocket echoes run the same library.
  const requireFromBeacon = createRequire(fileURLToPath(import.meta.resolve('@relaylane/beacon')));
  /** @type {{ WebSocketServer: WebSocketServerClass }} */
  const { WebSocketServer } = requireFromBeacon('ws');

  const udp = createSocket('udp4');
  udp.on('message', (datagram, source) => {
    if (
      datagram.length < 2 ||
      datagram.length > MAX_ECHO_BYTES ||
      datagram[0] !== 0xff ||
      datagram[1] !== 0xff
    ) {
      return;
    }
    datagram[0] = 0x00;
    datagram[1] = 0x00;
    udp.send(datagram, source.port, source.address, () => undefined);
  });
  await new Promise((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(0, HOST, () => resolve(undefined));
  });
  udp.on('error', () => undefined);

  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_ECHO_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });
  /** @type {Set<ServerWebSocket>} */
  const open = new Set();
  const http = createServer((_request, response) => response.writeHead(404).end());
  http.on('upgrade', (request, socket, head) => {
    if (request.url !== '/ping') {
      socket.destroy();
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (ws) => {
      open.add(ws);
      ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
      ws.on('error', () => undefined);
      ws.once('close', () => open.delete(ws));
    });
  });
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, HOST, () => resolve(undefined));
  });
  const address = http.address();
  const httpPort = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    udpPort: udp.address().port,
    wsUrl: `ws://${HOST}:${httpPort}/ping`,
    counts: () => undefined,
    close: async () => {
      for (const ws of open) ws.terminate();
      await Promise.all([
        new Promise((resolve) => udp.close(() => resolve(undefined))),
        new Promise((resolve) => http.close(() => resolve(undefined))),
      ]);
    },
  };
}
