/**
 * Calibration evidence for the latency model. The model is built from physics and published
 * aggregate figures only (see docs/simulation-model.md); these checks show that it reproduces those aggregates
 * and lands inside wide sanity bands around round trips that are common knowledge. The bands are
 * deliberately wide: they catch a broken model, they are not fitting targets.
 */
import { CITY_CATALOGUE, findCity } from './cities.js';
import { greatCircleKm } from './geo.js';
import { LatencyModel } from './latency-model.js';
import { SeededRandom } from './random.js';

const model = new LatencyModel({ seed: 'calibration' });

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Inflation over the fibre bound (RTT / (d / 100)) for seeded random pairs of catalogue cities. */
function inflationByDistance(): { all: number[]; short: number[]; long: number[] } {
  const random = new SeededRandom('city pairs');
  const all: number[] = [];
  const short: number[] = [];
  const long: number[] = [];
  while (all.length < 4000) {
    const a = CITY_CATALOGUE[random.nextInt(CITY_CATALOGUE.length)]!;
    const b = CITY_CATALOGUE[random.nextInt(CITY_CATALOGUE.length)]!;
    const km = greatCircleKm(a, b);
    if (km < 100) continue;
    const inflation = model.publicRttMs(a, b) / (km / 100);
    all.push(inflation);
    (km < 2500 ? short : long).push(inflation);
  }
  return { all, short, long };
}

describe('aggregate inflation over the fibre bound (the aggregates in docs/simulation-model.md)', () => {
  const { all, short, long } = inflationByDistance();

  it('is about 2× in the median between world cities', () => {
    expect(median(all)).toBeGreaterThanOrEqual(1.8);
    expect(median(all)).toBeLessThanOrEqual(2.3);
  });

  it('is higher on short paths (< 2,500 km, about 2.7×)', () => {
    expect(median(short)).toBeGreaterThanOrEqual(2.4);
    expect(median(short)).toBeLessThanOrEqual(3.2);
  });

  it('is lower on long paths (about 1.7×)', () => {
    expect(median(long)).toBeGreaterThanOrEqual(1.5);
    expect(median(long)).toBeLessThanOrEqual(2.05);
    expect(median(long)).toBeLessThan(median(short));
  });
});

describe('sanity bands around widely known round trips (public internet, server to server)', () => {
  it.each([
    ['London', 'New York', 65, 80],
    ['Los Angeles', 'Tokyo', 100, 120],
    ['Singapore', 'Sydney', 90, 110],
    ['London', 'Frankfurt', 10, 20],
    ['New York', 'Los Angeles', 55, 75],
    ['London', 'Singapore', 150, 185],
    ['Johannesburg', 'London', 140, 180],
    ['São Paulo', 'Miami', 95, 125],
    ['Hong Kong', 'Singapore', 28, 45],
    ['Moscow', 'Frankfurt', 30, 55],
  ])('%s – %s within %i–%i ms', (a, b, low, high) => {
    const rtt = model.publicRttMs(findCity(a)!, findCity(b)!);
    expect(rtt).toBeGreaterThanOrEqual(low);
    expect(rtt).toBeLessThanOrEqual(high);
  });

  it('sends Europe–Japan traffic the long way (over 200 ms), as measured routes do', () => {
    expect(model.publicRttMs(findCity('Frankfurt')!, findCity('Tokyo')!)).toBeGreaterThan(200);
  });
});

describe('the relay backbone against the public internet', () => {
  it('gives a lower ping than the public internet for a sizeable share of host pairs', () => {
    // Valve reported that 43 % of players got a lower ping through the relays (SDK 1.44).
    const random = new SeededRandom('host pairs');
    let better = 0;
    const pairs = 300;
    for (let k = 0; k < pairs; k++) {
      const a = CITY_CATALOGUE[random.nextInt(CITY_CATALOGUE.length)]!;
      const b = CITY_CATALOGUE[random.nextInt(CITY_CATALOGUE.length)]!;
      const relayed = model.estimateRelayed(
        model.createHost({ place: a }),
        model.createHost({ place: b }),
      ).rttMs;
      if (relayed < model.publicRttMs(a, b)) better++;
    }
    expect(better / pairs).toBeGreaterThan(0.25);
    expect(better / pairs).toBeLessThan(0.75);
  });
});
