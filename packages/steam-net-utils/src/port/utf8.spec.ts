import fc from 'fast-check';

import { decodeUtf8, encodeUtf8 } from './utf8.js';

describe('encodeUtf8', () => {
  it.each<[string, number[]]>([
    ['A', [0x41]],
    ['é', [0xc3, 0xa9]],
    ['€', [0xe2, 0x82, 0xac]],
    ['😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['\0', [0x00]],
    ['\ud800', [0xef, 0xbf, 0xbd]], // lone high surrogate
    ['\udc00x', [0xef, 0xbf, 0xbd, 0x78]], // lone low surrogate
  ])('encodes %j as %p', (text, bytes) => {
    expect(Array.from(encodeUtf8(text))).toEqual(bytes);
  });
});

describe('decodeUtf8', () => {
  it.each<[number[], string]>([
    [[0x41, 0x00, 0x42], 'A\0B'],
    [[0xc3, 0xa9], 'é'],
    [[0xc3], '\ufffd'], // truncated sequence
    [[0xc0, 0x80], '\ufffd\ufffd'], // overlong NUL
    [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'], // encoded surrogate
    [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'], // above U+10FFFF
    [[0xe2, 0x82, 0x41], '\ufffdA'], // sequence cut short by an ASCII byte
  ])('decodes %p as %j', (bytes, text) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toBe(text);
  });

  it('keeps a leading byte order mark: the bytes are a C string, not a document', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
    expect(decodeUtf8(encodeUtf8('\ufeffA'))).toBe('\ufeffA');
  });

  it('reads a view of shared memory like any other', () => {
    const shared = new Uint8Array(new SharedArrayBuffer(3));
    shared.set([0xc3, 0xa9, 0x21]);
    expect(decodeUtf8(shared)).toBe('é!');
  });

  it('inverts encodeUtf8 for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeUtf8(encodeUtf8(text))).toBe(text);
      }),
    );
  });
});
