/**
 * The networking config values the simulated relay network honours, read from a config store and
 * turned into the numbers the simulation uses.
 *
 * | Config value                          | What the simulation does with it                                              |
 * | ------------------------------------- | ----------------------------------------------------------------------------- |
 * | `FakePacketLoss_Send` / `_Recv`       | each ping probe (and its answer) is dropped with that percentage              |
 * | `FakePacketLag_Send` / `_Recv`        | added to every probe's round trip and to the config fetch                     |
 * | `FakePacketJitter_{Send,Recv}_*`      | per direction, with `Pct` % odds, `min(Max, Exp(Avg))` ms extra per probe     |
 * | `SDRClient_ForceRelayCluster`         | only the listed POPs (comma separated) are probed and used as relays          |
 * | `SDRClient_FakeClusterPing`           | `code=ms,code=ms`: those POPs' pings are reported as given                    |
 * | `SDRClient_LimitPingProbesToNearestN` | only the N nearest POPs are probed (0 or less: all)                           |
 * | `SDRClient_MinPingsBeforePingAccurate`| answers a POP needs before its ping counts (0 or less: {@link DEFAULT_MIN_PINGS}) |
 * | `SDRClient_ConsecutitivePingTimeoutsFailInitial` | timeouts in a row after which a POP that never answered is given up (0 or less: 2) |
 * | `SDRClient_ConsecutitivePingTimeoutsFail` | timeouts in a row after which a POP that answered before is given up (0 or less: 4) |
 * | `LogLevel_SDRRelayPings`              | the most detailed relay-ping debug message produced (0 or less: WARNING)      |
 *
 * When each takes effect: a value is read on every probe, so it applies from the next probe on.
 * What a host reports comes from its last measurement, so three kinds of change start a new
 * measurement at once, whose answers replace the data a second or two of simulated time later:
 * `FakePacketLag_*` (the probe history is forgotten too: no sample with the old lag counts
 * again), `SDRClient_ForceRelayCluster` and `SDRClient_LimitPingProbesToNearestN`.
 * `SDRClient_FakeClusterPing` replaces reported pings at once. Loss and jitter change what the
 * next measurement (a refresh, a retry, `checkPingDataUpToDate`) sees.
 */
import {
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_AVG,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_MAX,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_PCT,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_MAX,
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_PCT,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS,
  NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL,
  NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
  NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from '../../constants/index.js';

/** What the simulation reads from a config store (the simulated store has these and more). */
export interface SimulationConfigReader {
  /** Increments on every change; the settings are re-read only when it moves. */
  readonly revision: number;
  effectiveInt32(configValue: number): number;
  effectiveFloat(configValue: number): number;
  effectiveString(configValue: number): string;
}

/**
 * Answers a POP needs before its ping counts when `SDRClient_MinPingsBeforePingAccurate` reads 0
 * or less (the simulated config store's default is the same 10).
 */
export const DEFAULT_MIN_PINGS = 10;

/** Timeouts in a row that give up a POP that never answered, when the config value reads 0 or less. */
export const DEFAULT_TIMEOUTS_FAIL_INITIAL = 2;

/** Timeouts in a row that give up a POP that answered before, when the config value reads 0 or less. */
export const DEFAULT_TIMEOUTS_FAIL = 4;

/** The relay-ping log level when `LogLevel_SDRRelayPings` is unset (the SDK's default for every log level). */
export const DEFAULT_RELAY_PINGS_LOG_LEVEL = NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING;

/** One direction of fake jitter (`FakePacketJitter_*`). */
export interface FakeJitter {
  /** Mean of the exponential extra delay, ms; 0 disables jitter. */
  readonly averageMs: number;
  /** The largest extra delay, ms. */
  readonly maxMs: number;
  /** Odds (0–100) that a packet gets jitter at all. */
  readonly percent: number;
}

/** The config values the simulation uses, as numbers and lists. */
export interface SimulationSettings {
  readonly lossSendPercent: number;
  readonly lossRecvPercent: number;
  readonly lagSendMs: number;
  readonly lagRecvMs: number;
  readonly jitterSend: FakeJitter;
  readonly jitterRecv: FakeJitter;
  /** POP codes of `SDRClient_ForceRelayCluster`; empty when no cluster is forced. */
  readonly forcedClusters: readonly string[];
  /** `SDRClient_FakeClusterPing` by POP code, ms. */
  readonly fakeClusterPings: ReadonlyMap<string, number>;
  /** Entries of `SDRClient_FakeClusterPing` that could not be read, as written. */
  readonly invalidFakeClusterPings: readonly string[];
  /** Probe only this many of the nearest POPs; 0 probes them all. */
  readonly probeNearestN: number;
  /** Answers a POP needs before its ping counts (≥ 1). */
  readonly minPingsBeforeAccurate: number;
  /** Timeouts in a row after which a POP that never answered is given up (≥ 1). */
  readonly timeoutsFailInitial: number;
  /** Timeouts in a row after which a POP that answered before is given up (≥ 1). */
  readonly timeoutsFail: number;
  /** The most detailed relay-ping debug message produced (a `NetworkingSocketsDebugOutputType`). */
  readonly relayPingsLogLevel: number;
}

/** The settings of a store where nothing was changed. */
export const DEFAULT_SIMULATION_SETTINGS: SimulationSettings = Object.freeze({
  lossSendPercent: 0,
  lossRecvPercent: 0,
  lagSendMs: 0,
  lagRecvMs: 0,
  jitterSend: Object.freeze({ averageMs: 0, maxMs: 100, percent: 75 }),
  jitterRecv: Object.freeze({ averageMs: 0, maxMs: 100, percent: 75 }),
  forcedClusters: Object.freeze([]),
  fakeClusterPings: new Map<string, number>(),
  invalidFakeClusterPings: Object.freeze([]),
  probeNearestN: 0,
  minPingsBeforeAccurate: DEFAULT_MIN_PINGS,
  timeoutsFailInitial: DEFAULT_TIMEOUTS_FAIL_INITIAL,
  timeoutsFail: DEFAULT_TIMEOUTS_FAIL,
  relayPingsLogLevel: DEFAULT_RELAY_PINGS_LOG_LEVEL,
});

/** A finite number clamped to [min, max]; anything else becomes `fallback`. */
function clampNumber(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/**
 * Reads Steam's list of POP codes (`'iad'`, `'fra,ams'`, `'fra ams'`): codes separated by commas
 * or spaces, lower-cased, duplicates removed, in order. Returns [] for an empty string.
 */
export function parseRelayClusterList(text: string): string[] {
  const codes: string[] = [];
  for (const token of text.split(/[\s,]+/)) {
    const code = token.trim().toLowerCase();
    if (code !== '' && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * Reads Steam's `SDRClient_FakeClusterPing` format, `"sto=32,iad=100"`: comma-separated
 * `code=ms` pairs (spaces around either side allowed, codes lower-cased, ms a whole number from
 * 0 to 99999). A later pair for the same code wins. Pairs that do not read are returned in
 * `invalid` and otherwise ignored; never throws.
 */
export function parseFakeClusterPing(text: string): {
  pings: Map<string, number>;
  invalid: string[];
} {
  const pings = new Map<string, number>();
  const invalid: string[] = [];
  for (const pair of text.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const match = /^([A-Za-z0-9]{1,4})\s*=\s*(\d{1,5})$/.exec(trimmed);
    if (match === null) {
      invalid.push(trimmed);
      continue;
    }
    pings.set(match[1]!.toLowerCase(), Number(match[2]));
  }
  return { pings, invalid };
}

/** Reads every setting from `store` (see the table in this file's comment). */
export function readSimulationSettings(store: SimulationConfigReader): SimulationSettings {
  const positive = (id: number, fallback: number): number => {
    const value = store.effectiveInt32(id);
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
  };
  const float = (id: number, min: number, max: number, fallback: number): number =>
    clampNumber(store.effectiveFloat(id), min, max, fallback);
  const int = (id: number, min: number, max: number, fallback: number): number =>
    Math.round(clampNumber(store.effectiveInt32(id), min, max, fallback));
  const fake = parseFakeClusterPing(
    store.effectiveString(NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING),
  );
  return Object.freeze({
    lossSendPercent: float(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 0, 100, 0),
    lossRecvPercent: float(NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV, 0, 100, 0),
    lagSendMs: int(NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND, 0, 5000, 0),
    lagRecvMs: int(NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV, 0, 5000, 0),
    jitterSend: Object.freeze({
      averageMs: float(NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG, 0, 2000, 0),
      maxMs: float(NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_MAX, 0, 5000, 100),
      percent: float(NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_PCT, 0, 100, 75),
    }),
    jitterRecv: Object.freeze({
      averageMs: float(NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_AVG, 0, 2000, 0),
      maxMs: float(NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_MAX, 0, 5000, 100),
      percent: float(NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_PCT, 0, 100, 75),
    }),
    forcedClusters: Object.freeze(
      parseRelayClusterList(
        store.effectiveString(NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER),
      ),
    ),
    fakeClusterPings: fake.pings,
    invalidFakeClusterPings: Object.freeze(fake.invalid),
    probeNearestN: positive(NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N, 0),
    minPingsBeforeAccurate: positive(
      NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
      DEFAULT_MIN_PINGS,
    ),
    timeoutsFailInitial: positive(
      NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL,
      DEFAULT_TIMEOUTS_FAIL_INITIAL,
    ),
    timeoutsFail: positive(
      NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL,
      DEFAULT_TIMEOUTS_FAIL,
    ),
    relayPingsLogLevel: positive(
      NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS,
      DEFAULT_RELAY_PINGS_LOG_LEVEL,
    ),
  });
}

/**
 * Caches {@link readSimulationSettings} by the store's `revision`: the settings are read again
 * only after the store changed.
 */
export class SimulationSettingsCache {
  readonly #store: SimulationConfigReader;
  #revision: number | undefined;
  #settings: SimulationSettings = DEFAULT_SIMULATION_SETTINGS;

  constructor(store: SimulationConfigReader) {
    this.#store = store;
  }

  /** The settings for the store's current revision. */
  get current(): SimulationSettings {
    const revision = this.#store.revision;
    if (revision !== this.#revision) {
      this.#settings = readSimulationSettings(this.#store);
      this.#revision = revision;
    }
    return this.#settings;
  }
}
