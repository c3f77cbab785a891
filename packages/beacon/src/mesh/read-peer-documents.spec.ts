import { readBeaconDescription, readPeerReport } from './read-peer-documents.js';

const probe = { udp: '127.0.0.1:3075', ws: 'ws://127.0.0.1:8080/ping' };
const sgp = { code: 'sgp', desc: 'Singapore', geo: [103.8, 1.35], probe };

const entry = (measuredBy: string, overrides: Record<string, unknown> = {}) => ({
  a: 'fra',
  b: 'sgp',
  median_ms: 160.6,
  p90_ms: 170.2,
  samples: 57,
  loss: 0,
  age_s: 0.8,
  measured_by: measuredBy,
  ...overrides,
});

describe("a peer's /beacon", () => {
  it('is read whole', () => {
    expect(readBeaconDescription(sgp)).toEqual(sgp);
    expect(
      readBeaconDescription({ ...sgp, probe: { udp: '[::1]:3075', ws: 'wss://b.example/ping' } })
        .probe.udp,
    ).toBe('[::1]:3075');
  });

  it.each([
    ['not an object', []],
    ['a bad code', { ...sgp, code: 'SGP' }],
    ['a code too long', { ...sgp, code: 'sgpxx' }],
    ['no geo', { ...sgp, geo: undefined }],
    ['a latitude out of range', { ...sgp, geo: [103.8, 91] }],
    ['a control character in desc', { ...sgp, desc: 'Sing\u0007apore' }],
    ['an unbracketed IPv6 echo', { ...sgp, probe: { ...probe, udp: '::1:3075' } }],
    ['port 0', { ...sgp, probe: { ...probe, udp: '127.0.0.1:0' } }],
    ['an http:// WebSocket', { ...sgp, probe: { ...probe, ws: 'http://127.0.0.1/ping' } }],
  ])('is refused with %s', (_what, json) => {
    expect(() => readBeaconDescription(json)).toThrow(/\/beacon/);
  });
});

describe("a peer's /network-config", () => {
  it('gives its POPs and backbone, dated from the fetch less each age', () => {
    const report = readPeerReport(
      {
        revision: 1,
        pops: { sgp: { desc: 'Singapore', geo: [103.8, 1.35], relays: [], probe } },
        typical_pings: [['fra', 'sgp', 161]],
        backbone: [entry('sgp'), entry('fra', { a: 'sgp', b: 'fra', age_s: 2 })],
      },
      10_000,
    );
    expect(report.pops.get('sgp')).toEqual({
      desc: 'Singapore',
      geo: [103.8, 1.35],
      relays: [],
      probe,
    });
    expect(report.measurements).toEqual([
      {
        a: 'fra',
        b: 'sgp',
        measuredBy: 'sgp',
        medianMs: 160.6,
        p90Ms: 170.2,
        samples: 57,
        loss: 0,
        measuredAt: 9200,
      },
      {
        a: 'fra',
        b: 'sgp',
        measuredBy: 'fra',
        medianMs: 160.6,
        p90Ms: 170.2,
        samples: 57,
        loss: 0,
        measuredAt: 8000,
      },
    ]);
    expect(report.skipped).toBe(0);
  });

  it('skips and counts each malformed POP and entry, keeping the rest', () => {
    const report = readPeerReport(
      {
        pops: {
          sgp: { desc: 'Singapore', geo: [103.8, 1.35], probe },
          BAD: { desc: 'x', geo: [0, 0], probe },
          nop: { desc: 'no probe', geo: [0, 0] },
        },
        backbone: [
          entry('sgp'),
          entry('iad'), // measured by neither end
          entry('sgp', { b: 'fra' }), // a pair of one POP
          entry('sgp', { median_ms: -1 }),
          entry('sgp', { loss: 2 }),
          entry('sgp', { samples: 0 }),
          entry('sgp', { age_s: 'old' }),
          'nonsense',
        ],
      },
      0,
    );
    expect([...report.pops.keys()]).toEqual(['sgp']);
    expect(report.measurements).toHaveLength(1);
    expect(report.skipped).toBe(9);
  });

  it('is refused when it is not a config at all', () => {
    expect(() => readPeerReport({ typical_pings: [] }, 0)).toThrow(/pops/);
    expect(() => readPeerReport('text', 0)).toThrow(/pops/);
  });
});
