import fc from 'fast-check';

import { isPopCode, PopIdError, popCodeFromId, popIdFromCode } from './pop-id.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';

describe('popIdFromCode (Valve packing: c0<<16 | c1<<8 | c2 | c3<<24)', () => {
  it.each([
    ['iad', 0x00696164],
    ['sto', 0x0073746f],
    ['abcd', 0x64616263],
    ['dev', 0x00646576],
  ])('packs %s as the SDK example says', (code, id) => {
    expect(popIdFromCode(code)).toBe(id);
  });

  it('packs one- and two-character codes with zeros for the missing characters', () => {
    expect(popIdFromCode('a')).toBe(0x61 << 16);
    expect(popIdFromCode('ab')).toBe((0x61 << 16) | (0x62 << 8));
  });

  it('puts the fourth character in the top byte', () => {
    expect(popIdFromCode('sto2')).toBe(0x32 * 2 ** 24 + 0x0073746f);
    expect(popIdFromCode('zzzz')).toBe(0x7a7a7a7a);
  });

  it.each(['', 'abcde', 'FRA', 'fr a', 'frä', '-', 'ab.c'])(
    "rejects '%s' with a typed RangeError",
    (code) => {
      const error = thrownBy(() => popIdFromCode(code));
      expect(error).toBeInstanceOf(RangeError);
      expect(error).toBeInstanceOf(PopIdError);
      expect((error as PopIdError).code).toBe('POP_CODE_INVALID');
      expect((error as Error).message).toMatch(/1 to 4 lowercase/);
    },
  );

  it('suggests the lowercase code when only the case is wrong', () => {
    expect(() => popIdFromCode('FRA')).toThrow(/Did you mean 'fra'\?/);
  });

  it('agrees with isPopCode', () => {
    expect(isPopCode('sto2')).toBe(true);
    expect(isPopCode('Sto2')).toBe(false);
  });
});

describe('popCodeFromId', () => {
  it.each([
    [0x00696164, 'iad'],
    [0x0073746f, 'sto'],
    [0x64616263, 'abcd'],
    [0x00646576, 'dev'],
  ])('unpacks %d as %s', (id, code) => {
    expect(popCodeFromId(id)).toBe(code);
  });

  it('stops at the first zero byte', () => {
    expect(popCodeFromId(0)).toBe('');
    expect(popCodeFromId(0x61 << 16)).toBe('a');
    // A non-zero top byte after a zero third byte is ignored, as the SDK's decoder does.
    expect(popCodeFromId(((0x7a << 24) | (0x61 << 16) | (0x62 << 8)) >>> 0)).toBe('ab');
  });

  it.each([-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %s, which is not a uint32, with a typed RangeError',
    (id) => {
      const error = thrownBy(() => popCodeFromId(id));
      expect(error).toBeInstanceOf(RangeError);
      expect((error as PopIdError).code).toBe('POP_ID_INVALID');
    },
  );

  it('round-trips every valid code (property)', () => {
    const codeCharacter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
    fc.assert(
      fc.property(fc.array(codeCharacter, { minLength: 1, maxLength: 4 }), (characters) => {
        const code = characters.join('');
        const id = popIdFromCode(code);
        expect(Number.isInteger(id) && id >= 0 && id <= 0xffffffff).toBe(true);
        expect(popCodeFromId(id)).toBe(code);
      }),
    );
  });
});
