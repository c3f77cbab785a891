import fc from 'fast-check';

import {
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../../../constants/networking-ping.js';
import { estimate } from '../../../estimator/estimate.js';
import {
  pingLocationFromBytes,
  pingLocationToBytes,
} from '../../../estimator/ping-location-bytes.js';
import { parse } from '../../../estimator/ping-location-text.js';
import { PingLocation, type PingLocationEntry } from '../../../estimator/ping-location.js';
import { popIdFromCode } from '../../../estimator/pop-id.js';
import {
  VALVE_SIDE_CODES,
  entryInputs,
} from '../../../estimator/test-support/location-arbitraries.js';
import { REAL_PING_LOCATIONS } from '../../../estimator/test-support/real-ping-locations.js';
import { referenceEstimate } from '../../../estimator/test-support/reference-estimate.js';
import { SimulatedWorld } from '../simulated-world.js';
import { CITY_CATALOGUE } from '../world/index.js';
import { LocalHostEstimator } from '../../../estimator/local-host-estimator.js';
import { buildPingLocation } from '../../../estimator/location-builder.js';
import { LocationEstimator, type PopDownTest } from '../../../estimator/location-estimator.js';

const id = popIdFromCode;

function location(text: string): PingLocation {
  const result = parse(text);
  if (!result.ok) throw new Error(`'${text}' did not parse: ${result.reason}`);
  return result;
}

const world = new SimulatedWorld({ seed: 5 });
const model = world.model;
const network = model.backbone.network;

/** Hosts spread over the city catalogue, and a few named ones (Shanghai: the China network). */
const cities = [
  ...CITY_CATALOGUE.filter((_city, k) => k % 32 === 0),
  'Shanghai',
  'Seattle',
  'Tokyo',
  'London',
];
const hosts = cities.map((city) => world.createHost({ location: city }));
const simulated = hosts.map((host) => world.pingLocationOf(host));
const real = REAL_PING_LOCATIONS.map(({ text }) => location(text));
/** Every location of the tests: simulated (with via POP ids) and real (with unknown POPs). */
const pool: readonly PingLocation[] = [...simulated, ...real];
const bytesOf = new Map(pool.map((loc) => [loc, pingLocationToBytes(loc)]));
const bytes = (loc: PingLocation): Uint8Array => bytesOf.get(loc) ?? pingLocationToBytes(loc);

const emptyBytes = pingLocationToBytes(PingLocation.EMPTY);

/** Bytes that are not a location, of several kinds. */
const garbage: readonly (readonly [string, Uint8Array])[] = [
  ['all zeros', new Uint8Array(512)],
  ['511 bytes', pingLocationToBytes(real[0]!).subarray(0, 511)],
  [
    'a flipped bit',
    (() => {
      const flipped = pingLocationToBytes(real[0]!);
      flipped[9] = flipped[9]! ^ 4;
      return flipped;
    })(),
  ],
  ['an Array', [...pingLocationToBytes(real[0]!)] as unknown as Uint8Array],
];

/** The entry as `fromEntries` takes it. */
const input = ({ popId, direct, via, relayPopId }: PingLocationEntry) => ({
  popId,
  direct,
  via,
  relayPopId,
});

/** `loc` without the entries at a down POP or through one. */
function without(loc: PingLocation, isDown: PopDownTest): PingLocation {
  // A code names its POP, aliases included ('tyo1' is down when 'tyo' is).
  const down = (popId: number): boolean => {
    const index = network.indexOf(popId);
    return isDown(index < 0 ? popId : network.pops[index]!.id);
  };
  return PingLocation.fromEntries(
    loc
      .entries()
      .filter(
        (entry) =>
          !down(entry.popId) && (entry.relayPopId === undefined || !down(entry.relayPopId)),
      )
      .map(input),
  );
}

const downSet =
  (...codes: string[]): PopDownTest =>
  (popId) =>
    codes.some((code) => id(code) === popId);
const noneDown: PopDownTest = () => false;

/** Network POP ids, weighted to those the pool's locations name. */
const downIds: fc.Arbitrary<number[]> = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom(...pool.flatMap((loc) => loc.entries().map((entry) => entry.popId))),
    fc.constantFrom(...network.pops.map((pop) => pop.id)),
  ),
  { maxLength: 8 },
);
const poolLocation = fc.constantFrom(...pool);

/** Generated locations over Valve's POPs, aliases and unknown codes, with via POP ids. */
const generated: fc.Arbitrary<PingLocation> = fc
  .tuple(
    entryInputs(fc.constantFrom(...VALVE_SIDE_CODES)),
    fc.array(fc.option(fc.constantFrom(...model.pops.map((pop) => pop.id)), { nil: undefined }), {
      minLength: 12,
      maxLength: 12,
    }),
  )
  .map(([entries, relayPopIds]) =>
    PingLocation.fromEntries(entries.map((entry, k) => ({ ...entry, relayPopId: relayPopIds[k] }))),
  );
const anyLocation = fc.oneof(poolLocation, generated);

describe('LocationEstimator: as estimate() over the same network', () => {
  const estimator = new LocationEstimator(network);

  it('has hosts on both partner networks and real strings with POPs the network lacks', () => {
    expect(simulated.every((loc) => loc.size > 0)).toBe(true);
    expect(simulated.some((loc) => loc.entries().some((e) => e.relayPopId !== undefined))).toBe(
      true,
    );
    expect(real.some((loc) => loc.entries().some((e) => network.indexOf(e.popId) < 0))).toBe(true);
    expect(pool.length).toBeGreaterThan(25);
  });

  it('gives estimate(a, b) for every pair of the pool, from bytes and from locations', () => {
    for (const a of pool) {
      for (const b of pool) {
        const want = estimate(a, b, network);
        expect(want).toBe(referenceEstimate(a, b, network));
        const got = [
          estimator.estimateBytes(bytes(a), bytes(b)),
          estimator.estimateBytes(bytes(a), bytes(b), noneDown),
          estimator.estimateLocations(a, b),
          estimator.estimateLocations(a, b, noneDown),
          estimator.estimateLocations(
            pingLocationFromBytes(bytes(a)),
            pingLocationFromBytes(bytes(b)),
          ),
        ];
        if (got.some((answer) => answer !== want)) {
          throw new Error(`'${String(a)}' to '${String(b)}': ${got.join(', ')}; estimate ${want}`);
        }
      }
    }
  });

  it('gives estimate(a, b) for generated locations (aliases, unknown POPs, via POP ids)', () => {
    fc.assert(
      fc.property(anyLocation, anyLocation, (a, b) => {
        const want = estimate(a, b, network);
        expect(estimator.estimateBytes(bytes(a), bytes(b))).toBe(want);
        expect(estimator.estimateLocations(a, b)).toBe(want);
        expect(estimator.estimateLocations(b, a)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('meets two locations at a POP neither network knows only when both name it', () => {
    const sof10 = location('sof=10+1');
    const sof20 = location('sof=20+2');
    const lux = location('lux=10+1');
    expect(estimator.estimateBytes(bytes(sof10), bytes(sof20))).toBe(30);
    expect(estimator.estimateLocations(sof10, sof20)).toBe(30);
    expect(estimator.estimateBytes(bytes(sof10), bytes(lux))).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateLocations(sof10, lux)).toBe(NETWORKING_PING_FAILED);
  });
});

describe('LocationEstimator: POPs that are down', () => {
  const estimator = new LocationEstimator(network);

  it('leaves out entries at a down POP or through one, as estimate() over what is left', () => {
    fc.assert(
      fc.property(anyLocation, anyLocation, downIds, (a, b, down) => {
        const isDown: PopDownTest = (popId) => down.includes(popId);
        const textA = String(a);
        const want = estimate(without(a, isDown), without(b, isDown), network);
        expect(estimator.estimateBytes(bytes(a), bytes(b), isDown)).toBe(want);
        expect(estimator.estimateLocations(a, b, isDown)).toBe(want);
        // The locations themselves are untouched.
        expect(String(a)).toBe(textA);
        expect(estimator.estimateLocations(a, b)).toBe(estimate(a, b, network));
      }),
      { numRuns: 300 },
    );
  });

  it('drops an entry whose via route enters at a down POP, though its own POP is up', () => {
    const a = PingLocation.fromEntries([
      { popId: id('ams'), via: { ms: 10, extra: 0 }, relayPopId: id('lhr') },
      { popId: id('fra'), direct: { ms: 40, extra: 4 } },
    ]);
    const b = location('ams=5+0');
    const backbone = network.backboneMs('fra', 'ams')!;
    expect(estimator.estimateLocations(a, b)).toBe(15);
    expect(estimator.estimateLocations(a, b, downSet('lhr'))).toBe(40 + backbone + 5);
    expect(estimator.estimateBytes(bytes(a), bytes(b), downSet('lhr'))).toBe(40 + backbone + 5);
    // The via POP id is what is tested: with no via POP id, nothing is dropped.
    const parsed = location(String(a));
    expect(estimator.estimateLocations(parsed, b, downSet('lhr'))).toBe(15);
  });

  it('fails when every entry of one side is down', () => {
    const a = location('fra=10+1,ams=20+2');
    const b = location('par=30+3');
    expect(estimator.estimateLocations(a, b, downSet('fra', 'ams'))).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateBytes(bytes(a), bytes(b), downSet('fra', 'ams'))).toBe(
      NETWORKING_PING_FAILED,
    );
    expect(estimator.estimateBytes(bytes(a), bytes(b), downSet('par'))).toBe(
      NETWORKING_PING_FAILED,
    );
    expect(estimator.estimateBytes(bytes(a), bytes(b), downSet('fra'))).toBe(
      20 + network.backboneMs('ams', 'par')! + 30,
    );
  });

  it("leaves out a simulated host's entries when its best POP goes down in the world", () => {
    const own = new SimulatedWorld({ seed: 5 });
    const paris = own.createHost({ location: 'Paris' });
    const berlin = own.createHost({ location: 'Berlin' });
    const a = own.pingLocationOf(paris);
    const b = own.pingLocationOf(berlin);
    const nearest = a.entries()[0]!;
    own.setPopDown(nearest.code, true);
    const isDown: PopDownTest = (popId) => own.isPopDown(popId);
    const want = estimate(without(a, isDown), without(b, isDown), network);
    expect(want).toBeGreaterThan(estimate(a, b, network));
    expect(own.estimator.estimateLocations(a, b, isDown)).toBe(want);
    expect(own.estimator.estimateBytes(bytes(a), bytes(b), isDown)).toBe(want);
  });

  // An alias names its POP: 'tyo1' is down when 'tyo' is, for both estimators alike.
  it('leaves out an entry that names a down POP by an alias (tyo1 when tyo is down)', () => {
    const a = location('tyo1=10+1,lax=200+20');
    const b = location('sea=200+20');
    const tyoDown: PopDownTest = (popId) => popId === id('tyo');
    const throughTyo = 10 + network.backboneMs('tyo', 'sea')! + 200;
    const throughLax = 200 + network.backboneMs('lax', 'sea')! + 200;
    expect(throughTyo).toBeLessThan(throughLax);
    // LocalHostEstimator, with the same remote side at sea, leaves tyo1 out.
    const local = new LocalHostEstimator(model.backbone.network, model.pops);
    local.setLocal({ pings: new Map([[model.popIndex(id('sea')), 200]]), isPopDown: tyoDown });
    expect(local.estimateLocation(a)).toBe(throughLax);
    expect(estimator.estimateLocations(a, b, tyoDown)).toBe(throughLax);
    expect(estimator.estimateBytes(bytes(a), bytes(b), tyoDown)).toBe(throughLax);
  });
});

describe('LocationEstimator: not a location, or no route', () => {
  const estimator = new LocationEstimator(network);
  const valid = bytes(real[0]!);

  it.each(garbage)('is UNKNOWN for %s on either side, or both', (_what, bad) => {
    expect(estimator.estimateBytes(bad, valid)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateBytes(valid, bad)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateBytes(bad, bad)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateBytes(bad, emptyBytes)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateBytes(emptyBytes, bad, noneDown)).toBe(NETWORKING_PING_UNKNOWN);
    // And nothing of it stays behind for the next call.
    expect(estimator.estimateBytes(valid, valid)).toBe(estimate(real[0]!, real[0]!, network));
  });

  it('is UNKNOWN for an undefined location on either side', () => {
    expect(estimator.estimateLocations(undefined, real[0])).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateLocations(real[0], undefined)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateLocations(undefined, undefined, noneDown)).toBe(
      NETWORKING_PING_UNKNOWN,
    );
  });

  it('is FAILED for the empty location on either side', () => {
    expect(estimator.estimateBytes(emptyBytes, valid)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateBytes(valid, emptyBytes)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateBytes(emptyBytes, emptyBytes)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateBytes(emptyBytes, valid, noneDown)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateLocations(PingLocation.EMPTY, real[0])).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateLocations(real[0], PingLocation.EMPTY, noneDown)).toBe(
      NETWORKING_PING_FAILED,
    );
  });

  it('is FAILED for two locations whose POPs never meet', () => {
    const a = location('sof=10+1,zz9=20+2');
    const b = location('lux=5+0,okc=7+0');
    expect(estimate(a, b, network)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateBytes(bytes(a), bytes(b))).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateLocations(a, b)).toBe(NETWORKING_PING_FAILED);
  });

  it('answers each call alone: a shared estimator agrees with a fresh one over any sequence', () => {
    const call = fc.tuple(
      anyLocation,
      anyLocation,
      fc.option(downIds, { nil: undefined }),
      fc.integer({ min: 0, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 8 }), (calls) => {
        const shared = new LocationEstimator(network);
        for (const [a, b, down, kind] of calls) {
          const isDown = down && ((popId: number) => down.includes(popId));
          const bytesA = kind === 4 ? garbage[kind % garbage.length]![1] : bytes(a);
          const bytesB = kind === 5 ? emptyBytes : bytes(b);
          expect(shared.estimateBytes(bytesA, bytesB, isDown)).toBe(
            new LocationEstimator(network).estimateBytes(bytesA, bytesB, isDown),
          );
          expect(shared.estimateLocations(a, b, isDown)).toBe(
            new LocationEstimator(network).estimateLocations(a, b, isDown),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** The local host's pings: every POP it pings directly, unrounded, by model index. */
const hostPings = (index: number): Map<number, number> =>
  new Map(
    model.pops
      .map((_pop, popIndex) => popIndex)
      .filter((popIndex) => model.pingsDirectly(hosts[index]!.model, popIndex))
      .map((popIndex) => [popIndex, hosts[index]!.model.popRttMs[popIndex]!]),
  );

/**
 * The estimate from a local host with `pings` to `remote`, by brute force: min over local POPs p,
 * POPs m that are up and remote entries q of ping[p] + backbone(p, m) + backbone(m, q) +
 * route[q] (m = p or m = q is the one-hop route), rounded once; remote entries at a down POP
 * (named by its code or an alias) or through one are left out.
 */
/** The id of the network POP that `popId` names (itself, or the POP an alias names). */
function canonicalId(popId: number): number {
  const index = network.indexOf(popId);
  return index < 0 ? popId : network.pops[index]!.id;
}

function bruteLocal(
  pings: ReadonlyMap<number, number>,
  remote: PingLocation,
  isDown: PopDownTest,
): number {
  let best = Infinity;
  for (const [popIndex, pingMs] of pings) {
    const p = network.indexOf(model.pops[popIndex]!.id);
    for (const entry of remote.entries()) {
      const q = network.indexOf(entry.popId);
      if (q < 0) continue;
      // The test is asked about the network's POPs: an alias as its POP, never by its own id.
      if (isDown(network.pops[q]!.id)) continue;
      if (entry.relayPopId !== undefined && isDown(canonicalId(entry.relayPopId))) continue;
      for (let m = 0; m < network.size; m++) {
        if (isDown(network.pops[m]!.id)) continue;
        const total =
          pingMs +
          network.backbone[p * network.size + m]! +
          network.backbone[m * network.size + q]! +
          entry.routeMs;
        if (total < best) best = total;
      }
    }
  }
  return best === Infinity ? NETWORKING_PING_FAILED : Math.round(best);
}

describe('LocalHostEstimator', () => {
  it('is never more than the estimate between the two locations, where the backbone is not a metric', () => {
    // Valve publishes canu–can 0 ms and can–hkg 6 ms, but canu–hkg 88 ms. A host that pings only
    // canu (3 ms) lists can through it; the estimate between its location and hkg's goes
    // canu → can → hkg, and so must the estimate from the local host.
    expect(network.backboneMs('canu', 'hkg')).toBe(88);
    const canu = model.popIndex(popIdFromCode('canu'));
    const pings = new Map([[canu, 3]]);
    const own = buildPingLocation(model, pings, (index) => model.pops[index]!.partners !== 0);
    const hongKong = PingLocation.fromEntries([
      { popId: popIdFromCode('hkg'), direct: { ms: 5, extra: 0 } },
    ]);
    const between = estimate(own, hongKong, network);
    expect(between).toBe(3 + 0 + 6 + 5);
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    estimator.setLocal({ pings, isPopDown: () => false });
    expect(estimator.estimateLocation(hongKong)).toBe(between);
  });

  it('is FAILED for every location and UNKNOWN for garbage before any local data', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    for (const loc of pool) {
      expect(estimator.estimateBytes(bytes(loc))).toBe(NETWORKING_PING_FAILED);
      expect(estimator.estimateLocation(loc)).toBe(NETWORKING_PING_FAILED);
    }
    expect(estimator.estimateBytes(emptyBytes)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateLocation(PingLocation.EMPTY)).toBe(NETWORKING_PING_FAILED);
    for (const [, bad] of garbage) {
      expect(estimator.estimateBytes(bad)).toBe(NETWORKING_PING_UNKNOWN);
    }
    expect(estimator.estimateLocation(undefined)).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('is the brute-force minimum over local POPs and remote entries, rounded once', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    hosts.forEach((_host, index) => {
      const pings = hostPings(index);
      estimator.setLocal({ pings, isPopDown: noneDown });
      for (const remote of pool) {
        const want = bruteLocal(pings, remote, noneDown);
        const got = [
          estimator.estimateBytes(bytes(remote)),
          estimator.estimateLocation(remote),
          estimator.estimateLocation(pingLocationFromBytes(bytes(remote))),
        ];
        if (got.some((answer) => answer !== want)) {
          throw new Error(`${cities[index]} to '${String(remote)}': ${got.join(', ')}; ${want}`);
        }
      }
      expect(estimator.estimateBytes(emptyBytes)).toBe(NETWORKING_PING_FAILED);
      expect(estimator.estimateBytes(garbage[0]![1])).toBe(NETWORKING_PING_UNKNOWN);
      expect(estimator.estimateLocation(undefined)).toBe(NETWORKING_PING_UNKNOWN);
    });
  });

  it('adds the unrounded local ping: 10.4 + 20 is 30, 10.5 + 20 is 31', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    const fra = model.popIndex(id('fra'));
    const remote = location('fra=20+2');
    estimator.setLocal({ pings: new Map([[fra, 10.4]]), isPopDown: noneDown });
    expect(estimator.estimateBytes(bytes(remote))).toBe(30);
    estimator.setLocal({ pings: new Map([[fra, 10.5]]), isPopDown: noneDown });
    expect(estimator.estimateBytes(bytes(remote))).toBe(31);
    expect(estimator.estimateLocation(remote)).toBe(31);
    // Through another POP: ams 3.2 + backbone(ams, fra) + 20.
    const ams = model.popIndex(id('ams'));
    estimator.setLocal({ pings: new Map([[ams, 3.2]]), isPopDown: noneDown });
    expect(estimator.estimateLocation(remote)).toBe(
      Math.round(3.2 + network.backboneMs('ams', 'fra')! + 20),
    );
  });

  it('meets a remote entry at a POP the network lacks nowhere', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    estimator.setLocal({ pings: hostPings(0), isPopDown: noneDown });
    expect(estimator.estimateLocation(location('sof=10+1,lux=3+0'))).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateBytes(bytes(location('sof=10+1,lux=3+0')))).toBe(
      NETWORKING_PING_FAILED,
    );
  });

  it('is the brute force for any local pings, remote location and POPs down', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    const pings = fc
      .uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: model.pops.length - 1 }),
          fc.double({ min: 0, max: 400, noNaN: true }),
        ),
        { maxLength: 20, selector: ([index]) => index },
      )
      .map((list) => new Map(list));
    fc.assert(
      fc.property(pings, anyLocation, downIds, (local, remote, down) => {
        const isPopDown: PopDownTest = (popId) => down.includes(popId);
        // As the simulated network gives them: no local ping at a POP that is down.
        for (const index of [...local.keys()]) {
          if (isPopDown(model.pops[index]!.id)) local.delete(index);
        }
        estimator.setLocal({ pings: local, isPopDown });
        const want = bruteLocal(local, remote, isPopDown);
        expect(estimator.estimateBytes(bytes(remote))).toBe(want);
        expect(estimator.estimateLocation(remote)).toBe(want);
        expect(estimator.estimateLocation(pingLocationFromBytes(bytes(remote)))).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('forgets the POPs that were down when set again with none down', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    const pings = hostPings(cities.indexOf('London'));
    const remote = world.pingLocationOf(hosts[cities.indexOf('Tokyo')]!);
    const down = downSet(...remote.entries().map((entry) => entry.code));
    estimator.setLocal({ pings, isPopDown: down });
    expect(estimator.estimateBytes(bytes(remote))).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateLocation(remote)).toBe(NETWORKING_PING_FAILED);
    estimator.setLocal({ pings, isPopDown: noneDown });
    const want = bruteLocal(pings, remote, noneDown);
    expect(want).toBeGreaterThan(0);
    expect(estimator.estimateBytes(bytes(remote))).toBe(want);
    expect(estimator.estimateLocation(remote)).toBe(want);
  });

  it('drops a remote entry whose via route enters at a down POP', () => {
    const estimator = new LocalHostEstimator(model.backbone.network, model.pops);
    const ams = model.popIndex(id('ams'));
    const remote = PingLocation.fromEntries([
      { popId: id('ams'), via: { ms: 10, extra: 0 }, relayPopId: id('lhr') },
      { popId: id('fra'), direct: { ms: 40, extra: 4 } },
    ]);
    estimator.setLocal({ pings: new Map([[ams, 5]]), isPopDown: noneDown });
    expect(estimator.estimateBytes(bytes(remote))).toBe(15);
    estimator.setLocal({ pings: new Map([[ams, 5]]), isPopDown: downSet('lhr') });
    const want = 5 + network.backboneMs('ams', 'fra')! + 40;
    expect(estimator.estimateBytes(bytes(remote))).toBe(want);
    expect(estimator.estimateLocation(remote)).toBe(want);
    // The location itself is untouched.
    expect(remote.size).toBe(2);
  });
});
