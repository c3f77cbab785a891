import fc from 'fast-check';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../../../constants/index.js';
import { findCity, LatencyModel, POP_CATALOGUE } from '../world/index.js';
import { popIdFromCode } from '../../../estimator/pop-id.js';
import { decodePingLocation, encodePingLocation } from './binary-codec.js';
import { DecodedPingLocation } from './decoded-ping-location.js';
import { checksumOffset, PING_LOCATION_SIZE } from './layout.js';
import { type PingLocationData } from './ping-location-data.js';
import { pingLocationDataFor } from './ping-location-builder.js';
import { PingLocationEstimator } from './ping-location-estimator.js';
import { pingLocationDataArbitrary } from './test-support/ping-location-arbitraries.js';

const id = popIdFromCode;
const model = new LatencyModel({ seed: 3 });
const hubCount = model.internet.topology.hubs.length;

function encoded(data: PingLocationData): Uint8Array {
  const bytes = new Uint8Array(PING_LOCATION_SIZE);
  encodePingLocation(data, bytes);
  return bytes;
}

/** The estimate exactly as docs/simulated-ping-location.md states it, straight from the model's own accessors. */
function reference(on: LatencyModel, a: PingLocationData, b: PingLocationData): number {
  let relayed = Infinity;
  for (const p of a.entries) {
    for (const q of b.entries) {
      const i = on.popIndex(p.popId);
      const j = on.popIndex(q.popId);
      if (i < 0 || j < 0) continue;
      relayed = Math.min(relayed, p.pingMs + on.backbone.rttMs(i, j) + q.pingMs);
    }
  }
  if (relayed === Infinity) return NETWORKING_PING_FAILED;
  const hubs = on.internet.topology.hubs.length;
  let direct = Infinity;
  if (a.anchor && b.anchor && a.anchor.hubIndex < hubs && b.anchor.hubIndex < hubs) {
    direct =
      a.anchor.accessMs +
      on.internet.hubRttMs(a.anchor.hubIndex, b.anchor.hubIndex) +
      b.anchor.accessMs;
  }
  return Math.round(Math.min(relayed, direct));
}

const locations = pingLocationDataArbitrary({ maxPingMs: 400, maxHubIndex: hubCount + 2 });

describe('PingLocationEstimator.estimate matches the formula', () => {
  it('equals the brute-force reference for any two locations', () => {
    const estimator = new PingLocationEstimator(model);
    fc.assert(
      fc.property(locations, locations, (a, b) => {
        expect(estimator.estimate(encoded(a), encoded(b))).toBe(reference(model, a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('still equals it when one location is estimated against many (cached and prepared)', () => {
    const estimator = new PingLocationEstimator(model);
    fc.assert(
      fc.property(locations, fc.array(locations, { minLength: 10, maxLength: 10 }), (a, bs) => {
        const bytesA = encoded(a);
        for (const b of bs) {
          expect(estimator.estimate(bytesA, encoded(b))).toBe(reference(model, a, b));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same answer for the same bytes in any order and from data', () => {
    const estimator = new PingLocationEstimator(model);
    fc.assert(
      fc.property(locations, locations, (a, b) => {
        const first = estimator.estimate(encoded(a), encoded(b));
        for (let k = 0; k < 6; k++) expect(estimator.estimate(encoded(a), encoded(b))).toBe(first);
        expect(estimator.estimateData(a, b)).toBe(first);
      }),
      { numRuns: 50 },
    );
  });
});

describe('PingLocationEstimator.estimate terms', () => {
  const estimator = new PingLocationEstimator(model);

  it('adds both pings at a shared POP (backbone 0)', () => {
    const a = { entries: [{ popId: id('fra'), pingMs: 5 }] };
    const b = { entries: [{ popId: id('fra'), pingMs: 7 }] };
    expect(estimator.estimateData(a, b)).toBe(12);
  });

  it('adds the backbone between two POPs', () => {
    const a = { entries: [{ popId: id('fra'), pingMs: 5 }] };
    const b = { entries: [{ popId: id('syd'), pingMs: 3 }] };
    const backbone = model.backboneRttMs(id('fra'), id('syd'));
    expect(backbone).toBeGreaterThan(100);
    expect(estimator.estimateData(a, b)).toBe(Math.round(8 + backbone));
  });

  it('takes the direct route when both anchors make it shorter', () => {
    const hub = model.internet.topology.hubIndex('FRA');
    const a = {
      entries: [{ popId: id('fra'), pingMs: 100 }],
      anchor: { hubIndex: hub, accessMs: 2 },
    };
    const b = {
      entries: [{ popId: id('fra'), pingMs: 100 }],
      anchor: { hubIndex: hub, accessMs: 3 },
    };
    expect(estimator.estimateData(a, b)).toBe(5);
    expect(estimator.estimateData({ entries: a.entries }, b)).toBe(200);
  });

  it('ignores an anchor on a hub the model does not have', () => {
    const a = {
      entries: [{ popId: id('fra'), pingMs: 100 }],
      anchor: { hubIndex: hubCount, accessMs: 2 },
    };
    const b = {
      entries: [{ popId: id('fra'), pingMs: 100 }],
      anchor: { hubIndex: 0, accessMs: 3 },
    };
    expect(estimator.estimateData(a, b)).toBe(200);
  });
});

describe('PingLocationEstimator.estimate sentinels', () => {
  const estimator = new PingLocationEstimator(model);
  const valid = encoded({ entries: [{ popId: id('fra'), pingMs: 5 }] });

  it('returns NETWORKING_PING_UNKNOWN when either side has no data', () => {
    const zeros = new Uint8Array(PING_LOCATION_SIZE);
    expect(estimator.estimate(zeros, valid)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimate(valid, zeros)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimate(valid.subarray(1), valid)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimate(valid, undefined as unknown as Uint8Array)).toBe(
      NETWORKING_PING_UNKNOWN,
    );
  });

  it('returns NETWORKING_PING_UNKNOWN for random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: PING_LOCATION_SIZE, maxLength: PING_LOCATION_SIZE }),
        (bytes) => {
          expect(estimator.estimate(bytes, valid)).toBe(NETWORKING_PING_UNKNOWN);
          expect(estimator.estimate(valid, bytes)).toBe(NETWORKING_PING_UNKNOWN);
        },
      ),
    );
  });

  it('returns NETWORKING_PING_UNKNOWN for every flipped bit of the used bytes', () => {
    const bytes = encoded({
      entries: [
        { popId: id('fra'), pingMs: 5 },
        { popId: id('ams'), pingMs: 9, relayPopId: id('fra') },
      ],
      anchor: { hubIndex: 3, accessMs: 4 },
    });
    const used = checksumOffset(2) + 4;
    for (let bit = 0; bit < used * 8; bit++) {
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      expect(estimator.estimate(bytes, valid)).toBe(NETWORKING_PING_UNKNOWN);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
    }
    expect(estimator.estimate(bytes, valid)).toBeGreaterThanOrEqual(10);
  });

  it('does not read the padding: decode refuses a dirty padding, the estimate is unchanged', () => {
    const bytes = encoded({ entries: [{ popId: id('ams'), pingMs: 4 }] });
    const clean = estimator.estimate(bytes, valid);
    bytes[PING_LOCATION_SIZE - 1] = 0x80;
    expect(decodePingLocation(bytes)).toBeUndefined();
    expect(estimator.estimate(bytes, valid)).toBe(clean);
  });

  it('returns NETWORKING_PING_FAILED when a side reached no POP, anchors or not', () => {
    const anchor = { hubIndex: 1, accessMs: 1 };
    const none = encoded({ entries: [], anchor });
    const some = encoded({ entries: [{ popId: id('fra'), pingMs: 5 }], anchor });
    expect(estimator.estimate(none, some)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimate(some, none)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimate(none, none)).toBe(NETWORKING_PING_FAILED);
  });

  it('returns NETWORKING_PING_FAILED when the model simulates none of a side’s POPs', () => {
    const europe = new LatencyModel({
      pops: POP_CATALOGUE.filter((pop) => pop.continent === 'europe'),
    });
    const onEurope = new PingLocationEstimator(europe);
    const sydney = { entries: [{ popId: id('syd'), pingMs: 2 }] };
    const frankfurt = { entries: [{ popId: id('fra'), pingMs: 2 }] };
    expect(onEurope.estimateData(sydney, frankfurt)).toBe(NETWORKING_PING_FAILED);
    const both = { entries: [...sydney.entries, { popId: id('fra'), pingMs: 290 }] };
    expect(onEurope.estimateData(both, frankfurt)).toBe(292);
  });

  it('throws a RangeError naming the parameter for invalid data', () => {
    expect(() =>
      estimator.estimateData({ entries: [] }, { entries: [{ popId: 1, pingMs: 1 }] }),
    ).toThrow(/estimateData's parameter 'b'/);
  });
});

describe('PingLocationEstimator caches without changing answers', () => {
  it('sees a location rewritten in place', () => {
    const estimator = new PingLocationEstimator(model);
    const a = encoded({ entries: [{ popId: id('fra'), pingMs: 5 }] });
    const b = encoded({ entries: [{ popId: id('fra'), pingMs: 7 }] });
    for (let k = 0; k < 6; k++) expect(estimator.estimate(a, b)).toBe(12);
    encodePingLocation({ entries: [{ popId: id('fra'), pingMs: 50 }] }, a);
    expect(estimator.estimate(a, b)).toBe(57);
    a[12]! ^= 1;
    expect(estimator.estimate(a, b)).toBe(NETWORKING_PING_UNKNOWN);
  });

  it('stays exact across far more locations than it caches', () => {
    const estimator = new PingLocationEstimator(model);
    const all = fc.sample(pingLocationDataArbitrary({ maxPingMs: 300, minEntries: 1 }), {
      numRuns: 700,
      seed: 42,
    });
    const bytes = all.map(encoded);
    // Each location is the first argument several times in a row (so it gets prepared), and
    // slots are reused many times over: a stale slot or preparation would show.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < all.length; i++) {
        for (let k = 0; k < 5; k++) {
          const j = (i * 7 + k + round) % all.length;
          expect(estimator.estimate(bytes[i]!, bytes[j]!)).toBe(reference(model, all[i]!, all[j]!));
        }
      }
    }
  });
});

describe('estimates between simulated hosts', () => {
  const estimator = new PingLocationEstimator(model);

  function locationOf(city: string, connection: 'datacenter' | 'cable' = 'datacenter'): Uint8Array {
    const place = findCity(city);
    if (place === undefined) throw new Error(`no city ${city}`);
    const host = model.createHost({ place, connection, label: `${city}/${connection}` });
    const pings = new Map(model.pops.map((pop, i) => [pop.id, host.popRttMs[i]!]));
    return encoded(pingLocationDataFor(model, host, pings));
  }

  it('estimates a few ms between two Frankfurt hosts', () => {
    const estimate = estimator.estimate(locationOf('Frankfurt'), locationOf('Frankfurt'));
    expect(estimate).toBeGreaterThanOrEqual(0);
    expect(estimate).toBeLessThan(10);
  });

  it('estimates 250–320 ms between Sydney and Frankfurt, either way round', () => {
    const sydney = locationOf('Sydney', 'cable');
    const frankfurt = locationOf('Frankfurt', 'cable');
    for (const estimate of [
      estimator.estimate(sydney, frankfurt),
      estimator.estimate(frankfurt, sydney),
    ]) {
      expect(estimate).toBeGreaterThanOrEqual(250);
      expect(estimate).toBeLessThanOrEqual(320);
    }
  });
});

describe('PingLocationEstimator.estimateDecoded (prepared locations)', () => {
  const decoded = (bytes: Uint8Array): DecodedPingLocation => DecodedPingLocation.decode(bytes);

  it('equals the byte estimate and the reference for any two locations, before and after the field', () => {
    const estimator = new PingLocationEstimator(model);
    fc.assert(
      fc.property(locations, fc.array(locations, { minLength: 8, maxLength: 8 }), (a, bs) => {
        // One first argument against many: the first few estimates take the pairs, the rest the
        // distance field the location gets after a few uses.
        const first = decoded(encoded(a));
        for (const b of bs) {
          const expected = reference(model, a, b);
          expect(estimator.estimateDecoded(first, decoded(encoded(b)))).toBe(expected);
          expect(estimator.estimate(encoded(a), encoded(b))).toBe(expected);
        }
        // The field comes with the fourth estimate that needs a relayed term (both sides have entries).
        expect(first.fieldOwner === estimator).toBe(first.uses >= 4);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a field per estimator: another model recomputes it, and answers for its own model', () => {
    const other = new LatencyModel({ seed: 4 });
    const mine = new PingLocationEstimator(model);
    const theirs = new PingLocationEstimator(other);
    const a = {
      entries: [
        { popId: id('fra'), pingMs: 5 },
        { popId: id('ams'), pingMs: 11 },
      ],
    };
    const b = { entries: [{ popId: id('sea'), pingMs: 7 }] };
    const first = decoded(encoded(a));
    const second = decoded(encoded(b));
    for (let k = 0; k < 6; k++) {
      expect(mine.estimateDecoded(first, second)).toBe(reference(model, a, b));
      expect(theirs.estimateDecoded(first, second)).toBe(reference(other, a, b));
    }
  });

  it('answers the byte sentinels: UNKNOWN for invalid bytes or zeros, FAILED for no entries', () => {
    const estimator = new PingLocationEstimator(model);
    const valid = decoded(encoded({ entries: [{ popId: id('fra'), pingMs: 5 }] }));
    const zeros = decoded(new Uint8Array(PING_LOCATION_SIZE));
    expect(zeros).toBe(DecodedPingLocation.INVALID);
    expect(estimator.estimateDecoded(zeros, valid)).toBe(NETWORKING_PING_UNKNOWN);
    expect(estimator.estimateDecoded(valid, zeros)).toBe(NETWORKING_PING_UNKNOWN);
    const empty = decoded(encoded({ entries: [] }));
    expect(estimator.estimateDecoded(empty, valid)).toBe(NETWORKING_PING_FAILED);
    expect(estimator.estimateDecoded(valid, empty)).toBe(NETWORKING_PING_FAILED);
  });

  it('decodes exactly the bytes the byte estimate accepts (random bytes, flipped bits)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: PING_LOCATION_SIZE, maxLength: PING_LOCATION_SIZE }),
        (bytes) => {
          expect(decoded(bytes)).toBe(DecodedPingLocation.INVALID);
        },
      ),
    );
    const bytes = encoded({ entries: [{ popId: id('ams'), pingMs: 4 }] });
    bytes[PING_LOCATION_SIZE - 1] = 0x80; // the padding is not read, as by estimate()
    expect(decoded(bytes).count).toBe(1);
    bytes[20]! ^= 1; // the ping: the checksum no longer matches
    expect(decoded(bytes)).toBe(DecodedPingLocation.INVALID);
  });
});
