import { estimate } from './estimate.js';
import { parse } from './ping-location-text.js';
import { type PingLocation } from './ping-location.js';
import { valveRelayNetwork } from './relay-network-config.js';
import { REAL_PING_LOCATIONS, realPingLocation } from './test-support/real-ping-locations.js';
import { referenceEstimate, routeOf } from './test-support/reference-estimate.js';

const network = valveRelayNetwork();

function location(text: string): PingLocation {
  const result = parse(text);
  if (!result.ok) throw new Error(`'${text}' did not parse: ${result.reason} (at ${result.at})`);
  return result;
}

/** The codes of `text` in the order written, read with a plain split. */
const writtenCodes = (text: string): string[] =>
  text.split(',').map((entry) => entry.split('=')[0]!);

const ukPlayers = REAL_PING_LOCATIONS.filter(({ source }) => /\bUK\b/.test(source));
const hongKong = realPingLocation(/Hong Kong/);
const firewall = realPingLocation(/firewall/);

describe.each(REAL_PING_LOCATIONS)('the real string from: $source', ({ text }) => {
  it('parses, and its text is the original byte for byte', () => {
    expect(String(parse(text))).toBe(text);
  });

  it('has 12 entries, in the order written', () => {
    const parsed = location(text);
    expect(parsed.size).toBe(12);
    expect(parsed.entries().map(({ code }) => code)).toEqual(writtenCodes(text));
  });

  it('is written best route first, the via route counting when there is one', () => {
    const routes = location(text).entries().map(routeOf);
    expect(routes).toEqual([...routes].sort((x, y) => x - y));
  });

  it('meets itself at its best POP: twice its best route, by brute force too', () => {
    const parsed = location(text);
    const self = estimate(parsed, parsed);
    expect(self).toBe(referenceEstimate(parsed, parsed, network));
    expect(self).toBe(2 * routeOf(parsed.entries()[0]!));
  });
});

describe('estimates between the real strings', () => {
  const all = REAL_PING_LOCATIONS.map(({ text, source }) => ({ source, location: location(text) }));

  it('are finite, plausible (0 to 1000 ms) and the brute-force minimum, for every pair', () => {
    for (const a of all) {
      for (const b of all) {
        const ms = estimate(a.location, b.location);
        const pair = `${a.source} → ${b.source}`;
        expect([pair, Number.isInteger(ms) && ms >= 0 && ms <= 1000]).toEqual([pair, true]);
        expect([pair, ms]).toEqual([pair, referenceEstimate(a.location, b.location, network)]);
      }
    }
  });

  it('are symmetric', () => {
    for (const a of all) {
      for (const b of all)
        expect(estimate(a.location, b.location)).toBe(estimate(b.location, a.location));
    }
  });

  it('are the same from the text as from the parsed locations', () => {
    for (const a of REAL_PING_LOCATIONS) {
      for (const b of REAL_PING_LOCATIONS) {
        expect(estimate(a.text, b.text)).toBe(estimate(location(a.text), location(b.text)));
      }
    }
  });

  it('put the UK players closer to each other than any of them to the Hong Kong player', () => {
    expect(ukPlayers.length).toBe(6);
    const toHongKong = Math.min(...ukPlayers.map(({ text }) => estimate(text, hongKong)));
    for (const a of ukPlayers) {
      for (const b of ukPlayers) {
        if (a === b) continue;
        expect(estimate(a.text, b.text)).toBeLessThan(toHongKong);
      }
    }
  });

  it('match the hand-computed figure between two UK Barotrauma players (both meet at lhr)', () => {
    const september = realPingLocation(/UK, September 2020$/);
    const october = realPingLocation(/UK, October 2020/);
    expect(estimate(september, october)).toBe(7 + 7);
  });
});

describe('the firewall string', () => {
  const parsed = location(firewall);

  it('names sof, a POP not in the network, and carries it through', () => {
    expect(network.pop('sof')).toBeUndefined();
    expect(parsed.routeMsTo('sof')).toBe(345);
    expect(parsed.entries().find(({ code }) => code === 'sof')).toMatchObject({
      direct: { ms: 345, extra: 34 },
      via: undefined,
    });
  });

  it('has entries with an empty direct part, routed by their via part', () => {
    const atlanta = parsed.entries().find(({ code }) => code === 'atl')!;
    expect(atlanta).toMatchObject({ direct: undefined, via: { ms: 246, extra: 22 }, routeMs: 246 });
    expect(parsed.entries().filter(({ direct }) => direct === undefined)).toHaveLength(8);
  });

  it('meets another sof entry at sof, when that is the best route', () => {
    expect(estimate(firewall, 'sof=1+0')).toBe(346);
    expect(estimate(firewall, 'lux=1+0')).toBe(-1);
  });
});
