import fc from 'fast-check';

import { findCity } from './cities.js';
import { CONNECTION_PROFILES, CONNECTION_TYPES } from './connection-types.js';
import { fiberBoundRttMs, type LatLon } from './geo.js';
import { DEFAULT_LATENCY_PARAMETERS, LatencyModel, type SimulatedHost } from './latency-model.js';
import { popIdFromCode } from '../../../estimator/pop-id.js';
import { valveRelayNetwork } from '../../../estimator/relay-network-config.js';
import { WorldRangeError } from './world-errors.js';

// One model for the file: construction computes the all-pairs and backbone matrices.
const model = new LatencyModel({ seed: 1 });
const id = popIdFromCode;

function city(name: string): NonNullable<ReturnType<typeof findCity>> {
  const found = findCity(name);
  if (found === undefined) throw new Error(`no city ${name}`);
  return found;
}

function host(
  name: string,
  connection: (typeof CONNECTION_TYPES)[number] = 'datacenter',
): SimulatedHost {
  return model.createHost({ place: city(name), connection });
}

const latLon = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('done-when checks', () => {
  it('pings fra from Frankfurt in a few ms', () => {
    const rtt = model.popRttMs(host('Frankfurt'), id('fra'));
    expect(rtt).toBeGreaterThan(0);
    expect(rtt).toBeLessThan(5);
  });

  it('pings fra from Sydney in 250–300 ms', () => {
    const rtt = model.popRttMs(host('Sydney'), id('fra'));
    expect(rtt).toBeGreaterThanOrEqual(250);
    expect(rtt).toBeLessThanOrEqual(300);
  });
});

describe('the fibre bound (distance / 100 ms) is never beaten', () => {
  it('holds for the public internet between any two points', () => {
    fc.assert(
      fc.property(latLon, latLon, (a: LatLon, b: LatLon) => {
        expect(model.publicRttMs(a, b)).toBeGreaterThanOrEqual(fiberBoundRttMs(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('holds for host-to-POP pings and relayed host-to-host estimates', () => {
    fc.assert(
      fc.property(latLon, latLon, fc.constantFrom(...CONNECTION_TYPES), (a, b, connection) => {
        const hostA = model.createHost({ place: a, connection });
        const hostB = model.createHost({ place: b });
        model.pops.forEach((pop, index) => {
          expect(hostA.popRttMs[index]!).toBeGreaterThanOrEqual(fiberBoundRttMs(a, pop));
        });
        expect(model.estimateRelayed(hostA, hostB).rttMs).toBeGreaterThanOrEqual(
          fiberBoundRttMs(a, b),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('holds for the relay backbone between every pair of POPs but the one Valve rounds to 0', () => {
    const violations: string[] = [];
    for (const a of model.pops) {
      for (const b of model.pops) {
        if (a.code < b.code && model.backboneRttMs(a.id, b.id) < fiberBoundRttMs(a, b))
          violations.push(`${a.code}–${b.code}`);
      }
    }
    // Valve publishes 0 ms between its two Stockholm sites, 7 km apart (a 0.07 ms bound).
    expect(violations).toEqual(['sto–sto2']);
  });

  it('holds for every sampled probe, which is never below the base round trip', () => {
    const sydney = host('Sydney', 'mobile');
    for (let probe = 0; probe < 40; probe++) {
      const outcome = model.sampleProbe(sydney, id('fra'), probe);
      if (!outcome.lost) {
        expect(outcome.rttMs).toBeGreaterThanOrEqual(sydney.popRttMs[model.popIndex(id('fra'))]!);
      }
    }
  });
});

describe('relay backbone', () => {
  it("is Valve's published round trip for every pair Valve lists", () => {
    const network = valveRelayNetwork();
    let checked = 0;
    for (const a of model.pops) {
      for (const b of model.pops) {
        if (!network.isPublished(a.code, b.code)) continue;
        expect(model.backboneRttMs(a.id, b.id)).toBe(network.backboneMs(a.code, b.code));
        checked++;
      }
    }
    expect(checked).toBe(2 * 200);
    expect(model.backboneRttMs(id('ams'), id('lhr'))).toBe(5);
    expect(model.backboneRttMs(id('fra'), id('iad'))).toBe(86);
  });

  it('is strictly faster on long terrestrial routes (no IP-routing stretch)', () => {
    const fra = model.pops[model.popIndex(id('fra'))]!;
    const waw = model.pops[model.popIndex(id('waw'))]!;
    expect(model.backboneRttMs(fra.id, waw.id)).toBeLessThan(model.publicRttMs(fra, waw));
  });

  it('is symmetric and zero from a POP to itself', () => {
    expect(model.backboneRttMs(id('fra'), id('fra'))).toBe(0);
    expect(model.backboneRttMs(id('fra'), id('syd'))).toBe(
      model.backboneRttMs(id('syd'), id('fra')),
    );
  });
});

describe('host-to-host estimates through the relays', () => {
  it('are the minimum of ping + backbone + ping over POP pairs, attained by the pair returned', () => {
    const a = host('Lagos', 'cable');
    const b = host('Nairobi', 'dsl');
    const estimate = model.estimateRelayed(a, b);
    const i = model.popIndex(estimate.popA.id);
    const j = model.popIndex(estimate.popB.id);
    expect(estimate.rttMs).toBeCloseTo(
      a.popRttMs[i]! + model.backbone.rttMs(i, j) + b.popRttMs[j]!,
      9,
    );
    let bruteForce = Infinity;
    for (let p = 0; p < model.pops.length; p++) {
      for (let q = 0; q < model.pops.length; q++) {
        bruteForce = Math.min(
          bruteForce,
          a.popRttMs[p]! + model.backbone.rttMs(p, q) + b.popRttMs[q]!,
        );
      }
    }
    expect(estimate.rttMs).toBe(bruteForce);
  });

  it('meet at one POP when both hosts are near it', () => {
    const estimate = model.estimateRelayed(host('Frankfurt'), host('Cologne'));
    expect(estimate.popA.code).toBe(estimate.popB.code);
  });

  it('count each host’s access latency once', () => {
    const fiber = host('Paris', 'fiber');
    const mobile = host('Paris', 'mobile');
    const other = host('Madrid');
    const difference =
      model.estimateRelayed(mobile, other).rttMs - model.estimateRelayed(fiber, other).rttMs;
    expect(difference).toBeCloseTo(mobile.accessRttMs - fiber.accessRttMs, 6);
  });
});

describe('hosts and connection types', () => {
  it('draw each host’s access latency inside its connection type’s range', () => {
    for (const connection of CONNECTION_TYPES) {
      const profile = CONNECTION_PROFILES[connection];
      for (const name of ['Paris', 'Lima', 'Osaka']) {
        const h = host(name, connection);
        expect(h.accessRttMs).toBeGreaterThanOrEqual(profile.minAccessRttMs);
        expect(h.accessRttMs).toBeLessThanOrEqual(profile.maxAccessRttMs);
      }
    }
  });

  it('add the access latency to every POP ping', () => {
    const datacenter = host('Warsaw');
    const dsl = host('Warsaw', 'dsl');
    model.pops.forEach((_, index) => {
      expect(dsl.popRttMs[index]! - datacenter.popRttMs[index]!).toBeCloseTo(
        dsl.accessRttMs - datacenter.accessRttMs,
        9,
      );
    });
  });

  it('make slower technologies slower from the same place', () => {
    const fiber = host('Chicago', 'fiber');
    const mobile = host('Chicago', 'mobile');
    expect(mobile.popRttMs[model.popIndex(id('ord'))]!).toBeGreaterThan(
      fiber.popRttMs[model.popIndex(id('ord'))]!,
    );
  });

  it('slow a mainland-China host down towards other carriers’ POP variants', () => {
    const beijing = model.createHost({ place: city('Beijing'), carrier: 'telecom' });
    expect(beijing.inMainlandChina).toBe(true);
    expect(model.popRttMs(beijing, id('tsnm')) - model.popRttMs(beijing, id('tsnt'))).toBeCloseTo(
      DEFAULT_LATENCY_PARAMETERS.crossCarrierRttMs,
      9,
    );
    const noCarrier = host('Beijing');
    expect(model.popRttMs(noCarrier, id('tsnm'))).toBe(model.popRttMs(noCarrier, id('tsnt')));
  });

  it('route a host by its country when one is given', () => {
    const strasbourg = city('Strasbourg');
    const bare = model.createHost({ place: { lat: strasbourg.lat, lon: strasbourg.lon } });
    const french = model.createHost({ place: strasbourg });
    expect(model.popRttMs(french, id('par'))).toBeLessThan(model.popRttMs(bare, id('par')));
  });

  it('reject a place off the globe and an unknown connection type', () => {
    expect(() => model.createHost({ place: { lat: 91, lon: 0 } })).toThrow(RangeError);
    expect(() =>
      model.createHost({ place: city('Paris'), connection: 'pigeon' as 'fiber' }),
    ).toThrow(/Unknown connection type 'pigeon'/);
  });
});

describe('probes', () => {
  const perth = host('Perth', 'cable');

  it('are deterministic for a seed, whatever the order of calls', () => {
    const forward = [0, 1, 2, 3].map((probe) => model.sampleProbe(perth, id('syd'), probe));
    const backward = [3, 2, 1, 0]
      .map((probe) => model.sampleProbe(perth, id('syd'), probe))
      .reverse();
    expect(backward).toEqual(forward);
    const again = new LatencyModel({ seed: 1 });
    const sameHost = again.createHost({ place: city('Perth'), connection: 'cable' });
    expect(again.sampleProbe(sameHost, id('syd'), 2)).toEqual(forward[2]);
  });

  it('differ between seeds', () => {
    const other = new LatencyModel({ seed: 2 });
    const otherHost = other.createHost({ place: city('Perth'), connection: 'cable' });
    const samples = (m: LatencyModel, h: SimulatedHost): unknown[] =>
      [1, 2, 3, 4, 5].map((probe) => m.sampleProbe(h, id('syd'), probe));
    expect(samples(other, otherHost)).not.toEqual(samples(model, perth));
  });

  it('make the first probe to each POP slower than the later ones', () => {
    const h = host('Denver', 'fiber');
    let firstTotal = 0;
    let laterTotal = 0;
    let counted = 0;
    for (const pop of model.pops) {
      const first = model.sampleProbe(h, pop.id, 0);
      const later = model.sampleProbe(h, pop.id, 1);
      if (first.lost || later.lost) continue;
      firstTotal += first.rttMs;
      laterTotal += later.rttMs;
      counted++;
    }
    expect(counted).toBeGreaterThan(model.pops.length / 2);
    expect((firstTotal - laterTotal) / counted).toBeGreaterThan(
      DEFAULT_LATENCY_PARAMETERS.firstProbeMinExtraMs,
    );
  });

  it('are lost at the connection’s loss rate plus the path share', () => {
    const observe = (
      connection: 'datacenter' | 'mobile',
    ): { observed: number; expected: number } => {
      const h = host('Madrid', connection);
      let lost = 0;
      let expected = 0;
      let total = 0;
      model.pops.forEach((pop, index) => {
        const rate =
          CONNECTION_PROFILES[connection].lossRate +
          h.popRttMs[index]! * DEFAULT_LATENCY_PARAMETERS.lossPerRttMs;
        for (let probe = 1; probe <= 60; probe++) {
          total++;
          expected += rate;
          if (model.sampleProbe(h, pop.id, probe).lost) lost++;
        }
      });
      return { observed: lost / total, expected: expected / total };
    };
    const mobile = observe('mobile');
    const tolerance =
      4 * Math.sqrt((mobile.expected * (1 - mobile.expected)) / (model.pops.length * 60));
    expect(Math.abs(mobile.observed - mobile.expected)).toBeLessThan(tolerance);
    expect(observe('datacenter').observed).toBeLessThan(mobile.observed);
  });

  it('reject a negative or fractional probe index and an unknown POP', () => {
    expect(() => model.sampleProbe(perth, id('syd'), -1)).toThrow(RangeError);
    expect(() => model.sampleProbe(perth, id('syd'), 0.5)).toThrow(/Probe index/);
    let error: unknown;
    try {
      model.sampleProbe(perth, id('zzz'), 0);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorldRangeError);
    expect((error as WorldRangeError).code).toBe('SIMULATION_UNKNOWN_POP');
    expect((error as Error).message).toMatch(/POP 'zzz'.*Known POPs: ams/);
  });
});

describe('model construction', () => {
  it('refuses route factors below 1 and negative costs', () => {
    expect(() => new LatencyModel({ parameters: { landRouteStretch: 0.9 } })).toThrow(
      /landRouteStretch.*speed of light/,
    );
    expect(() => new LatencyModel({ parameters: { hopRttMs: -1 } })).toThrow(RangeError);
  });

  it('uses no clock and no global randomness', () => {
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now called');
    });
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    const perf = jest.spyOn(performance, 'now').mockImplementation(() => {
      throw new Error('performance.now called');
    });
    try {
      const fresh = new LatencyModel({ seed: 'no clocks', parameters: { hopRttMs: 0.6 } });
      const h = fresh.createHost({ place: city('Oslo'), connection: 'cable' });
      fresh.sampleProbe(h, id('sto'), 0);
      fresh.estimateRelayed(h, fresh.createHost({ place: city('Quito') }));
    } finally {
      now.mockRestore();
      random.mockRestore();
      perf.mockRestore();
    }
  });

  it('restricts the network to the POPs given', () => {
    const small = new LatencyModel({
      pops: model.pops.filter((pop) => ['fra', 'syd'].includes(pop.code)),
    });
    expect(small.pops.map((pop) => pop.code)).toEqual(['fra', 'syd']);
    expect(small.popIndex(id('ams'))).toBe(-1);
  });
});
