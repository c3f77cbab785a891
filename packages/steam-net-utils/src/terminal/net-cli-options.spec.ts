import { thrownBy } from '../../../core/src/test-support/errors.js';
import { NetCliUsageError, parseNetCliOptions } from './net-cli-options.js';

describe('parseNetCliOptions', () => {
  it('defaults to the simulation and passes the console its own arguments in order', () => {
    expect(parseNetCliOptions(['-e', 'net.status', '--eval=net.pops', '--help'])).toEqual({
      backend: 'simulated',
      location: undefined,
      seed: undefined,
      beaconsUrl: undefined,
      appId: undefined,
      consoleArgs: ['-e', 'net.status', '--eval=net.pops', '--help'],
    });
  });

  it('reads every option, in either spelling, and a latitude and longitude as a place', () => {
    const options = parseNetCliOptions([
      '--backend=auto',
      '--location',
      '48.86, 2.35',
      '--seed',
      '7',
      '--beacons=http://127.0.0.1:8080/network-config',
      '--app-id',
      '480',
    ]);
    expect(options).toMatchObject({
      backend: 'auto',
      location: { lat: 48.86, lon: 2.35 },
      seed: 7,
      beaconsUrl: 'http://127.0.0.1:8080/network-config',
      appId: 480,
    });
    expect(parseNetCliOptions(['--location', 'Sao Paulo']).location).toBe('Sao Paulo');
  });

  it('keeps a command that starts with a dash as the console command it is', () => {
    expect(parseNetCliOptions(['-e', '--backend']).consoleArgs).toEqual(['-e', '--backend']);
  });

  it.each([
    [['--backend', 'carrier-pigeon'], /--backend takes simulated, beacons, steam, auto/],
    [['--backend', 'beacons'], /needs --beacons/],
    [
      ['--backend', 'beacons', '--beacons', 'not-a-url'],
      /--beacons takes an http:\/\/ or https:\/\/ URL/,
    ],
    [['--seed', '1.5'], /--seed takes an integer/],
    [['--seed', '-1'], /--seed takes an integer from 0/],
    [['--app-id', 'spacewar'], /--app-id takes an integer/],
    [['--location', '91,0'], /not a latitude/],
    [['--location'], /--location needs a value/],
    [['--seed', '1', '--seed', '2'], /given twice/],
  ])('refuses %j with a message saying what the option takes', (argv, message) => {
    const error = thrownBy<Error>(() => parseNetCliOptions(argv));
    expect(error).toBeInstanceOf(NetCliUsageError);
    expect(error.message).toMatch(message);
  });
});
