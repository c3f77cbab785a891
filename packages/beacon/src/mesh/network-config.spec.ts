import type { Measurement, PopEntry } from './documents.js';
import { buildNetworkConfig, type NetworkConfigInputs, type PeerView } from './network-config.js';
import type { PeerReport } from './read-peer-documents.js';

const pop = (desc: string, lon: number, lat: number, port: number): PopEntry => ({
  desc,
  geo: [lon, lat],
  relays: [],
  probe: { udp: `127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port + 1}/ping` },
});
const FRA = pop('Frankfurt', 8.68, 50.12, 3000);
const SGP = pop('Singapore', 103.8, 1.35, 4000);
const IAD = pop('Washington', -77.4, 38.9, 5000);

const NOW = 1_000_000;
const STALE_MS = 120_000;

function measurement(
  a: string,
  b: string,
  measuredBy: string,
  medianMs: number,
  ageMs = 0,
): Measurement {
  return {
    a,
    b,
    measuredBy,
    medianMs,
    p90Ms: medianMs + 5,
    samples: 60,
    loss: 0,
    measuredAt: NOW - ageMs,
  };
}

function report(
  pops: Record<string, PopEntry>,
  measurements: Measurement[],
  fetchedAt = NOW,
): PeerReport {
  return { pops: new Map(Object.entries(pops)), measurements, skipped: 0, fetchedAt };
}

function build(peers: PeerView[]): ReturnType<typeof buildNetworkConfig> {
  const inputs: NetworkConfigInputs = {
    self: { code: 'fra', entry: FRA },
    peers,
    now: NOW,
    epochMs: Date.UTC(2030, 0, 1),
    staleAfterMs: STALE_MS,
    startedAtEpochMs: Date.UTC(2029, 0, 1),
  };
  return buildNetworkConfig(inputs);
}

describe('the network config', () => {
  it('holds only this beacon when it has no peers, dated from its start', () => {
    expect(build([])).toEqual({
      revision: Date.UTC(2029, 0, 1) / 1000,
      pops: { fra: FRA },
      typical_pings: [],
      backbone: [],
    });
  });

  it("publishes this beacon's measurement of a peer, in Valve's shape", () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW - 2000,
        measurement: measurement('fra', 'sgp', 'fra', 160.64, 800),
      },
    ]);
    expect(config.pops).toEqual({ fra: FRA, sgp: SGP });
    expect(config.typical_pings).toEqual([['fra', 'sgp', 161]]);
    expect(config.backbone).toEqual([
      {
        a: 'fra',
        b: 'sgp',
        median_ms: 160.6,
        p90_ms: 165.6,
        samples: 60,
        loss: 0,
        age_s: 0.8,
        measured_by: 'fra',
      },
    ]);
    // The newest data is the measurement's newest sample, 0.8 s ago.
    expect(config.revision).toBe(Math.floor((Date.UTC(2030, 0, 1) - 800) / 1000));
  });

  it('publishes the mean of both ends where both measured a pair, and both measurements', () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW,
        measurement: measurement('fra', 'sgp', 'fra', 160),
        report: report({ sgp: SGP, fra: FRA }, [measurement('fra', 'sgp', 'sgp', 163, 1000)]),
      },
    ]);
    expect(config.typical_pings).toEqual([['fra', 'sgp', 162]]); // (160 + 163) / 2 = 161.5
    expect(config.backbone.map((entry) => entry.measured_by)).toEqual(['fra', 'sgp']);
  });

  it("takes this beacon's own measurements live, never back from a peer", () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW,
        measurement: measurement('fra', 'sgp', 'fra', 160),
        report: report({ sgp: SGP }, [measurement('fra', 'sgp', 'fra', 999)]),
      },
    ]);
    expect(config.typical_pings).toEqual([['fra', 'sgp', 160]]);
    expect(config.backbone).toHaveLength(1);
  });

  it('merges the pairs its peers know, so one config gives the whole mesh', () => {
    // fra peers with sgp only; sgp peers with iad and reports that pair and iad's entry.
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW,
        measurement: measurement('fra', 'sgp', 'fra', 160),
        report: report({ sgp: SGP, iad: IAD }, [measurement('iad', 'sgp', 'sgp', 210, 2000)]),
      },
    ]);
    expect(Object.keys(config.pops)).toEqual(['fra', 'iad', 'sgp']);
    expect(config.typical_pings).toEqual([
      ['fra', 'sgp', 160],
      ['iad', 'sgp', 210],
    ]);
  });

  it('keeps the newer of two copies of one measurement heard through two peers', () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW,
        report: report({ iad: IAD }, [measurement('iad', 'sgp', 'iad', 200, 5000)]),
      },
      {
        identity: { code: 'iad', entry: IAD },
        lastHeardAt: NOW,
        report: report({ sgp: SGP }, [measurement('iad', 'sgp', 'iad', 210, 1000)]),
      },
    ]);
    expect(config.backbone).toEqual([expect.objectContaining({ median_ms: 210, age_s: 1 })]);
  });

  it('leaves out stale pairs, stale peers and POPs known only through stale pairs', () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW - STALE_MS - 1,
        measurement: measurement('fra', 'sgp', 'fra', 160, STALE_MS + 1),
        report: report({ sgp: SGP, iad: IAD }, [
          measurement('iad', 'sgp', 'sgp', 210, STALE_MS + 1),
        ]),
      },
    ]);
    expect(config.pops).toEqual({ fra: FRA });
    expect(config.typical_pings).toEqual([]);
    expect(config.backbone).toEqual([]);
  });

  it('leaves out a pair whose end no config describes', () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW,
        report: report({ sgp: SGP }, [measurement('iad', 'sgp', 'sgp', 210)]),
      },
    ]);
    expect(config.typical_pings).toEqual([]);
    expect(Object.keys(config.pops)).toEqual(['fra', 'sgp']);
  });

  it('reads back through the shape Valve publishes: every pair names two listed POPs', () => {
    const config = build([
      {
        identity: { code: 'sgp', entry: SGP },
        lastHeardAt: NOW,
        measurement: measurement('fra', 'sgp', 'fra', 160),
        report: report({ sgp: SGP, iad: IAD }, [measurement('iad', 'sgp', 'sgp', 210)]),
      },
    ]);
    for (const [a, b, ms] of config.typical_pings) {
      expect(config.pops[a]).toBeDefined();
      expect(config.pops[b]).toBeDefined();
      expect(a < b && Number.isInteger(ms)).toBe(true);
    }
    for (const entry of Object.values(config.pops)) {
      expect(entry).toEqual({
        desc: expect.any(String),
        geo: [expect.any(Number), expect.any(Number)],
        relays: [],
        probe: expect.any(Object),
      });
    }
  });
});
