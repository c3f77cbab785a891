// @ts-check
/**
 * The beacons of the demo's beacons variant (`bash scripts/demo.sh --beacons`): five beacons in
 * this process, each on its own loopback address (127.0.0.2 to 127.0.0.6) with fixed ports, as a
 * mesh (each lists the others as peers). Their echoes are delayed in user space (the kernel here
 * has no netem) by the round trip that geography gives:
 *
 * - to the browser (it comes from 127.0.0.1): from the player's city to the beacon's;
 * - to another beacon (it comes from that beacon's address): between the two beacons' cities;
 *
 * each the fibre bound times Valve's median route factor, plus a few ms of access. So the browser
 * really measures the pings a player in that city would, and the mesh publishes a backbone like a
 * real one. Stops on Ctrl-C or SIGTERM.
 *
 *   node scripts/demo-beacons.mjs [player-lat,player-lon]    (default Frankfurt: 50.11,8.68)
 */
import { startBeacon } from '@relaylane/beacon';
import { BACKBONE_ROUTE_FACTOR, fiberBoundRttMs } from '@relaylane/steam-net-utils/estimator';

/** The beacons: Valve's codes, so the simulated lobbies' ping locations name them too. */
const REGIONS = [
  { code: 'fra', desc: 'Frankfurt', geo: { lat: 50.12, lon: 8.68 } },
  { code: 'lhr', desc: 'London', geo: { lat: 51.47, lon: -0.45 } },
  { code: 'iad', desc: 'Washington', geo: { lat: 38.95, lon: -77.45 } },
  { code: 'sgp', desc: 'Singapore', geo: { lat: 1.36, lon: 103.99 } },
  { code: 'syd', desc: 'Sydney', geo: { lat: -33.94, lon: 151.18 } },
];
/** Ms a player's own line and a beacon's network add to every round trip. */
const ACCESS_MS = 4;
const HTTP_PORT_BASE = 8081;
const UDP_PORT_BASE = 3081;
const BROWSER_ADDRESS = '127.0.0.1';

const hostOf = (/** @type {number} */ index) => `127.0.0.${index + 2}`;

/** @returns {{ lat: number, lon: number }} */
function readPlayer() {
  const text = process.argv[2] ?? '50.11,8.68';
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  const lat = Number(match?.[1]);
  const lon = Number(match?.[2]);
  if (match === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    console.error(
      `demo-beacons: the player's place must be "lat,lon", got ${JSON.stringify(text)}`,
    );
    process.exit(2);
  }
  return { lat, lon };
}

/** The emulated round trip between two places, whole ms. */
function emulatedRttMs(
  /** @type {{ lat: number, lon: number }} */ a,
  /** @type {{ lat: number, lon: number }} */ b,
) {
  return Math.round(fiberBoundRttMs(a, b) * BACKBONE_ROUTE_FACTOR) + ACCESS_MS;
}

const player = readPlayer();
const placeOfAddress = new Map(REGIONS.map((region, index) => [hostOf(index), region.geo]));
placeOfAddress.set(BROWSER_ADDRESS, player);

/** @type {import('@relaylane/beacon').RunningBeacon[]} */
const beacons = [];
try {
  for (const [index, region] of REGIONS.entries()) {
    const peers = REGIONS.map((_, other) => `http://${hostOf(other)}:${HTTP_PORT_BASE + other}`);
    beacons.push(
      await startBeacon({
        ...region,
        host: hostOf(index),
        httpPort: HTTP_PORT_BASE + index,
        udpPort: UDP_PORT_BASE + index,
        peers: peers.filter((_, other) => other !== index),
        // The mesh comes up one beacon at a time: look for the others again every 2 s, and keep
        // the log to errors (the first fetches of beacons not started yet fail, as expected).
        peerRefreshIntervalMs: 2000,
        logLevel: 'error',
        emulate: {
          delayForSource: (address) => {
            const from = placeOfAddress.get(address);
            return from === undefined ? 0 : emulatedRttMs(from, region.geo);
          },
        },
      }),
    );
  }
} catch (error) {
  console.error(`demo-beacons: ${error instanceof Error ? error.message : String(error)}`);
  await Promise.all(beacons.map((beacon) => beacon.close()));
  process.exit(1);
}

for (const [index, region] of REGIONS.entries()) {
  console.log(
    `  beacon ${region.code} (${region.desc}) on ${hostOf(index)}: ` +
      `${emulatedRttMs(player, region.geo)} ms from the player`,
  );
}
console.log(`  network config: ${beacons[0]?.httpUrl}/network-config`);

const stop = async () => {
  await Promise.all(beacons.map((beacon) => beacon.close()));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
