// @ts-check
/**
 * The architecture that `pnpm lint` enforces, as data: for each package whose src/ is layered, its
 * layers from the bottom up, the files of each (globs relative to the package's src/), and the
 * layers each may import. eslint/architecture.mjs turns this table into rules; its spec lints
 * fixtures laid out like the packages through the same table.
 *
 * The rules:
 * - A production file imports its own layer and the layers its `mayImport` lists, nothing else of
 *   its package's src/. `mayImport` may name only layers listed before it (lower), so the layers
 *   cannot import each other in a circle. Specs (`*.spec.ts`), `test-support/` folders and `e2e/`
 *   may import any layer.
 * - `import type` counts for the layers: a type is part of the layer that declares it, so a layer
 *   that needs a type from above it is a layer violation even though nothing of it runs.
 * - No runtime import cycle between the production files of any package. Type-only imports
 *   (`import type`, or `import { type A }` with every name a type) do not count for cycles:
 *   TypeScript erases them, so they order nothing at run time.
 * - A workspace package imports only the packages below it in `workspacePackages`.
 * - Backends never import each other: every folder of a `backendsFolder`, named in the table or
 *   not, is a layer of its own that may not import another backend.
 */

/**
 * The switch for the rules above. Off, `pnpm lint` leaves them out (the rest of the lint stays),
 * so the tree can be linted while it is being moved into these layers; the architecture spec
 * turns them on whatever this says.
 */
export const enforceArchitecture = true;

/**
 * @typedef {object} Layer
 * @property {string} name How messages name the layer: its folder with a slash, or a file name.
 * @property {readonly string[]} files Globs of its files, relative to the package's src/.
 * @property {readonly string[]} mayImport Names of the layers below it that it may import.
 *
 * @typedef {object} LayeredPackage
 * @property {string} name The package's name.
 * @property {string} src Its src/ folder, relative to the repository root.
 * @property {string} [backendsFolder] The folder (in src/) whose subfolders are backends.
 * @property {readonly string[]} [backendMayImport] What a backend that the table does not name may
 *   import.
 * @property {readonly Layer[]} layers Bottom to top.
 */

/**
 * The workspace's packages, bottom to top: each may import only the packages before it (so
 * @relaylane/core imports neither of the others, and nothing imports the demo).
 * @type {readonly { name: string, folder: string }[]}
 */
export const workspacePackages = [
  { name: '@relaylane/core', folder: 'packages/core' },
  { name: '@relaylane/steam-net-utils', folder: 'packages/steam-net-utils' },
  { name: '@relaylane/beacon', folder: 'packages/beacon' },
  { name: '@relaylane/demo-game', folder: 'packages/demo-game' },
];

/** @type {(name: string, files: readonly string[], mayImport: readonly string[]) => Layer} */
const layer = (name, files, mayImport) => ({ name, files, mayImport });

/** @type {(name: string, mayImport: readonly string[]) => Layer} */
const folder = (name, mayImport) => layer(name, [`${name}**`], mayImport);

// The leaves hold facts every layer may use, and each layer lists them: constants/, net/, and
// estimator/ (POP ids, Steam's ping-location text, Valve's relay network and the estimate
// kernels, which also ship alone as the `/estimator` entry).
const leaves = ['constants/', 'net/', 'estimator/'];
const backendMayImport = ['port/', 'config-store/', ...leaves];

const steamNetUtilsFolders = [
  folder('constants/', []), // every constant and enum, EResult, the config value table
  folder('net/', []), // IPv4 text parsing and formatting
  // POP ids, ping-location text, the relay network and the estimate kernels: no engine, no
  // simulation, no native code.
  folder('estimator/', ['constants/']),
  folder('port/', leaves), // the backend seam; it also imports @relaylane/core
  // Steam's networking config values with Steam's set/get rules, for every backend that keeps
  // its own values (the simulation, the beacons).
  folder('config-store/', ['port/', ...leaves]),
  folder('backends/simulated/', backendMayImport), // the simulated relay network
  folder('backends/steam/', backendMayImport), // the Steam client library through koffi
  folder('backends/beacons/', backendMayImport), // real pings to the game's own beacons
  // Node's probe transports (UDP through node:dgram, WebSocket through the `ws` package) for the
  // beacons backend: Node only, like the Steam backend.
  folder('node-transports/', ['backends/beacons/', 'port/', ...leaves]),
  folder('service/', ['port/', ...leaves]), // NetworkingUtils, its dictionaries, signals, tokens
  // createNetworkingUtils and selectBackend; the simulated backend is createNetworkingUtils'
  // default.
  folder('compose/', ['service/', 'port/', 'backends/simulated/', ...leaves]),
  folder('console/', ['service/', 'port/', ...leaves]), // the net.* console commands
  folder('plugin/', ['compose/', 'console/', 'service/', 'port/', ...leaves]), // the plugin
  folder('matchmaking/', ['service/', 'port/', ...leaves]), // region picker, lobby ranking, bands
  // relaylane-net, the terminal console: a service on any backend and the net.* commands (Node
  // only: it runs Node's transports, the Steam backend and node:readline).
  folder('terminal/', [
    'plugin/',
    'console/',
    'compose/',
    'service/',
    'node-transports/',
    'backends/beacons/',
    'backends/steam/',
    'backends/simulated/',
    'port/',
    ...leaves,
  ]),
];
const allSteamNetUtilsFolders = steamNetUtilsFolders.map((each) => each.name);
// The main entry, the simulation's and the beacons' browser entry load in browsers: the Steam
// backend and Node's probe transports stay out of them. An entry imports layers, never another entry.
const nodeOnlyFolders = ['backends/steam/', 'node-transports/', 'terminal/'];
const browserSafeFolders = allSteamNetUtilsFolders.filter(
  (name) => !nodeOnlyFolders.includes(name),
);

/** @type {readonly LayeredPackage[]} */
export const layeredPackages = [
  {
    name: '@relaylane/core',
    src: 'packages/core/src',
    layers: [
      // The signal layer and the engine: every file directly in src/ except the entry.
      layer('root files', ['!(index).ts'], []),
      // Above them, in the order that the code has (the terminal console runs a fixed-rate loop,
      // the Babylon adapter an animation-frame loop), so that no two folders import each other.
      folder('loops/', ['root files']),
      folder('console/', ['root files', 'loops/']),
      folder('babylon/', ['root files', 'loops/']),
      layer('index.ts', ['index.ts'], ['root files', 'loops/', 'console/', 'babylon/']),
    ],
  },
  {
    name: '@relaylane/steam-net-utils',
    src: 'packages/steam-net-utils/src',
    backendsFolder: 'backends/',
    backendMayImport,
    layers: [
      ...steamNetUtilsFolders,
      layer('index.ts', ['index.ts'], browserSafeFolders),
      layer('simulated.ts', ['simulated.ts'], browserSafeFolders),
      layer('steam.ts', ['steam.ts'], allSteamNetUtilsFolders),
      // The beacons backend's entry: the browser's build, and Node's (the same names, Node's
      // transports); package.json picks one by the `node` condition.
      layer('beacons.ts', ['beacons.ts'], browserSafeFolders),
      layer('beacons-node.ts', ['beacons-node.ts'], allSteamNetUtilsFolders),
      // autoBackend(): the browser's (beacons, then the simulation) and Node's (Steam first).
      layer('auto.ts', ['auto.ts'], browserSafeFolders),
      layer('auto-node.ts', ['auto-node.ts'], allSteamNetUtilsFolders),
      // The relaylane-net bin's program (Node only).
      layer('net-console.ts', ['net-console.ts'], allSteamNetUtilsFolders),
      // The server-side estimator's entry: nothing but the estimator and the constants.
      layer('estimator.ts', ['estimator.ts'], ['estimator/', 'constants/']),
    ],
  },
];

/**
 * Packages whose production files are checked for import cycles (every file under src/): the
 * workspace's packages and the benchmarks.
 */
export const cycleCheckedSources = ['packages/*/src', 'bench/src'];

/** Files exempt from the layers (and from the cycle check), relative to the repository root. */
export const exemptFiles = ['**/*.spec.ts', '**/test-support/**', '**/e2e/**'];
