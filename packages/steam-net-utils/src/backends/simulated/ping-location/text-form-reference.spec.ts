import fc from 'fast-check';

import { POP_CATALOGUE } from '../world/index.js';
import { encodePingLocation } from './binary-codec.js';
import { PING_LOCATION_SIZE } from './layout.js';
import { pingLocationDataArbitrary } from './test-support/ping-location-arbitraries.js';
import { referenceParsePingLocation } from './test-support/reference-text-parser.js';
import { formatPingLocation, parsePingLocation } from './text-form.js';

/** A canonical string: the format of a random valid location. */
const canonicalText = pingLocationDataArbitrary().map((data) => {
  const bytes = new Uint8Array(PING_LOCATION_SIZE);
  encodePingLocation(data, bytes);
  return formatPingLocation(bytes);
});

/** Pieces that make near-misses likely: grammar characters, digits, codes, the anchor word. */
const piece = fc.oneof(
  fc.constantFrom(' ', '=', '/', '+', '@', '@hub', '0', '9', '65534', '65535', 'A', '-', '\0'),
  fc.constantFrom(...POP_CATALOGUE.map((pop) => pop.code)),
  fc.string({ maxLength: 3 }),
);

/** A canonical string with up to three pieces removed, inserted or replaced. */
const mutatedText = fc
  .tuple(
    canonicalText,
    fc.array(fc.record({ at: fc.nat(), remove: fc.nat(3), insert: piece }), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([text, edits]) => {
    let result = text;
    for (const { at, remove, insert } of edits) {
      const position = at % (result.length + 1);
      result = result.slice(0, position) + insert + result.slice(position + remove);
    }
    return result;
  });

/**
 * A canonical string with one token copied or moved elsewhere, or one entry's POP code given to
 * another entry: duplicates, order, the anchor's place.
 */
const shuffledText = fc
  .tuple(canonicalText, fc.nat(), fc.nat(), fc.constantFrom('copy', 'move', 'recode'))
  .map(([text, from, to, how]) => {
    const tokens = text.split(' ');
    const source = 1 + (from % Math.max(1, tokens.length - 1));
    const token = tokens[source] ?? '@hub0+0';
    const target = 1 + (to % Math.max(1, tokens.length - 1));
    if (how === 'recode') {
      const code = token.split('=')[0]!;
      tokens[target] = code + (tokens[target] ?? '=0').slice(tokens[target]?.indexOf('=') ?? 0);
      return tokens.join(' ');
    }
    if (how === 'move') tokens.splice(source, 1);
    tokens.splice(1 + (to % tokens.length), 0, token);
    return tokens.join(' ');
  });

/** Random strings, with and without the version word in front. */
const randomText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(piece, { maxLength: 12 }).map((pieces) => `rl1 ${pieces.join('')}`),
);

describe('parsePingLocation against the parse-encode-format reference', () => {
  it('gives the same answer and the same bytes on valid, mutated and random strings', () => {
    const shipped = new Uint8Array(PING_LOCATION_SIZE);
    const reference = new Uint8Array(PING_LOCATION_SIZE);
    fc.assert(
      fc.property(fc.oneof(canonicalText, mutatedText, shuffledText, randomText), (text) => {
        shipped.fill(0xa5);
        reference.fill(0x5a);
        const ok = parsePingLocation(text, shipped);
        expect(referenceParsePingLocation(text, reference)).toBe(ok);
        expect(shipped).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });
});
