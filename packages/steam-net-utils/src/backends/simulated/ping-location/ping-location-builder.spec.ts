import { findCity, LatencyModel, POP_CATALOGUE, type SimulatedHost } from '../world/index.js';
import { popIdFromCode } from '../../../estimator/pop-id.js';
import { encodePingLocation } from './binary-codec.js';
import { MAX_PING_LOCATION_ENTRIES, PING_LOCATION_SIZE } from './layout.js';
import { pingLocationDataFor } from './ping-location-builder.js';

const id = popIdFromCode;
const model = new LatencyModel({ seed: 5 });

function host(city: string, connection: 'datacenter' | 'cable' = 'cable'): SimulatedHost {
  const place = findCity(city);
  if (place === undefined) throw new Error(`no city ${city}`);
  return model.createHost({ place, connection });
}

/** Every POP's base round trip from `h`, as if each had been measured without noise. */
function allPings(h: SimulatedHost, on: LatencyModel = model): Map<number, number> {
  return new Map(on.pops.map((pop, i) => [pop.id, h.popRttMs[i]!]));
}

/** The best route to POP `popId`: the direct ping or a usable POP's ping plus the backbone. */
function bestRoute(pings: Map<number, number>, popId: number): number {
  let best = pings.get(popId) ?? Infinity;
  for (const [relay, ping] of pings) {
    if (relay !== popId) best = Math.min(best, ping + model.backboneRttMs(relay, popId));
  }
  return best;
}

describe('pingLocationDataFor', () => {
  const tokyo = host('Tokyo');
  const pings = allPings(tokyo);
  const data = pingLocationDataFor(model, tokyo, pings);

  it('keeps the 12 fastest routes in canonical order', () => {
    expect(data.entries).toHaveLength(MAX_PING_LOCATION_ENTRIES);
    const slowestKept = data.entries.at(-1)!.pingMs;
    const kept = new Set(data.entries.map((entry) => entry.popId));
    for (const pop of POP_CATALOGUE) {
      if (!kept.has(pop.id))
        expect(Math.round(bestRoute(pings, pop.id))).toBeGreaterThanOrEqual(slowestKept);
    }
    expect(() => encodePingLocation(data, new Uint8Array(PING_LOCATION_SIZE))).not.toThrow();
  });

  it('stores each POP’s best route, naming the relay only when it beats the direct ping', () => {
    for (const entry of data.entries) {
      expect(entry.pingMs).toBe(Math.round(bestRoute(pings, entry.popId)));
      const direct = pings.get(entry.popId)!;
      if (entry.relayPopId === undefined) {
        expect(bestRoute(pings, entry.popId)).toBe(direct);
      } else {
        const viaRelay =
          pings.get(entry.relayPopId)! + model.backboneRttMs(entry.relayPopId, entry.popId);
        expect(viaRelay).toBeLessThan(direct);
        expect(entry.pingMs).toBe(Math.round(viaRelay));
      }
    }
    expect(data.entries[0]!.relayPopId).toBeUndefined();
  });

  it('anchors the host at its cheapest entry hub, last mile included', () => {
    const point = model.internet.locate(tokyo.place, tokyo.place.countryCode);
    const costs = point.attachments.map(
      (attachment) => model.internet.accessRttMs(attachment) + tokyo.accessRttMs,
    );
    const cheapest = costs.indexOf(Math.min(...costs));
    expect(data.anchor).toEqual({
      hubIndex: point.attachments[cheapest]!.hub,
      accessMs: Math.round(costs[cheapest]!),
    });
  });

  it('skips failed, unknown and non-finite pings', () => {
    const measured = new Map<number, number>([
      [id('tyo'), -1],
      [id('hkg'), Number.NaN],
      [id('sgp'), Infinity],
      [id('zzzz'), 1],
      [id('seo'), 30],
    ]);
    const built = pingLocationDataFor(model, tokyo, measured);
    expect(built.entries[0]).toEqual({ popId: id('seo'), pingMs: 30 });
    for (const entry of built.entries.slice(1)) expect(entry.relayPopId).toBe(id('seo'));
  });

  it('gives no entries but keeps the anchor when nothing answered', () => {
    const built = pingLocationDataFor(model, tokyo, new Map([[id('tyo'), 70_000]]));
    expect(built.entries).toEqual([]);
    expect(built.anchor).toEqual(data.anchor);
  });

  it('uses only the POPs its model simulates', () => {
    const asia = new LatencyModel({
      pops: POP_CATALOGUE.filter((pop) => pop.continent === 'asia'),
    });
    const h = asia.createHost({ place: tokyo.place, connection: 'cable' });
    const built = pingLocationDataFor(asia, h, new Map([...allPings(h, asia), [id('fra'), 1]]));
    expect(built.entries.length).toBeGreaterThan(0);
    for (const entry of built.entries) expect(asia.popIndex(entry.popId)).toBeGreaterThanOrEqual(0);
  });

  it('throws a TypeError when the pings are not a Map', () => {
    expect(() =>
      pingLocationDataFor(model, tokyo, { get: () => 1 } as unknown as Map<number, number>),
    ).toThrow(/measuredPings/);
  });
});
