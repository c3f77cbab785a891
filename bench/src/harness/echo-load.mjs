// @ts-check
/**
 * The clients of the beacon benchmarks (`benchmarks/beacon.ts`), in a Node process of its own, so
 * that neither the server's process (`echo-server.mjs`) nor the benchmarks' own pays for them.
 *
 *   node echo-load.mjs
 *
 * Every probe is 12 bytes: 0xFF 0xFF 'R' 'L', a sequence number (uint32, big-endian), then the
 * run's nonce (uint32, big-endian); the beacons backend's probes have this size and put their
 * sequence number in the same place. An answer must be the same 12 bytes, with the first two
 * set to 0x00 0x00 over UDP and unchanged over WebSocket. Every answer is checked: one that is
 * not a probe's answer counts as `wrong` (and as `larger` too when it is longer than 12 bytes).
 *
 * It takes requests over Node's IPC channel; each carries an `id` that its reply repeats:
 *
 * - `{ type: 'udp', port, window, durationMs, nonce }`: one connected socket keeps `window`
 *   probes in flight to `127.0.0.1:port` (each answer sends the next) for `durationMs`, then
 *   waits for the last answers;
 * - `{ type: 'ws', url, connections, window, durationMs, nonce }`: the same over `connections`
 *   WebSockets with `window` probes in flight on each (binary messages), opened before and closed
 *   after the timed part;
 * - `{ type: 'flood', port, clients, probesPerSecond, malformedEvery, durationMs, nonce }`:
 *   `clients` UDP sockets, each bound to an address of its own in 127.0.0.0/8 where the system
 *   routes that range to the loopback interface (Linux does), else all on 127.0.0.1 with ports of
 *   their own; each sends `probesPerSecond` probes a second, in turn, and every
 *   `malformedEvery`-th datagram of the whole flood is a malformed one instead (oversized, too
 *   short, empty, a wrong prefix, or an answer-shaped datagram with a foreign nonce), none of which
 *   should be answered;
 * - `{ type: 'close' }`: answers and exits.
 *
 * A probe not answered within a while (250 ms over UDP, 1 s over WebSocket) is counted `lost`
 * and its slot sends a new one; its answer, should it come later, counts as `late`. The counts
 * of the timed part (`answered`) and of the wait after it (`drained`) are kept apart.
 */
import { createSocket } from 'node:dgram';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ type: 'udp'; id: number; port: number; window: number; durationMs: number; nonce: number }
 *   | { type: 'ws'; id: number; url: string; connections: number; window: number; durationMs: number; nonce: number }
 *   | { type: 'flood'; id: number; port: number; clients: number; probesPerSecond: number; malformedEvery: number; durationMs: number; nonce: number }
 *   | { type: 'close'; id: number }} LoadRequest
 */

/**
 * The part of `ws`'s client the load uses (its types are the beacon package's development
 * dependency, not the benchmarks').
 *
 * @typedef {object} ClientWebSocket
 * @property {number} readyState
 * @property {(data: Buffer, options: { binary: boolean }) => void} send
 * @property {(code?: number) => void} close
 * @property {() => void} terminate
 * @property {(event: string, listener: (...args: any[]) => void) => unknown} on
 * @property {(event: string, listener: (...args: any[]) => void) => unknown} once
 */

/** @typedef {new (url: string, options: Record<string, unknown>) => ClientWebSocket} WebSocketClass */

/** Every server listens here. */
const HOST = '127.0.0.1';
/** Bytes of a probe. */
const PROBE_BYTES = 12;
/** 'R' and 'L', the third and fourth bytes of a probe. */
const MARK_R = 0x52;
const MARK_L = 0x4c;
/** After this long without an answer a UDP probe is lost. */
const UDP_LOST_AFTER_MS = 250;
/** After this long without an answer a WebSocket probe is lost (the beacon drops some answers). */
const WS_LOST_AFTER_MS = 1000;
/** The most the wait for the last answers after the timed part takes. */
const DRAIN_MS = 500;

// The `ws` the beacon depends on: the clients run the same library as both servers.
const requireFromBeacon = createRequire(fileURLToPath(import.meta.resolve('@relaylane/beacon')));
/** @type {{ WebSocket: WebSocketClass }} */
const { WebSocket } = requireFromBeacon('ws');

process.on('disconnect', () => process.exit(0));
process.on('message', (/** @type {LoadRequest} */ request) => {
  void run(request).then(
    (reply) => process.send?.({ ...reply, id: request.id }),
    (/** @type {unknown} */ error) =>
      process.send?.({
        type: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
process.send?.({ type: 'ready' });

/**
 * @param {LoadRequest} request
 * @returns {Promise<Record<string, unknown>>}
 */
async function run(request) {
  switch (request.type) {
    case 'udp':
      return udpEchoes(request);
    case 'ws':
      return webSocketEchoes(request);
    case 'flood':
      return flood(request);
    case 'close':
      setImmediate(() => process.exit(0));
      return { type: 'closed' };
  }
}

/** The counts of a run. */
function newCounts() {
  return { sent: 0, answered: 0, drained: 0, wrong: 0, larger: 0, late: 0, lost: 0 };
}

/**
 * A probe.
 *
 * @param {number} sequence
 * @param {number} nonce
 */
function probe(sequence, nonce) {
  const bytes = Buffer.allocUnsafe(PROBE_BYTES);
  bytes[0] = 0xff;
  bytes[1] = 0xff;
  bytes[2] = MARK_R;
  bytes[3] = MARK_L;
  bytes.writeUInt32BE(sequence >>> 0, 4);
  bytes.writeUInt32BE(nonce >>> 0, 8);
  return bytes;
}

/**
 * The sequence number `answer` answers, or -1 when it is no probe's answer of this run.
 *
 * @param {Buffer} answer
 * @param {number} nonce
 * @param {number} prefix what the first two bytes must be (0x00 over UDP, 0xFF over WebSocket)
 */
function answeredSequence(answer, nonce, prefix) {
  if (
    answer.length !== PROBE_BYTES ||
    answer[0] !== prefix ||
    answer[1] !== prefix ||
    answer[2] !== MARK_R ||
    answer[3] !== MARK_L ||
    answer.readUInt32BE(8) !== nonce >>> 0
  ) {
    return -1;
  }
  return answer.readUInt32BE(4);
}

/**
 * Keeps `slots` probes in flight through `send(slot, probe)` for `durationMs`, then waits for the
 * last answers; `listen` is handed the function to call with each answer.
 *
 * @param {object} options
 * @param {number} options.slots
 * @param {number} options.durationMs
 * @param {number} options.nonce
 * @param {number} options.prefix
 * @param {number} options.lostAfterMs
 * @param {(slot: number, bytes: Buffer) => void} options.send
 * @param {(onAnswer: (answer: Buffer) => void) => void} options.listen
 */
async function windowed({ slots, durationMs, nonce, prefix, lostAfterMs, send, listen }) {
  const counts = newCounts();
  const issued = new Uint32Array(slots);
  const awaited = new Float64Array(slots).fill(-1);
  const sentAt = new Float64Array(slots);
  let timed = true;
  let waiting = 0;
  /** @type {() => void} */
  let allIn = () => {};

  const sendSlot = (/** @type {number} */ slot) => {
    const round = issued[slot] ?? 0;
    const sequence = (slot + slots * round) >>> 0;
    issued[slot] = round + 1;
    awaited[slot] = sequence;
    sentAt[slot] = performance.now();
    counts.sent += 1;
    send(slot, probe(sequence, nonce));
  };
  const settle = (/** @type {number} */ slot) => {
    awaited[slot] = -1;
    waiting -= 1;
    if (waiting === 0) allIn();
  };
  listen((answer) => {
    const sequence = answeredSequence(answer, nonce, prefix);
    if (sequence < 0) {
      counts.wrong += 1;
      if (answer.length > PROBE_BYTES) counts.larger += 1;
      return;
    }
    const slot = sequence % slots;
    if (awaited[slot] !== sequence) {
      counts.late += 1;
      return;
    }
    if (timed) {
      counts.answered += 1;
      sendSlot(slot);
    } else {
      counts.drained += 1;
      settle(slot);
    }
  });
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (let slot = 0; slot < slots; slot++) {
      if (awaited[slot] === -1 || now - (sentAt[slot] ?? 0) < lostAfterMs) continue;
      counts.lost += 1;
      if (timed) sendSlot(slot);
      else settle(slot);
    }
  }, 50);

  const started = performance.now();
  for (let slot = 0; slot < slots; slot++) sendSlot(slot);
  await delay(durationMs);
  const elapsedMs = performance.now() - started;
  timed = false;
  waiting = slots;
  await new Promise((resolve) => {
    allIn = () => resolve(undefined);
    setTimeout(allIn, DRAIN_MS);
  });
  clearInterval(sweeper);
  return { ...counts, elapsedMs };
}

/** @param {Extract<LoadRequest, { type: 'udp' }>} request */
async function udpEchoes(request) {
  const socket = createSocket('udp4');
  await new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.connect(request.port, HOST, () => {
      socket.off('error', reject);
      resolve(undefined);
    });
  });
  // A connected socket hears of a closed port (ICMP) as an error; the probe is then lost.
  socket.on('error', () => undefined);
  try {
    const counts = await windowed({
      slots: request.window,
      durationMs: request.durationMs,
      nonce: request.nonce,
      prefix: 0x00,
      lostAfterMs: UDP_LOST_AFTER_MS,
      send: (_slot, bytes) => socket.send(bytes),
      listen: (onAnswer) => socket.on('message', onAnswer),
    });
    return { type: 'result', ...counts };
  } finally {
    await new Promise((resolve) => socket.close(() => resolve(undefined)));
  }
}

/** @param {Extract<LoadRequest, { type: 'ws' }>} request */
async function webSocketEchoes(request) {
  const sockets = await Promise.all(
    Array.from({ length: request.connections }, () => openWebSocket(request.url)),
  );
  try {
    const counts = await windowed({
      slots: request.connections * request.window,
      durationMs: request.durationMs,
      nonce: request.nonce,
      prefix: 0xff,
      lostAfterMs: WS_LOST_AFTER_MS,
      send: (slot, bytes) => {
        const ws = sockets[Math.floor(slot / request.window)];
        if (ws !== undefined && ws.readyState === 1) ws.send(bytes, { binary: true });
      },
      listen: (onAnswer) => {
        for (const ws of sockets) ws.on('message', (/** @type {Buffer} */ data) => onAnswer(data));
      },
    });
    return { type: 'result', ...counts };
  } finally {
    await Promise.all(sockets.map(closeWebSocket));
  }
}

/**
 * @param {string} url
 * @returns {Promise<ClientWebSocket>}
 */
function openWebSocket(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, /** @type {{ statusCode?: number }} */ response) => {
      reject(
        new Error(`The WebSocket upgrade to ${url} was refused: HTTP ${response.statusCode}.`),
      );
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** @param {ClientWebSocket} ws */
function closeWebSocket(ws) {
  return new Promise((resolve) => {
    if (ws.readyState === 3) {
      resolve(undefined);
      return;
    }
    const cutOff = setTimeout(() => ws.terminate(), 1000);
    ws.on('error', () => undefined);
    ws.once('close', () => {
      clearTimeout(cutOff);
      resolve(undefined);
    });
    ws.close(1000);
  });
}

/** @param {Extract<LoadRequest, { type: 'flood' }>} request */
async function flood(request) {
  const { port, clients, probesPerSecond, malformedEvery, durationMs, nonce } = request;
  const counts = {
    probes: 0,
    malformed: 0,
    answered: 0,
    wrong: 0,
    larger: 0,
    elapsedMs: 0,
    distinctSources: true,
  };
  /** @param {Buffer} answer */
  const onAnswer = (answer) => {
    if (answeredSequence(answer, nonce, 0x00) >= 0) {
      counts.answered += 1;
      return;
    }
    counts.wrong += 1;
    if (answer.length > PROBE_BYTES) counts.larger += 1;
  };
  /** @type {import('node:dgram').Socket[]} */
  const sockets = [];
  try {
    for (let client = 0; client < clients; client++) {
      let socket;
      try {
        socket = await connectedSocket(counts.distinctSources ? sourceAddress(client) : HOST, port);
      } catch (error) {
        // No loopback range beyond 127.0.0.1 (macOS, for one): every client on 127.0.0.1.
        if (client > 0 || !counts.distinctSources) throw error;
        counts.distinctSources = false;
        socket = await connectedSocket(HOST, port);
      }
      socket.on('message', onAnswer);
      socket.on('error', () => undefined);
      sockets.push(socket);
    }

    let sequence = 0;
    let next = 0;
    let malformedKind = 0;
    const perMs = (clients * probesPerSecond) / 1000;
    const started = performance.now();
    const sendDue = () => {
      const due = Math.floor((performance.now() - started) * perMs);
      for (; next < due; next++) {
        const socket = /** @type {import('node:dgram').Socket} */ (sockets[next % clients]);
        if (malformedEvery > 0 && (next + 1) % malformedEvery === 0) {
          socket.send(malformed(malformedKind++, nonce));
          counts.malformed += 1;
        } else {
          socket.send(probe(sequence++, nonce));
          counts.probes += 1;
        }
      }
    };
    const timer = setInterval(sendDue, 5);
    await delay(durationMs);
    clearInterval(timer);
    sendDue();
    counts.elapsedMs = performance.now() - started;
    await delay(200);
    return { type: 'result', ...counts, clients };
  } finally {
    await Promise.all(
      sockets.map((socket) => new Promise((resolve) => socket.close(() => resolve(undefined)))),
    );
  }
}

/**
 * The `client`-th source address: 127.1.0.1, 127.1.0.2, … (250 per third byte).
 *
 * @param {number} client
 */
function sourceAddress(client) {
  return `127.1.${Math.floor(client / 250)}.${(client % 250) + 1}`;
}

/**
 * @param {string} address
 * @param {number} port
 * @returns {Promise<import('node:dgram').Socket>}
 */
function connectedSocket(address, port) {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(0, address, () => {
      socket.connect(port, HOST, () => {
        socket.removeAllListeners('error');
        resolve(socket);
      });
    });
  });
}

/**
 * A datagram the beacon must not answer, of the `kind`-th sort in turn.
 *
 * @param {number} kind
 * @param {number} nonce
 */
function malformed(kind, nonce) {
  switch (kind % 6) {
    case 0: // one byte more than the largest request
      return Buffer.alloc(513, 0xff);
    case 1: // a large datagram with the request prefix
      return Buffer.alloc(1400, 0xff);
    case 2: // too short
      return Buffer.from([0xff]);
    case 3: // empty
      return Buffer.alloc(0);
    case 4: {
      // a probe with a wrong prefix
      const bytes = probe(kind, nonce);
      bytes[1] = 0x00;
      return bytes;
    }
    default: {
      // shaped like an answer (what a reflection would send back), with another nonce
      const bytes = probe(kind, ~nonce);
      bytes[0] = 0x00;
      bytes[1] = 0x00;
      return bytes;
    }
  }
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
