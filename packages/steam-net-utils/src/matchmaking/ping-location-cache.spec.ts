import { PingLocationCache } from './ping-location-cache.js';

/** A cache whose parser records the texts it was given; 'bad…' texts do not parse. */
function recordingCache(maxEntries: number) {
  const parsed: string[] = [];
  const cache = new PingLocationCache((text) => {
    parsed.push(text);
    return text.startsWith('bad') ? undefined : new Uint8Array([text.length]);
  }, maxEntries);
  /** Looks the texts up as one ranking `generation` would, then trims the cache. */
  const rankWith = (generation: number, texts: readonly string[]): void => {
    for (const text of texts) cache.lookup(text).lastUsed = generation;
    cache.evict(generation);
  };
  return { cache, parsed, rankWith };
}

describe('PingLocationCache', () => {
  it('parses each distinct text once', () => {
    const { cache, parsed } = recordingCache(10);
    const first = cache.lookup('a');
    expect(cache.lookup('a')).toBe(first);
    cache.lookup('bb');
    expect(parsed).toEqual(['a', 'bb']);
    expect(cache.size).toBe(2);
  });

  it('caches a text that does not parse, as no location', () => {
    const { cache, parsed } = recordingCache(10);
    expect(cache.lookup('bad').location).toBeUndefined();
    cache.lookup('bad');
    expect(parsed).toEqual(['bad']);
  });

  it('keeps every entry of the current ranking even beyond maxEntries', () => {
    const { cache, rankWith } = recordingCache(2);
    rankWith(1, ['a', 'b', 'c', 'd']);
    expect(cache.size).toBe(4);
  });

  it('evicts entries of older rankings, least recently ranked first, down to maxEntries', () => {
    const { cache, parsed, rankWith } = recordingCache(3);
    rankWith(1, ['a', 'b']);
    rankWith(2, ['c']);
    rankWith(3, ['a', 'd']); // 'a' is used again: now 'b' (1) and 'c' (2) are the oldest
    expect(cache.size).toBe(3);
    parsed.length = 0;
    rankWith(4, ['a', 'c', 'd']);
    expect(parsed).toEqual([]); // 'b' went, not 'c'
  });

  it('among entries last used by the same ranking, evicts the oldest insertion first', () => {
    const { cache, parsed, rankWith } = recordingCache(2);
    rankWith(1, ['x', 'y', 'z']);
    rankWith(2, ['w']);
    expect(cache.size).toBe(2);
    parsed.length = 0;
    cache.lookup('z');
    expect(parsed).toEqual([]);
    cache.lookup('x');
    expect(parsed).toEqual(['x']);
  });

  it('with maxEntries 0 keeps only the current ranking', () => {
    const { cache, rankWith } = recordingCache(0);
    rankWith(1, ['a', 'b']);
    rankWith(2, ['c']);
    expect(cache.size).toBe(1);
  });

  it('forgets everything on clear()', () => {
    const { cache, parsed } = recordingCache(10);
    cache.lookup('a');
    cache.clear();
    expect(cache.size).toBe(0);
    cache.lookup('a');
    expect(parsed).toEqual(['a', 'a']);
  });
});
