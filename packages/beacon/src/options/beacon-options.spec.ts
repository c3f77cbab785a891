import { BeaconOptionError } from '../errors.js';
import { BEACON_DEFAULTS, type BeaconOptions, resolveBeaconOptions } from './beacon-options.js';

const minimal: BeaconOptions = { code: 'fra', geo: { lon: 8.68, lat: 50.12 } };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BeaconOptionError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('resolveBeaconOptions', () => {
  it('fills every default', () => {
    expect(resolveBeaconOptions(minimal)).toEqual({
      ...BEACON_DEFAULTS,
      code: 'fra',
      desc: 'fra',
      geo: { lon: 8.68, lat: 50.12 },
      advertiseHost: '127.0.0.1',
      peers: [],
    });
  });

  it('advertises a loopback address for a beacon on every address, unless told otherwise', () => {
    expect(resolveBeaconOptions({ ...minimal, host: '0.0.0.0' }).advertiseHost).toBe('127.0.0.1');
    expect(resolveBeaconOptions({ ...minimal, host: '::' }).advertiseHost).toBe('::1');
    expect(
      resolveBeaconOptions({ ...minimal, host: '::', advertiseHost: 'b.example' }).advertiseHost,
    ).toBe('b.example');
  });

  it('names the option in its errors', () => {
    expect(codeOf(() => resolveBeaconOptions({ ...minimal, code: 'FRA' }))).toMatch(
      /^BEACON_CODE_INVALID: options.code: 'FRA' is not a POP code/,
    );
    expect(codeOf(() => resolveBeaconOptions({ ...minimal, geo: { lon: 200, lat: 0 } }))).toMatch(
      /^BEACON_GEO_INVALID: options.geo: longitude 200/,
    );
    expect(codeOf(() => resolveBeaconOptions({ ...minimal, udpPort: -1 }))).toMatch(
      /^BEACON_PORT_INVALID: options.udpPort/,
    );
    expect(codeOf(() => resolveBeaconOptions({ ...minimal, emulate: { loss: 2 } }))).toMatch(
      /^BEACON_NUMBER_INVALID: options.emulate.loss/,
    );
    expect(codeOf(() => resolveBeaconOptions({ geo: minimal.geo } as BeaconOptions))).toMatch(
      /^BEACON_CODE_MISSING/,
    );
    expect(codeOf(() => resolveBeaconOptions({ code: 'fra' } as BeaconOptions))).toMatch(
      /^BEACON_GEO_MISSING/,
    );
  });

  it('fills the emulation defaults', () => {
    expect(resolveBeaconOptions({ ...minimal, emulate: { delayMs: 40 } }).emulate).toEqual({
      delayMs: 40,
      jitterMs: 0,
      loss: 0,
    });
  });
});
