/**
 * The repository's eslint.config.mjs, run over eslint/fixtures/ as if that folder were the
 * repository: the fixtures copy the packages' layout, so eslint/layers.mjs applies to them as it
 * does to the real packages, and each fixture file either breaks one rule or breaks none.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

interface LintMessage {
  readonly ruleId: string | null;
  readonly line: number;
  readonly message: string;
}

interface LintedFile {
  readonly file: string;
  readonly messages: readonly LintMessage[];
}

const repositoryRoot = path.join(__dirname, '..');
const fixturesRoot = path.join(__dirname, 'fixtures');
const coreSource = 'packages/core/src';
const netUtilsSource = 'packages/steam-net-utils/src';

let linted: readonly LintedFile[] = [];

beforeAll(async () => {
  // A child process: ESLint loads the config with import(), which Jest's sandbox refuses.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      path.join(__dirname, 'lint-files.mjs'),
      fixturesRoot,
      path.join(repositoryRoot, 'eslint.config.mjs'),
      'packages',
    ],
    {
      // Whatever the switch of eslint/layers.mjs says, the rules are what this spec checks.
      env: { ...process.env, RELAYLANE_ENFORCE_ARCHITECTURE: '1' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  linted = JSON.parse(stdout) as LintedFile[];
}, 120_000);

function messagesOf(file: string): readonly LintMessage[] {
  const found = linted.find((each) => each.file === file);
  if (found === undefined) {
    throw new Error(
      `ESLint did not lint ${file}; it linted: ${linted.map((each) => each.file).join(', ')}`,
    );
  }
  return found.messages;
}

/** The one message a layer violation reports: the import, both layers and the rule broken. */
function layerViolation(importPath: string, explanation: string): LintMessage {
  return {
    ruleId: 'import-x/no-restricted-paths',
    line: 2,
    message: `Unexpected path "${importPath}" imported in restricted zone. ${explanation} (see eslint/layers.mjs)`,
  };
}

describe('layers', () => {
  it('reports an import that points up, naming both layers and the direction rule', () => {
    expect(messagesOf(`${netUtilsSource}/port/imports-service.ts`)).toEqual([
      layerViolation(
        '../service/networking-utils.js',
        'port/ may not import service/: imports point down the layers',
      ),
    ]);
  });

  it('reports a type-only import that points up: a type belongs to the layer that declares it', () => {
    expect(messagesOf(`${netUtilsSource}/port/imports-service-type.ts`)).toEqual([
      layerViolation(
        '../service/networking-utils.js',
        'port/ may not import service/: imports point down the layers',
      ),
    ]);
  });

  it('reports a core root file that imports console/', () => {
    expect(messagesOf(`${coreSource}/engine.ts`)).toEqual([
      layerViolation(
        './console/command-registry.js',
        'root files may not import console/: imports point down the layers',
      ),
    ]);
  });

  it('reports a layer that imports a lower layer it does not list', () => {
    expect(messagesOf(`${netUtilsSource}/matchmaking/region-selector.ts`)).toEqual([
      layerViolation(
        '../plugin/networking-utils-plugin.js',
        'matchmaking/ may not import plugin/: matchmaking/ imports only service/, port/, ' +
          'constants/, net/, estimator/',
      ),
    ]);
  });

  it('keeps the Steam backend out of the browser-safe main entry', () => {
    expect(messagesOf(`${netUtilsSource}/index.ts`)).toEqual([
      {
        ...layerViolation(
          './backends/steam/steam-backend.js',
          'index.ts may not import backends/steam/: index.ts imports only constants/, net/, ' +
            'estimator/, port/, config-store/, ' +
            'backends/simulated/, backends/beacons/, service/, compose/, console/, plugin/, matchmaking/',
        ),
        line: 3,
      },
    ]);
    expect(messagesOf(`${netUtilsSource}/steam.ts`)).toEqual([]);
  });

  it.each([
    ['imports-test-support.ts', '../test-support/fake-backend.js'],
    ['imports-own-test-support.ts', './test-support/harness.js'],
  ])('reports service/%s, which ships a test-support/ file', (file, importPath) => {
    expect(messagesOf(`${netUtilsSource}/service/${file}`)).toEqual([
      layerViolation(
        importPath,
        'service/ may not import test-support/ or a spec: they are for specs only',
      ),
    ]);
  });

  it('reports an import of a folder that is in no layer', () => {
    expect(messagesOf(`${netUtilsSource}/service/imports-legacy.ts`)).toEqual([
      {
        ruleId: 'import-x/no-restricted-paths',
        line: 2,
        message:
          'Unexpected path "../legacy/old-backend.js" imported in restricted zone. service/ may ' +
          'not import a file that is in no layer: every production file of ' +
          `${netUtilsSource} belongs to a layer of eslint/layers.mjs`,
      },
    ]);
  });

  it.each([
    ['simulated/imports-steam.ts', '../steam/steam-backend.js', 'simulated/', 'steam/'],
    ['steam/imports-simulated.ts', '../simulated/simulated-backend.js', 'steam/', 'simulated/'],
    // A backend folder that the table does not name is a layer of its own all the same.
    [
      'loopback/imports-simulated.ts',
      '../simulated/simulated-backend.js',
      'loopback/',
      'simulated/',
    ],
  ])('reports backends/%s importing another backend', (file, importPath, importer, imported) => {
    expect(messagesOf(`${netUtilsSource}/backends/${file}`)).toEqual([
      layerViolation(
        importPath,
        `backends/${importer} may not import backends/${imported}: backends never import each other`,
      ),
    ]);
  });

  it.each([
    `${coreSource}/clock.ts`,
    `${coreSource}/console/command-registry.ts`,
    `${coreSource}/index.ts`,
    `${netUtilsSource}/constants/result.ts`,
    `${netUtilsSource}/net/ipv4.ts`,
    `${netUtilsSource}/port/backend.ts`,
    `${netUtilsSource}/backends/simulated/simulated-backend.ts`,
    `${netUtilsSource}/backends/steam/steam-backend.ts`,
    `${netUtilsSource}/service/networking-utils.ts`,
    `${netUtilsSource}/compose/create-networking-utils.ts`,
    `${netUtilsSource}/plugin/networking-utils-plugin.ts`,
    `${netUtilsSource}/console/net-commands.ts`,
  ])('reports nothing in %s, whose imports point down to layers it lists', (file) => {
    expect(messagesOf(file)).toEqual([]);
  });

  it.each([
    `${netUtilsSource}/service/networking-utils.spec.ts`,
    `${netUtilsSource}/service/test-support/harness.ts`,
    `${netUtilsSource}/test-support/fake-backend.ts`,
  ])('leaves %s free to import any layer', (file) => {
    expect(messagesOf(file)).toEqual([]);
  });
});

describe('packages', () => {
  it('reports @relaylane/core importing @relaylane/steam-net-utils', () => {
    expect(messagesOf(`${coreSource}/plugin.ts`)).toEqual([
      {
        ruleId: 'no-restricted-imports',
        line: 2,
        message:
          "'@relaylane/steam-net-utils' import is restricted from being used by a pattern. " +
          '@relaylane/core may not import @relaylane/steam-net-utils: packages import only the ' +
          'packages below them (see eslint/layers.mjs)',
      },
    ]);
  });
});

describe('import cycles', () => {
  it('reports both files of a runtime import cycle', () => {
    const cycle = { ruleId: 'import-x/no-cycle', line: 2, message: 'Dependency cycle detected' };
    expect(messagesOf(`${netUtilsSource}/service/signals.ts`)).toEqual([cycle]);
    expect(messagesOf(`${netUtilsSource}/service/signal-sink.ts`)).toEqual([cycle]);
  });

  it('does not count a type-only import back as a cycle: TypeScript erases it', () => {
    expect(messagesOf(`${netUtilsSource}/service/dictionaries.ts`)).toEqual([]);
    expect(messagesOf(`${netUtilsSource}/service/dictionary-keys.ts`)).toEqual([]);
  });
});

it('reports nothing else: every other fixture file is legal', () => {
  const reported = linted.filter((each) => each.messages.length > 0).map((each) => each.file);
  expect(reported.sort()).toEqual(
    [
      `${coreSource}/engine.ts`,
      `${coreSource}/plugin.ts`,
      `${netUtilsSource}/backends/loopback/imports-simulated.ts`,
      `${netUtilsSource}/backends/simulated/imports-steam.ts`,
      `${netUtilsSource}/backends/steam/imports-simulated.ts`,
      `${netUtilsSource}/index.ts`,
      `${netUtilsSource}/matchmaking/region-selector.ts`,
      `${netUtilsSource}/port/imports-service-type.ts`,
      `${netUtilsSource}/port/imports-service.ts`,
      `${netUtilsSource}/service/imports-legacy.ts`,
      `${netUtilsSource}/service/imports-own-test-support.ts`,
      `${netUtilsSource}/service/imports-test-support.ts`,
      `${netUtilsSource}/service/signal-sink.ts`,
      `${netUtilsSource}/service/signals.ts`,
    ].sort(),
  );
});
