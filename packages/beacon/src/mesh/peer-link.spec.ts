import { PeerLink } from './peer-link.js';
import { readProbeAnswer } from './probe-packet.js';
import type { PeerReport } from './read-peer-documents.js';

const sgp = {
  code: 'sgp',
  desc: 'Singapore',
  geo: [103.8, 1.35] as const,
  probe: { udp: '127.0.0.1:4000', ws: 'ws://127.0.0.1:4001/ping' },
};
const target = { address: '127.0.0.1', port: 4000 };
const emptyReport = (fetchedAt: number): PeerReport => ({
  pops: new Map(),
  measurements: [],
  skipped: 0,
  fetchedAt,
});

/** Sends one probe at `at` and answers it `rttMs` later (or not, for undefined). */
function probe(link: PeerLink, at: number, rttMs: number | undefined): void {
  const { packet } = link.nextProbe(at)!;
  packet[0] = 0;
  packet[1] = 0;
  if (rttMs !== undefined) link.answer(readProbeAnswer(packet)!.sequence, at + rttMs);
}

describe('PeerLink', () => {
  it('probes nothing and is unreachable until a fetch says who the peer is', () => {
    const link = new PeerLink('http://127.0.0.1:4001/', 42, 10, 1000);
    expect(link.nextProbe(0)).toBeUndefined();
    expect(link.evaluate(0, 5000)).toBe(false);
    expect(link.health('fra', 0, 120_000)).toEqual({
      url: 'http://127.0.0.1:4001/',
      state: 'unreachable',
      reason: 'not reached yet',
    });
    link.fetchFailed('connect ECONNREFUSED');
    expect(link.health('fra', 0, 120_000)).toMatchObject({
      reason: 'connect ECONNREFUSED',
      http_error: 'connect ECONNREFUSED',
    });
  });

  it('is reachable while probes are answered and unreachable after a silence', () => {
    const link = new PeerLink('http://127.0.0.1:4001/', 42, 10, 1000);
    link.fetched(sgp, target, emptyReport(0), 0);
    expect(link.evaluate(0, 5000)).toBe(true);
    expect(link.state).toBe('ok');
    probe(link, 1000, 20);
    probe(link, 2000, undefined);
    expect(link.evaluate(6020, 5000)).toBe(false);
    expect(link.evaluate(6021, 5000)).toBe(true);
    expect(link.health('fra', 6021, 120_000)).toEqual({
      url: 'http://127.0.0.1:4001/',
      code: 'sgp',
      state: 'unreachable',
      reason: 'no UDP echo from 127.0.0.1:4000 for 5 s',
      last_seen_s: 5,
      median_ms: 20,
      loss: 0.5,
    });
  });

  it('measures the pair with the peer, in the order of the documents', () => {
    const link = new PeerLink('http://127.0.0.1:4001/', 42, 10, 1000);
    link.fetched(sgp, target, emptyReport(0), 0);
    probe(link, 0, 30);
    probe(link, 1000, 10);
    expect(link.measurement('tyo1', 2000)).toEqual({
      a: 'sgp',
      b: 'tyo1',
      measuredBy: 'tyo1',
      medianMs: 20,
      p90Ms: 28,
      samples: 2,
      loss: 0,
      measuredAt: 1010,
    });
  });

  it('starts its window afresh when the peer moves', () => {
    const link = new PeerLink('http://127.0.0.1:4001/', 42, 10, 1000);
    link.fetched(sgp, target, emptyReport(0), 0);
    probe(link, 0, 30);
    link.fetched(sgp, target, emptyReport(500), 500);
    expect(link.measurement('fra', 600)).toBeDefined();
    link.fetched(sgp, { address: '127.0.0.1', port: 4002 }, emptyReport(900), 900);
    expect(link.measurement('fra', 1000)).toBeUndefined();
    expect(link.identity?.since).toBe(900);
  });
});
