import { answerInPlace, isEchoRequest } from '../echo/echo-datagram.js';
import { PROBE_BYTES, probeRequest, readProbeAnswer } from './probe-packet.js';

describe("Relaylane's probe", () => {
  it('is 12 bytes: 0xFF 0xFF, "RL", the sequence and the nonce, big-endian', () => {
    const probe = probeRequest(0x01020304, 0xa0b0c0d0);
    expect([...probe]).toEqual([0xff, 0xff, 0x52, 0x4c, 1, 2, 3, 4, 0xa0, 0xb0, 0xc0, 0xd0]);
    expect(probe.length).toBe(PROBE_BYTES);
    expect(isEchoRequest(probe)).toBe(true);
  });

  it("reads the echo's answer back", () => {
    expect(readProbeAnswer(answerInPlace(probeRequest(4_294_967_295, 7)))).toEqual({
      sequence: 4_294_967_295,
      nonce: 7,
    });
  });

  it('ignores anything that is not an answer to a probe', () => {
    const answer = answerInPlace(probeRequest(1, 2));
    expect(readProbeAnswer(probeRequest(1, 2))).toBeUndefined(); // a request, not an answer
    expect(readProbeAnswer(answer.subarray(0, 11))).toBeUndefined();
    expect(readProbeAnswer(Buffer.concat([answer, Buffer.from([0])]))).toBeUndefined();
    const otherMark = Buffer.from(answer);
    otherMark[2] = 0x50;
    expect(readProbeAnswer(otherMark)).toBeUndefined();
  });
});
