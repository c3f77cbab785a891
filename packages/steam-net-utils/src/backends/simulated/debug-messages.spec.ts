import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_RETRYING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from '../../constants/index.js';
import {
  availabilityName,
  clampStatusMessage,
  formatPingList,
  formatStatusLine,
  isProduced,
  MAX_STATUS_MESSAGE_LENGTH,
} from './debug-messages.js';

describe('isProduced', () => {
  it('produces relay-ping messages only at or below the relay-ping log level', () => {
    const level = NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING;
    expect(isProduced(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING, 'relayPings', level)).toBe(true);
    expect(isProduced(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG, 'relayPings', level)).toBe(false);
  });

  it('always produces general messages of a real type', () => {
    expect(isProduced(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_DEBUG, 'general', 2)).toBe(true);
    expect(isProduced(0, 'general', 8)).toBe(false);
    expect(isProduced(9, 'general', 8)).toBe(false);
  });
});

describe('formatting', () => {
  it("names availabilities with the SDK's short names", () => {
    expect(availabilityName(NETWORKING_AVAILABILITY_RETRYING)).toBe('Retrying');
    expect(availabilityName(12345)).toBe('12345');
  });

  it('lists pings as code=ms, with a count of those left out', () => {
    const pings = ['fra', 'ams', 'par'].map((code, i) => ({ code, pingMs: 3.4 + i * 5 }));
    expect(formatPingList(pings, 2)).toBe('fra=3ms ams=8ms (+1 more)');
  });

  it('writes a status line', () => {
    expect(
      formatStatusLine(
        NETWORKING_AVAILABILITY_CURRENT,
        NETWORKING_AVAILABILITY_CURRENT,
        NETWORKING_AVAILABILITY_RETRYING,
        true,
        'x',
      ),
    ).toBe(
      'Relay network status: avail=Current config=Current anyrelay=Retrying (ping measurement in progress): x',
    );
  });

  it("cuts a status message to Steam's 255 characters", () => {
    expect(clampStatusMessage('a'.repeat(400))).toHaveLength(MAX_STATUS_MESSAGE_LENGTH);
    expect(clampStatusMessage('short')).toBe('short');
  });
});
