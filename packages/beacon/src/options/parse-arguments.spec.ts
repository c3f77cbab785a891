import { BeaconOptionError } from '../errors.js';
import { type BeaconCommand, parseBeaconArguments } from './parse-arguments.js';

const REQUIRED = ['--code', 'fra', '--geo', '8.68,50.12'];

function options(
  argv: string[],
  env: Record<string, string> = {},
  files: Record<string, string> = {},
) {
  const command = parseBeaconArguments(argv, env, (path) => {
    if (files[path] === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return files[path];
  });
  if (command.kind !== 'start') throw new Error(`expected start, got ${command.kind}`);
  return command.options;
}

/** The error a parse throws: its code and message. */
function failure(
  argv: string[],
  env: Record<string, string> = {},
  files: Record<string, string> = {},
) {
  try {
    options(argv, env, files);
  } catch (error) {
    if (error instanceof BeaconOptionError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a BeaconOptionError');
}

describe('parseBeaconArguments: flags', () => {
  it("reads the issue's example", () => {
    expect(
      options([
        '--code',
        'fra',
        '--desc',
        'Frankfurt',
        '--geo',
        '8.68,50.12',
        '--host',
        '127.0.0.1',
        '--udp-port',
        '3075',
        '--http-port=8080',
        '--advertise-host',
        'beacon-fra.example.com',
        '--peers',
        'http://beacon-sgp.example.com:8080, http://10.0.0.3:8080/',
      ]),
    ).toEqual({
      code: 'fra',
      desc: 'Frankfurt',
      geo: { lon: 8.68, lat: 50.12 },
      host: '127.0.0.1',
      udpPort: 3075,
      httpPort: 8080,
      advertiseHost: 'beacon-fra.example.com',
      peers: ['http://beacon-sgp.example.com:8080/', 'http://10.0.0.3:8080/'],
    });
  });

  it('gathers the emulation flags into emulate, and reads the limits', () => {
    expect(
      options([
        ...REQUIRED,
        '--emulate-delay-ms',
        '40',
        '--emulate-jitter-ms=2.5',
        '--emulate-loss',
        '0.01',
        '--ws-idle-timeout-ms',
        '10000',
        '--udp-rate',
        '50',
        '--log-level',
        'debug',
      ]),
    ).toEqual({
      code: 'fra',
      geo: { lon: 8.68, lat: 50.12 },
      emulate: { delayMs: 40, jitterMs: 2.5, loss: 0.01 },
      wsIdleTimeoutMs: 10_000,
      udpRatePerSecond: 50,
      logLevel: 'debug',
    });
  });

  it('answers --help and --version before anything else', () => {
    const help: BeaconCommand = { kind: 'help' };
    expect(parseBeaconArguments(['--bogus', '--help'], {})).toEqual(help);
    expect(parseBeaconArguments(['-h'], {})).toEqual(help);
    expect(parseBeaconArguments(['--version'], { RELAYLANE_BEACON_NOPE: '1' })).toEqual({
      kind: 'version',
    });
  });
});

describe('parseBeaconArguments: precedence', () => {
  const file = JSON.stringify({
    code: 'sgp',
    desc: 'From the file',
    geo: [103.8, 1.35],
    udpPort: 4000,
    httpPort: 4001,
    peers: ['http://10.0.0.1:8080'],
    emulate: { delayMs: 5, loss: 0.5 },
  });

  it('takes flags over the environment over the file over the defaults', () => {
    expect(
      options(
        ['--config', 'beacon.json', '--udp-port', '1111'],
        {
          RELAYLANE_BEACON_UDP_PORT: '2222',
          RELAYLANE_BEACON_HTTP_PORT: '3333',
          RELAYLANE_BEACON_EMULATE_LOSS: '0',
        },
        { 'beacon.json': file },
      ),
    ).toEqual({
      code: 'sgp',
      desc: 'From the file',
      geo: { lon: 103.8, lat: 1.35 },
      udpPort: 1111,
      httpPort: 3333,
      peers: ['http://10.0.0.1:8080/'],
      emulate: { delayMs: 5, loss: 0 },
    });
  });

  it('finds the file through RELAYLANE_BEACON_CONFIG, and reads geo and peers as text there too', () => {
    expect(
      options(
        [],
        { RELAYLANE_BEACON_CONFIG: 'b.json' },
        {
          'b.json': JSON.stringify({
            code: 'iad',
            geo: '-77.4, 38.9',
            peers: 'http://a:1,http://b:2',
          }),
        },
      ),
    ).toEqual({
      code: 'iad',
      geo: { lon: -77.4, lat: 38.9 },
      peers: ['http://a:1/', 'http://b:2/'],
    });
  });

  it('reads everything from the environment, an empty variable counting as unset', () => {
    expect(
      options([], {
        RELAYLANE_BEACON_CODE: 'fra',
        RELAYLANE_BEACON_DESC: 'Frankfurt',
        RELAYLANE_BEACON_GEO: '8.68,50.12',
        RELAYLANE_BEACON_HOST: '::1',
        RELAYLANE_BEACON_ADVERTISE_HOST: '::1',
        RELAYLANE_BEACON_PEERS: '',
        OTHER_VARIABLE: 'ignored',
      }),
    ).toEqual({
      code: 'fra',
      desc: 'Frankfurt',
      geo: { lon: 8.68, lat: 50.12 },
      host: '::1',
      advertiseHost: '::1',
    });
  });
});

describe('parseBeaconArguments: mistakes', () => {
  it.each([
    [['--cod', 'fra'], 'BEACON_OPTION_UNKNOWN', 'Unknown option --cod. Did you mean --code?'],
    [['--udp-port'], 'BEACON_OPTION_VALUE_MISSING', '--udp-port needs a value.'],
    [['--code', '--geo', '1,2'], 'BEACON_OPTION_VALUE_MISSING', '--code needs a value.'],
    [['--code='], 'BEACON_OPTION_VALUE_MISSING', '--code needs a value.'],
    [['fra'], 'BEACON_ARGUMENT_UNEXPECTED', "Unexpected argument 'fra'"],
    [['--code', 'fra', '--code', 'sgp'], 'BEACON_OPTION_REPEATED', '--code is given twice'],
  ])('%j: %s', (argv, code, message) => {
    const error = failure(argv);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('requires a code and a location, saying where to give them', () => {
    expect(failure(['--geo', '8.68,50.12'])).toEqual({
      code: 'BEACON_CODE_MISSING',
      message: expect.stringContaining(
        'give --code (or RELAYLANE_BEACON_CODE, or "code" in the --config file)',
      ),
    });
    expect(failure(['--code', 'fra']).code).toBe('BEACON_GEO_MISSING');
  });

  it.each(['FRA', 'fr', 'f', 'frank', '1fra', 'fr-a', 'fra '])(
    'refuses the POP code %j',
    (code) => {
      expect(failure(['--code', code, '--geo', '1,2'])).toEqual({
        code: 'BEACON_CODE_INVALID',
        message:
          `--code: '${code}' is not a POP code. A POP code, as Steam's, is 3 or 4 characters: ` +
          'lowercase letters a-z and digits 0-9, a letter first (fra, sgp, tyo1).',
      });
    },
  );

  it.each(['fra', 'sgp', 'tyo1', 'canu', 'sto2'])("takes Steam's code %j", (code) => {
    expect(options(['--code', code, '--geo', '1,2']).code).toBe(code);
  });

  it('refuses a location out of range or not longitude,latitude', () => {
    expect(failure(['--code', 'fra', '--geo', '8.68,95'])).toEqual({
      code: 'BEACON_GEO_INVALID',
      message: expect.stringMatching(
        /^--geo: latitude 95 is outside -90 to 90 \(geo is longitude,latitude/,
      ),
    });
    expect(failure(['--code', 'fra', '--geo', '-181,0']).message).toMatch(
      /^--geo: longitude -181 is outside/,
    );
    expect(failure(['--code', 'fra', '--geo', '8.68']).message).toMatch(
      /^--geo: '8.68' is not longitude,latitude/,
    );
    expect(failure(['--code', 'fra'], { RELAYLANE_BEACON_GEO: 'north' }).message).toMatch(
      /^RELAYLANE_BEACON_GEO: 'north' is not/,
    );
  });

  it('refuses bad ports, hosts, peer URLs and numbers, naming the source', () => {
    expect(failure([...REQUIRED, '--udp-port', '65536'])).toMatchObject({
      code: 'BEACON_PORT_INVALID',
      message: expect.stringMatching(/^--udp-port: 65536 is not a port/),
    });
    expect(failure([...REQUIRED], { RELAYLANE_BEACON_HTTP_PORT: 'http' }).message).toMatch(
      /^RELAYLANE_BEACON_HTTP_PORT: 'http' is not a port/,
    );
    expect(failure([...REQUIRED, '--host', 'localhost']).code).toBe('BEACON_HOST_INVALID');
    expect(failure([...REQUIRED, '--advertise-host', 'bad host!']).code).toBe(
      'BEACON_HOST_INVALID',
    );
    expect(failure([...REQUIRED, '--advertise-ws-url', 'http://x/ping']).code).toBe(
      'BEACON_URL_INVALID',
    );
    for (const peers of [
      'ftp://a:1',
      'not a url',
      'http://a:1?x=1',
      'http://u:p@a:1',
      'http://a:1,http://a:1/',
    ]) {
      expect(failure([...REQUIRED, '--peers', peers])).toMatchObject({
        code: 'BEACON_PEER_URL_INVALID',
        message: expect.stringMatching(/^--peers: /),
      });
    }
    expect(failure([...REQUIRED, '--emulate-loss', '1.5']).message).toBe(
      '--emulate-loss: 1.5 is not a number from 0 to 1.',
    );
    expect(failure([...REQUIRED, '--ws-max-connections', '0']).code).toBe('BEACON_NUMBER_INVALID');
    expect(failure([...REQUIRED, '--log-level', 'loud']).code).toBe('BEACON_LOG_LEVEL_INVALID');
  });

  it('refuses unknown RELAYLANE_BEACON_ variables', () => {
    expect(failure(REQUIRED, { RELAYLANE_BEACON_UDPPORT: '1' })).toMatchObject({
      code: 'BEACON_ENV_UNKNOWN',
      message: expect.stringContaining(
        'RELAYLANE_BEACON_UDPPORT is not a setting of the beacon. Did you mean RELAYLANE_BEACON_UDP_PORT?',
      ),
    });
  });

  it('refuses a config file that is missing, not JSON, not an object or has an unknown key', () => {
    expect(failure(['--config', 'missing.json']).code).toBe('BEACON_CONFIG_FILE_UNREADABLE');
    expect(failure(['--config', 'b.json'], {}, { 'b.json': '{ code: fra }' }).code).toBe(
      'BEACON_CONFIG_FILE_INVALID',
    );
    expect(failure(['--config', 'b.json'], {}, { 'b.json': '[]' }).code).toBe(
      'BEACON_CONFIG_FILE_INVALID',
    );
    expect(failure(['--config', 'b.json'], {}, { 'b.json': '{"emulate": 5}' }).message).toContain(
      ': emulate must be',
    );
    expect(failure(['--config', 'b.json'], {}, { 'b.json': '{"udp_port": 1}' })).toEqual({
      code: 'BEACON_CONFIG_FILE_INVALID',
      message: expect.stringContaining(
        "The config file b.json: 'udp_port' is not a setting. Did you mean udpPort?",
      ),
    });
    expect(
      failure(['--config', 'b.json'], {}, { 'b.json': '{"code": "fra", "geo": [8.68, 91]}' })
        .message,
    ).toMatch(/^b\.json: geo: latitude 91 is outside/);
  });
});
