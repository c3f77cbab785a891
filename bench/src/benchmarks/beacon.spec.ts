import path from 'node:path';

import {
  type BeaconBenchmarkOptions,
  beaconScripts,
  echoRows,
  type EchoMeasurement,
  FULL_BEACON_OPTIONS,
  type FloodMeasurement,
  floodRow,
  measureEchoes,
  measureFlood,
} from './beacon.js';

// From bench/src/benchmarks to the repository root. The servers run the beacon's built files.
const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/** One short round of each, a few clients: the setup, not the figures. */
const TINY_BEACON: BeaconBenchmarkOptions = {
  ...FULL_BEACON_OPTIONS,
  rounds: 1,
  runMs: 150,
  warmupMs: 0,
  udpWindow: 8,
  wsConnections: 2,
  wsWindow: 4,
  floodClients: 8,
  floodProbesPerSecond: 20,
  floodMalformedEvery: 4,
  floodSeconds: 1,
  floodWarmupMs: 200,
  memorySampleMs: 50,
};

describe('beacon benchmark (smoke, the beacon and the bare servers in child processes)', () => {
  const scripts = beaconScripts(repositoryRoot);

  describe('echoes', () => {
    let echoes: EchoMeasurement;
    beforeAll(async () => {
      echoes = await measureEchoes(scripts, TINY_BEACON);
    }, 30_000);

    it('has both servers answer the probes over UDP and WebSocket, every answer right', () => {
      for (const samples of [echoes.udp, echoes.ws]) {
        for (const sample of [...samples.beacon, ...samples.bare]) {
          expect(sample.answered).toBeGreaterThan(0);
          expect(sample.wrong).toBe(0);
          expect(sample.serverCpuMicros).toBeGreaterThan(0);
        }
        expect(samples.beacon).toHaveLength(TINY_BEACON.rounds);
        expect(samples.bare).toHaveLength(TINY_BEACON.rounds);
      }
      // The raised limits: nothing of the load is refused or rate limited.
      expect(echoes.beaconCounts.udp['rate_limited']).toBe(0);
      expect(echoes.beaconCounts.ws['rate_limited']).toBe(0);
      expect(echoes.beaconCounts.ws['refused']).toBe(0);
    });

    it('gives two ratio rows, time per echo against the bare servers, with the 1.25 target', () => {
      const rows = echoRows(echoes, TINY_BEACON);
      expect(rows.map((row) => row.id)).toEqual([
        'beacon/udp-echo/vs-bare-dgram',
        'beacon/ws-echo/vs-bare-ws',
      ]);
      for (const row of rows) {
        expect(row.subject.unit).toBe('ns/op');
        expect(row.baseline!.unit).toBe('ns/op');
        expect(row.ratio).toBeGreaterThan(0);
        expect(row.target).toBe('<= 1.25 (at least 0.8x the bare rate)');
        expect(typeof row.met).toBe('boolean');
        expect(row.note).toMatch(/per core, bare .*rate limit raised/);
      }
    });
  });

  describe('flood', () => {
    let flood: FloodMeasurement;
    beforeAll(async () => {
      flood = await measureFlood(scripts, TINY_BEACON);
    }, 30_000);

    it('floods the beacon from every client, malformed datagrams unanswered, and reads its memory', () => {
      expect(flood.clients).toBe(TINY_BEACON.floodClients);
      expect(flood.probes).toBeGreaterThan(0);
      expect(flood.malformed).toBeGreaterThan(0);
      expect(flood.answered).toBeGreaterThan(0);
      expect(flood.wrong).toBe(0);
      expect(flood.beaconCounts.udp['dropped']).toBeGreaterThanOrEqual(flood.malformed);
      expect(flood.idleRss).toBeGreaterThan(0);
      expect(flood.peakRss).toBeGreaterThan(0);
      expect(flood.peakHeapUsed).toBeGreaterThan(0);
    });

    it('gives one row: the highest RSS against the idle RSS, with the 20 MB target', () => {
      const row = floodRow(flood, TINY_BEACON);
      expect(row.id).toBe('beacon/memory/udp-flood');
      expect(row.subject.unit).toBe('bytes');
      expect(row.baseline!.median).toBe(flood.idleRss);
      expect(row.details!['growthBytes']).toBe(flood.peakRss - flood.idleRss);
      expect(row.note).toMatch(/^growth [+-]/);
      expect(row.target).toBe('< 20 MB growth');
      expect(typeof row.met).toBe('boolean');
    });
  });
});
