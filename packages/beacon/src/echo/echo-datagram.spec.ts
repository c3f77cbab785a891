import { answerInPlace, isEchoRequest, MAX_ECHO_BYTES } from './echo-datagram.js';

const request = (length: number, first = 0xff, second = 0xff): Buffer => {
  const bytes = Buffer.alloc(length, 0x41);
  if (length > 0) bytes[0] = first;
  if (length > 1) bytes[1] = second;
  return bytes;
};

describe("PlayFab's QoS echo format", () => {
  it.each([2, 12, MAX_ECHO_BYTES])('answers a request of %i bytes', (length) => {
    expect(isEchoRequest(request(length))).toBe(true);
  });

  it.each([
    ['empty', request(0)],
    ['one byte', request(1)],
    ['one byte over the limit', request(MAX_ECHO_BYTES + 1)],
    ['a wrong first byte', request(12, 0xfe)],
    ['a wrong second byte', request(12, 0xff, 0x00)],
    ['an answer', request(12, 0x00, 0x00)],
  ])('does not answer %s', (_what, datagram) => {
    expect(isEchoRequest(datagram)).toBe(false);
  });

  it('answers with the same bytes, the prefix zeroed, and never a byte more', () => {
    const bytes = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 7, 1, 2, 3, 4]);
    const answer = answerInPlace(Buffer.from(bytes));
    expect([...answer]).toEqual([0, 0, ...bytes.subarray(2)]);
    expect(answer.length).toBe(bytes.length);
  });
});
