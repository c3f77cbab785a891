/**
 * The CLI's settings, one row each: the flag, the environment variable and the config-file key
 * that set it, how its text is read, and its validator. The parser, the `--help` text and the
 * README's table all follow this one list.
 */
import { BEACON_DEFAULTS } from './beacon-options.js';
import {
  MAX_DELAY_MS,
  validAdvertiseHost,
  validDesc,
  validGeo,
  validListenHost,
  validLogLevel,
  validNumber,
  validPeerUrls,
  validPopCode,
  validPort,
  validWebSocketUrl,
  validWholeNumber,
} from './validate.js';

/** The prefix of every environment variable the beacon reads. */
export const ENV_PREFIX = 'RELAYLANE_BEACON_';

/**
 * How a setting's text (a flag's or a variable's value) becomes a value: as is (`text`), a whole
 * number, a number, `longitude,latitude` (`geo`), or a comma-separated list.
 */
export type SettingKind = 'text' | 'whole' | 'number' | 'geo' | 'list';

export interface Setting {
  /** The option of `startBeacon` it sets; `emulate.delayMs` is `delayMs` of `emulate`. */
  readonly key: string;
  readonly flag: `--${string}`;
  readonly env: `${typeof ENV_PREFIX}${string}`;
  readonly kind: SettingKind;
  /** The value's name in the usage (`<port>`). */
  readonly valueName: string;
  /** One line for `--help`. */
  readonly help: string;
  /** The section of `--help` it is listed in. */
  readonly section:
    'Beacon' | 'Network' | 'Peers' | 'Limits' | 'Logs' | 'Emulation (tests and demos only)';
  readonly validate: (value: unknown, label: string) => unknown;
}

const whole = (min: number, max: number) => (value: unknown, label: string) =>
  validWholeNumber(value, label, min, max);
const duration = whole(1, MAX_DELAY_MS);

export const SETTINGS: readonly Setting[] = [
  {
    key: 'code',
    flag: '--code',
    env: 'RELAYLANE_BEACON_CODE',
    kind: 'text',
    valueName: '<pop>',
    help: 'its POP code: 3-4 of a-z 0-9, a letter first (required)',
    section: 'Beacon',
    validate: validPopCode,
  },
  {
    key: 'desc',
    flag: '--desc',
    env: 'RELAYLANE_BEACON_DESC',
    kind: 'text',
    valueName: '<text>',
    help: 'a description ("Frankfurt"); default: the code',
    section: 'Beacon',
    validate: validDesc,
  },
  {
    key: 'geo',
    flag: '--geo',
    env: 'RELAYLANE_BEACON_GEO',
    kind: 'geo',
    valueName: '<lon,lat>',
    help: "longitude,latitude in degrees, as in Valve's config (required)",
    section: 'Beacon',
    validate: validGeo,
  },
  {
    key: 'host',
    flag: '--host',
    env: 'RELAYLANE_BEACON_HOST',
    kind: 'text',
    valueName: '<ip>',
    help: `the IP to listen on, 0.0.0.0 or :: for all (default ${BEACON_DEFAULTS.host})`,
    section: 'Network',
    validate: validListenHost,
  },
  {
    key: 'udpPort',
    flag: '--udp-port',
    env: 'RELAYLANE_BEACON_UDP_PORT',
    kind: 'whole',
    valueName: '<port>',
    help: `the UDP echo port (default ${BEACON_DEFAULTS.udpPort}, PlayFab's)`,
    section: 'Network',
    validate: validPort,
  },
  {
    key: 'httpPort',
    flag: '--http-port',
    env: 'RELAYLANE_BEACON_HTTP_PORT',
    kind: 'whole',
    valueName: '<port>',
    help: `the HTTP and WebSocket port (default ${BEACON_DEFAULTS.httpPort})`,
    section: 'Network',
    validate: validPort,
  },
  {
    key: 'advertiseHost',
    flag: '--advertise-host',
    env: 'RELAYLANE_BEACON_ADVERTISE_HOST',
    kind: 'text',
    valueName: '<host>',
    help: 'the host clients and peers probe (default: --host, or loopback)',
    section: 'Network',
    validate: validAdvertiseHost,
  },
  {
    key: 'advertiseWsUrl',
    flag: '--advertise-ws-url',
    env: 'RELAYLANE_BEACON_ADVERTISE_WS_URL',
    kind: 'text',
    valueName: '<url>',
    help: 'the WebSocket URL to advertise, e.g. wss://... behind a TLS proxy',
    section: 'Network',
    validate: validWebSocketUrl,
  },
  {
    key: 'peers',
    flag: '--peers',
    env: 'RELAYLANE_BEACON_PEERS',
    kind: 'list',
    valueName: '<url,...>',
    help: "other beacons' base URLs, comma-separated (http://b-sgp:8080)",
    section: 'Peers',
    validate: validPeerUrls,
  },
  {
    key: 'peerProbeIntervalMs',
    flag: '--peer-probe-interval-ms',
    env: 'RELAYLANE_BEACON_PEER_PROBE_INTERVAL_MS',
    kind: 'whole',
    valueName: '<ms>',
    help: `time between two probes of a peer (default ${BEACON_DEFAULTS.peerProbeIntervalMs})`,
    section: 'Peers',
    validate: duration,
  },
  {
    key: 'peerRefreshIntervalMs',
    flag: '--peer-refresh-interval-ms',
    env: 'RELAYLANE_BEACON_PEER_REFRESH_INTERVAL_MS',
    kind: 'whole',
    valueName: '<ms>',
    help: `time between two reads of a peer's config (default ${BEACON_DEFAULTS.peerRefreshIntervalMs})`,
    section: 'Peers',
    validate: duration,
  },
  {
    key: 'peerStaleAfterMs',
    flag: '--peer-stale-after-ms',
    env: 'RELAYLANE_BEACON_PEER_STALE_AFTER_MS',
    kind: 'whole',
    valueName: '<ms>',
    help: `older data is not published (default ${BEACON_DEFAULTS.peerStaleAfterMs})`,
    section: 'Peers',
    validate: duration,
  },
  {
    key: 'udpRatePerSecond',
    flag: '--udp-rate',
    env: 'RELAYLANE_BEACON_UDP_RATE',
    kind: 'number',
    valueName: '<n>',
    help: `requests per second per source IP (default ${BEACON_DEFAULTS.udpRatePerSecond})`,
    section: 'Limits',
    validate: (value, label) => validNumber(value, label, 0.001, 1_000_000),
  },
  {
    key: 'udpBurst',
    flag: '--udp-burst',
    env: 'RELAYLANE_BEACON_UDP_BURST',
    kind: 'whole',
    valueName: '<n>',
    help: `requests per source IP at once, after a pause (default ${BEACON_DEFAULTS.udpBurst})`,
    section: 'Limits',
    validate: whole(1, 1_000_000),
  },
  {
    key: 'wsMaxConnections',
    flag: '--ws-max-connections',
    env: 'RELAYLANE_BEACON_WS_MAX_CONNECTIONS',
    kind: 'whole',
    valueName: '<n>',
    help: `WebSocket connections at once (default ${BEACON_DEFAULTS.wsMaxConnections})`,
    section: 'Limits',
    validate: whole(1, 1_000_000),
  },
  {
    key: 'wsMaxConnectionsPerIp',
    flag: '--ws-max-connections-per-ip',
    env: 'RELAYLANE_BEACON_WS_MAX_CONNECTIONS_PER_IP',
    kind: 'whole',
    valueName: '<n>',
    help: `WebSocket connections from one IP (default ${BEACON_DEFAULTS.wsMaxConnectionsPerIp})`,
    section: 'Limits',
    validate: whole(1, 1_000_000),
  },
  {
    key: 'wsIdleTimeoutMs',
    flag: '--ws-idle-timeout-ms',
    env: 'RELAYLANE_BEACON_WS_IDLE_TIMEOUT_MS',
    kind: 'whole',
    valueName: '<ms>',
    help: `a silent WebSocket is closed after this (default ${BEACON_DEFAULTS.wsIdleTimeoutMs})`,
    section: 'Limits',
    validate: duration,
  },
  {
    key: 'logLevel',
    flag: '--log-level',
    env: 'RELAYLANE_BEACON_LOG_LEVEL',
    kind: 'text',
    valueName: '<level>',
    help: `debug, info, warn or error (default ${BEACON_DEFAULTS.logLevel})`,
    section: 'Logs',
    validate: validLogLevel,
  },
  {
    key: 'emulate.delayMs',
    flag: '--emulate-delay-ms',
    env: 'RELAYLANE_BEACON_EMULATE_DELAY_MS',
    kind: 'number',
    valueName: '<ms>',
    help: 'add this to every echo answer (default 0)',
    section: 'Emulation (tests and demos only)',
    validate: (value, label) => validNumber(value, label, 0, 60_000),
  },
  {
    key: 'emulate.jitterMs',
    flag: '--emulate-jitter-ms',
    env: 'RELAYLANE_BEACON_EMULATE_JITTER_MS',
    kind: 'number',
    valueName: '<ms>',
    help: 'and up to this much more, at random (default 0)',
    section: 'Emulation (tests and demos only)',
    validate: (value, label) => validNumber(value, label, 0, 60_000),
  },
  {
    key: 'emulate.loss',
    flag: '--emulate-loss',
    env: 'RELAYLANE_BEACON_EMULATE_LOSS',
    kind: 'number',
    valueName: '<0..1>',
    help: 'drop this fraction of echo answers (default 0)',
    section: 'Emulation (tests and demos only)',
    validate: (value, label) => validNumber(value, label, 0, 1),
  },
];

/** The flag and variable that name a config file (a JSON object of the settings' keys). */
export const CONFIG_FLAG = '--config';
export const CONFIG_ENV = 'RELAYLANE_BEACON_CONFIG';
