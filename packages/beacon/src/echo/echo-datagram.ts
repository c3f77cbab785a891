/**
 * PlayFab's QoS echo, the wire format of the beacon's UDP port: a request is 2 to
 * {@link MAX_ECHO_BYTES} bytes that start 0xFF 0xFF; its answer is the same bytes with those two
 * set to 0x00 0x00. An answer is never larger than its request, so the beacon cannot be used to
 * amplify traffic towards a spoofed source. Anything else gets no answer.
 */

/** The largest request answered, UDP and WebSocket alike. */
export const MAX_ECHO_BYTES = 512;

/** The first two bytes of a request. */
export const REQUEST_PREFIX = 0xff;

/** The first two bytes of an answer. */
export const ANSWER_PREFIX = 0x00;

/** True when `datagram` is a request the beacon answers. */
export function isEchoRequest(datagram: Uint8Array): boolean {
  return (
    datagram.length >= 2 &&
    datagram.length <= MAX_ECHO_BYTES &&
    datagram[0] === REQUEST_PREFIX &&
    datagram[1] === REQUEST_PREFIX
  );
}

/**
 * Turns a request into its answer in place (the two prefix bytes become 0x00 0x00) and returns
 * it: the same buffer, so the answer has the request's length by construction. The caller checks
 * {@link isEchoRequest} first.
 */
export function answerInPlace(request: Buffer): Buffer {
  request[0] = ANSWER_PREFIX;
  request[1] = ANSWER_PREFIX;
  return request;
}
