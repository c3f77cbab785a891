import { findCity } from './cities.js';
import { greatCircleKm } from './geo.js';
import { TRANSIT_ZONES } from './internet-hubs.js';
import { defaultInternetTopology, InternetTopology } from './internet-topology.js';

const topology = defaultInternetTopology();
const n = topology.hubs.length;
const byLength = topology.shortestPaths((link) => link.lengthKm, 'spec:length');

function hub(id: string): number {
  const index = topology.hubIndex(id);
  if (index < 0) throw new Error(`no hub ${id}`);
  return index;
}

describe('InternetTopology', () => {
  it('connects every hub to every other hub', () => {
    const unreachable = byLength.cost.filter((cost) => !Number.isFinite(cost));
    expect(unreachable.length).toBe(0);
  });

  it('gives symmetric shortest paths with zero cost from a hub to itself', () => {
    let worstAsymmetry = 0;
    for (let i = 0; i < n; i++) {
      expect(byLength.cost[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) {
        worstAsymmetry = Math.max(
          worstAsymmetry,
          Math.abs(byLength.cost[i * n + j]! - byLength.cost[j * n + i]!),
        );
      }
    }
    expect(worstAsymmetry).toBeLessThan(1e-6);
  });

  it('never makes a link shorter than the great circle between its ends', () => {
    for (const link of topology.links) {
      expect(link.lengthKm).toBeGreaterThanOrEqual(
        greatCircleKm(topology.hubs[link.a]!, topology.hubs[link.b]!),
      );
    }
  });

  it('reconstructs routes whose lengths add up to the path cost', () => {
    const from = hub('LON');
    const to = hub('SYD');
    const route = topology.route(byLength, from, to);
    expect(route[0]!.id).toBe('LON');
    expect(route[route.length - 1]!.id).toBe('SYD');
    let total = 0;
    for (let k = 1; k < route.length; k++) {
      const link = topology.links.find(
        (l) =>
          (l.a === route[k - 1]!.index && l.b === route[k]!.index) ||
          (l.b === route[k - 1]!.index && l.a === route[k]!.index),
      )!;
      total += link.lengthKm;
    }
    expect(total).toBeCloseTo(byLength.cost[from * n + to]!, 6);
  });

  it('memoizes paths by cache key', () => {
    expect(topology.shortestPaths((link) => link.lengthKm, 'spec:length')).toBe(byLength);
  });

  it('marks links that cross into mainland China', () => {
    const crossing = topology.links.find(
      (l) => topology.hubs[l.a]!.id === 'CAN' && topology.hubs[l.b]!.id === 'HKG',
    )!;
    expect(crossing.crossesChinaBorder).toBe(true);
    const domestic = topology.links.find(
      (l) => topology.hubs[l.a]!.id === 'BJS' && topology.hubs[l.b]!.id === 'SHA',
    )!;
    expect(domestic.crossesChinaBorder).toBe(false);
  });

  it('refuses links to unknown hubs and duplicate hubs', () => {
    expect(
      () => new InternetTopology([['AAA', 'A', 'DE', 0, 0]], [['AAA', 'BBB', 'land']]),
    ).toThrow(/unknown hub 'BBB'/);
    expect(
      () =>
        new InternetTopology(
          [
            ['AAA', 'A', 'DE', 0, 0],
            ['AAA', 'B', 'DE', 1, 1],
          ],
          [],
        ),
    ).toThrow(/twice/);
  });
});

describe('transit zones', () => {
  function routeIds(from: string, to: string): string[] {
    return topology.route(byLength, hub(from), hub(to)).map((h) => h.id);
  }

  it('keeps routes between two outsiders out of every zone', () => {
    const violations: string[] = [];
    for (const zone of TRANSIT_ZONES) {
      const inside = new Set(zone.hubs);
      for (const a of topology.hubs) {
        if (zone.customerCountries.includes(a.countryCode)) continue;
        for (const b of topology.hubs) {
          if (zone.customerCountries.includes(b.countryCode) || a === b) continue;
          const route = topology.route(byLength, a.index, b.index);
          if (route.some((h) => inside.has(h.id)))
            violations.push(`${a.id}–${b.id} via ${zone.name}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('routes Frankfurt–Tokyo around Siberia, but lets Moscow use it', () => {
    expect(routeIds('FRA', 'TYO')).not.toContain('OVB');
    expect(routeIds('MOW', 'TYO')).toContain('OVB');
  });
});

describe('attach', () => {
  it('attaches a hub city to its own hub first', () => {
    expect(topology.attach(findCity('Frankfurt')!, 'DE')[0]!.hub).toBe(hub('FRA'));
  });

  it('prefers a hub of the same country within reach', () => {
    const strasbourg = findCity('Strasbourg')!;
    expect(topology.attach(strasbourg)[0]!.hub).toBe(hub('ZRH'));
    expect(topology.attach(strasbourg, 'FR')[0]!.hub).toBe(hub('PAR'));
  });

  it('uses a nearby foreign hub when its own country has none in reach', () => {
    expect(topology.attach(findCity('Tijuana')!, 'MX')[0]!.hub).toBe(hub('LAX'));
  });

  it('attaches a point between two close hubs to both, nearest first', () => {
    const entries = topology.attach({ lat: 51.6, lon: 6.7 });
    expect(entries).toHaveLength(2);
    expect(entries[0]!.distanceKm).toBeLessThanOrEqual(entries[1]!.distanceKm);
  });
});
