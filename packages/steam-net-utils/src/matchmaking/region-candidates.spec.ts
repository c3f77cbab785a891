import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import { popIdFromCode } from '../estimator/pop-id.js';
import {
  compareCandidates,
  type DataCenterPingSource,
  type RegionCandidate,
  readCandidates,
} from './region-candidates.js';

function candidate(code: string, ping: number, reachable = ping >= 0): RegionCandidate {
  return {
    popId: popIdFromCode(code),
    code,
    ping,
    relayPopId: 0,
    reachable,
    loss: undefined,
    score: ping,
  };
}

/** A source listing `listed` with the pings of `pings` (UNKNOWN for the others). */
function source(listed: string[], pings: Record<string, number>): DataCenterPingSource {
  return {
    getPOPList: () => listed.map(popIdFromCode),
    getPingToDataCenter: (popId) => {
      const entry = Object.entries(pings).find(([code]) => popIdFromCode(code) === popId);
      const ping = entry?.[1] ?? NETWORKING_PING_UNKNOWN;
      return { ping, pop_relay: ping >= 0 ? popId : 0 };
    },
  };
}

describe('compareCandidates', () => {
  it('orders reachable POPs by ping, then by code, and unreachable ones last by code', () => {
    const sorted = [
      candidate('zzz', NETWORKING_PING_FAILED),
      candidate('sto', 30),
      candidate('ams', NETWORKING_PING_UNKNOWN),
      candidate('fra', 12),
      candidate('ams2', 30),
      candidate('lhr', 30),
    ].sort(compareCandidates);
    expect(sorted.map((c) => c.code)).toEqual(['fra', 'ams2', 'lhr', 'sto', 'ams', 'zzz']);
  });

  it('breaks a ping tie by code whatever order the POPs came in', () => {
    const a = candidate('par', 20);
    const b = candidate('ams', 20);
    expect([a, b].sort(compareCandidates)[0]!.code).toBe('ams');
    expect([b, a].sort(compareCandidates)[0]!.code).toBe('ams');
  });
});

describe('readCandidates', () => {
  it('reads every listed POP, best first, with its relay when reachable', () => {
    const known = new Map<number, string>();
    const { candidates, unreachable } = readCandidates(
      source(['sto', 'fra', 'par'], { sto: 40, fra: 9, par: 15 }),
      known,
    );
    expect(candidates.map((c) => [c.code, c.ping, c.reachable])).toEqual([
      ['fra', 9, true],
      ['par', 15, true],
      ['sto', 40, true],
    ]);
    expect(candidates[0]!.relayPopId).toBe(popIdFromCode('fra'));
    expect(unreachable).toEqual([]);
    expect([...known.values()].sort()).toEqual(['fra', 'par', 'sto']);
  });

  it('reports a POP with a FAILED ping as unreachable, and not one that is merely UNKNOWN', () => {
    const { candidates, unreachable } = readCandidates(
      source(['sto', 'fra', 'par'], { sto: NETWORKING_PING_FAILED, fra: 9 }),
      new Map(),
    );
    expect(unreachable).toEqual(['sto']);
    expect(candidates.filter((c) => c.reachable).map((c) => c.code)).toEqual(['fra']);
    expect(candidates.find((c) => c.code === 'par')!.relayPopId).toBe(0);
  });

  it('keeps a POP that dropped out of the list as an unreachable candidate', () => {
    const known = new Map<number, string>();
    readCandidates(source(['fra', 'par'], { fra: 9, par: 15 }), known);
    const { candidates, unreachable } = readCandidates(source(['par'], { fra: 9, par: 15 }), known);
    expect(unreachable).toEqual(['fra']);
    expect(candidates.map((c) => [c.code, c.reachable])).toEqual([
      ['par', true],
      ['fra', false],
    ]);
  });
});

describe('readCandidates with a loss penalty', () => {
  const lossOf = (popId: number): number | undefined =>
    popId === popIdFromCode('fra') ? 0.1 : popId === popIdFromCode('par') ? 0 : undefined;

  it('ranks a lossy POP as if it were farther: 30 ms and 10 % loss after 80 ms and none', () => {
    const { candidates } = readCandidates(
      source(['fra', 'par'], { fra: 30, par: 80 }),
      new Map(),
      lossOf,
      10,
    );
    expect(candidates.map((c) => [c.code, c.ping, c.loss, c.score])).toEqual([
      ['par', 80, 0, 80],
      ['fra', 30, 0.1, 130],
    ]);
  });

  it('leaves the order to the pings without a penalty, or where the loss is unknown', () => {
    const withoutPenalty = readCandidates(
      source(['fra', 'par'], { fra: 30, par: 80 }),
      new Map(),
      lossOf,
    );
    expect(withoutPenalty.candidates.map((c) => [c.code, c.score])).toEqual([
      ['fra', 30],
      ['par', 80],
    ]);
    const unknownLoss = readCandidates(source(['sto'], { sto: 40 }), new Map(), lossOf, 10);
    expect(unknownLoss.candidates[0]).toMatchObject({ code: 'sto', loss: undefined, score: 40 });
  });
});
