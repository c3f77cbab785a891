import { DEFAULT_DEMO_LOCATION, DEFAULT_DEMO_SEED, readDemoOptions } from './options.js';

describe('readDemoOptions', () => {
  test('no parameters: the default seed and location, no warning', () => {
    expect(readDemoOptions('')).toEqual({
      seed: DEFAULT_DEMO_SEED,
      location: DEFAULT_DEMO_LOCATION,
      beaconsConfigUrl: undefined,
      warnings: [],
    });
  });

  test('a valid seed and a catalogue city are used as given', () => {
    expect(readDemoOptions('?seed=42&location=Sydney')).toEqual({
      seed: 42,
      location: 'Sydney',
      warnings: [],
    });
  });

  test('"lat,lon" becomes coordinates', () => {
    expect(readDemoOptions('?location=48.86,2.35').location).toEqual({ lat: 48.86, lon: 2.35 });
  });

  test.each(['-1', '1.5', 'abc', '', '4294967296'])(
    'seed %j is refused: default seed and a warning naming it',
    (seed) => {
      const options = readDemoOptions(`?seed=${encodeURIComponent(seed)}`);
      expect(options.seed).toBe(DEFAULT_DEMO_SEED);
      expect(options.warnings).toHaveLength(1);
      expect(options.warnings[0]).toContain(`?seed=${seed}`);
    },
  );

  test('an unknown city: default location and a warning with suggestions', () => {
    const options = readDemoOptions('?location=Frankfort');
    expect(options.location).toBe(DEFAULT_DEMO_LOCATION);
    expect(options.warnings[0]).toMatch(/Frankfort.*did you mean .*Frankfurt/);
  });

  test('coordinates off the globe: default location and a warning', () => {
    const options = readDemoOptions('?location=95,10');
    expect(options.location).toBe(DEFAULT_DEMO_LOCATION);
    expect(options.warnings[0]).toContain('off the globe');
  });
});

describe('readDemoOptions: beacons', () => {
  test('a beacon config URL chooses the beacons backend', () => {
    expect(readDemoOptions('?beacons=http://127.0.0.1:8081/network-config')).toMatchObject({
      beaconsConfigUrl: 'http://127.0.0.1:8081/network-config',
      warnings: [],
    });
  });

  test('anything else keeps the simulation, with a warning', () => {
    for (const bad of ['ftp://x/', 'not a url', '']) {
      const options = readDemoOptions(`?beacons=${encodeURIComponent(bad)}`);
      expect(options.beaconsConfigUrl).toBeUndefined();
      expect(options.warnings).toHaveLength(1);
      expect(options.warnings[0]).toContain('using the simulated relay network');
    }
  });
});
