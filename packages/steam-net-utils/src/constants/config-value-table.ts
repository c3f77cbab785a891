import {
  type ConfigValueEntry,
  type ConfigValueEntryBase,
  type ConfigValueKey,
} from './config-value-entry.js';
import {
  NETWORKING_CONFIG_TYPE_FLOAT as FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR as FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32 as INT32,
  NETWORKING_CONFIG_TYPE_INT64 as INT64,
  NETWORKING_CONFIG_TYPE_STRING as STRING,
} from './networking-config-data-type.js';
import {
  NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ALL,
  NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DEFAULT,
} from './networking-config-p2p-transport-ice.js';
import {
  NETWORKING_CONFIG_SCOPE_CONNECTION as CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL as GLOBAL,
} from './networking-config-scope.js';
import { type NetworkingConfigValue } from './networking-config-value.js';
import {
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
} from './networking-sockets-debug-output-type.js';

/**
 * The flags of an entry, with the values most entries have. `genericEditable` is not here: it
 * follows from the data type unless a row says otherwise (see {@link entry}).
 */
const ORDINARY_FLAGS = {
  devOnly: false,
  readOnly: false,
  listed: true,
  windowsOnly: false,
  defaultSource: 'gns',
} as const satisfies Partial<ConfigValueEntryBase>;

type Flags = keyof typeof ORDINARY_FLAGS | 'genericEditable';

/** Removes keys from each member of a union separately (the built-in `Omit` merges the members). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a row of the table spells out: everything but the id and name, and the unusual flags. */
type EntrySpec = DistributiveOmit<ConfigValueEntry, 'id' | 'name' | Flags> &
  Partial<Pick<ConfigValueEntryBase, Flags>>;

/**
 * One frozen entry. The GodotSteam name comes from `key`, and the compiler holds `id` to the value
 * {@link NetworkingConfigValue} gives that key, so the two cannot disagree. (The id is written out
 * rather than read from the group at run time, so that a build does not carry the whole group.)
 */
function entry<K extends ConfigValueKey>(
  id: (typeof NetworkingConfigValue)[K],
  key: K,
  spec: EntrySpec,
): ConfigValueEntry {
  return Object.freeze({
    id,
    name: `NETWORKING_CONFIG_${key}` as const,
    ...ORDINARY_FLAGS,
    // Steam never lists a pointer (callback) value in its generic iteration; every other value is
    // listed unless its row says otherwise.
    genericEditable: spec.dataType !== FUNCTION_PTR,
    ...spec,
  });
}

/**
 * Every networking config value of the reference's `NetworkingConfigValue` enum, with Steam's
 * name, data type, scope, default, limits and flags (Steamworks SDK 1.64/1.65; see each entry's
 * `defaultSource` for where the numbers come from). Frozen, entries included.
 *
 * Ordered by ascending id, which is the order `IterateGenericEditableConfigValues` walks Steam's
 * table in. `INVALID` and the 32-bit forcer are not config values and are not here; neither is
 * Steam's experimental `SDRClient_EnableTOSProbes` (998, SDK 1.64+), which the reference does not
 * name.
 */
export const CONFIG_VALUE_TABLE: readonly ConfigValueEntry[] = /*#__PURE__*/ Object.freeze([
  entry(2, 'FAKE_PACKET_LOSS_SEND', {
    steamName: 'FakePacketLoss_Send',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 100,
  }),
  entry(3, 'FAKE_PACKET_LOSS_RECV', {
    steamName: 'FakePacketLoss_Recv',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 100,
  }),
  entry(4, 'FAKE_PACKET_LAG_SEND', {
    steamName: 'FakePacketLag_Send',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 5000,
  }),
  entry(5, 'FAKE_PACKET_LAG_RECV', {
    steamName: 'FakePacketLag_Recv',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 5000,
  }),
  entry(6, 'FAKE_PACKET_REORDER_SEND', {
    steamName: 'FakePacketReorder_Send',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 100,
  }),
  entry(7, 'FAKE_PACKET_REORDER_RECV', {
    steamName: 'FakePacketReorder_Recv',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 100,
  }),
  entry(8, 'FAKE_PACKET_REORDER_TIME', {
    steamName: 'FakePacketReorder_Time',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 15,
    min: 0,
    max: 5000,
  }),
  entry(9, 'SEND_BUFFER_SIZE', {
    steamName: 'SendBufferSize',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 524288,
    min: 4096,
    max: 268435456,
  }),
  entry(10, 'SEND_RATE_MIN', {
    steamName: 'SendRateMin',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 262144,
    min: 1024,
    max: 268435456,
  }),
  entry(11, 'SEND_RATE_MAX', {
    steamName: 'SendRateMax',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 262144,
    min: 1024,
    max: 268435456,
  }),
  entry(12, 'NAGLE_TIME', {
    steamName: 'NagleTime',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 5000,
    min: 0,
    max: 20000,
  }),
  // Log levels run from ERROR to EVERYTHING and default to WARNING.
  entry(13, 'LOG_LEVEL_ACK_RTT', {
    steamName: 'LogLevel_AckRTT',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    min: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
    max: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  }),
  entry(14, 'LOG_LEVEL_PACKET_DECODE', {
    steamName: 'LogLevel_PacketDecode',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    min: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
    max: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  }),
  entry(15, 'LOG_LEVEL_MESSAGE', {
    steamName: 'LogLevel_Message',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    min: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
    max: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  }),
  entry(16, 'LOG_LEVEL_PACKET_GAPS', {
    steamName: 'LogLevel_PacketGaps',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    min: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
    max: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  }),
  entry(17, 'LOG_LEVEL_P2P_RENDEZVOUS', {
    steamName: 'LogLevel_P2PRendezvous',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    min: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_ERROR,
    max: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  }),
  // Relay code: the SDK documents WARNING as the default of every log level; limits unpublished.
  entry(18, 'LOG_LEVEL_SRD_RELAY_PINGS', {
    steamName: 'LogLevel_SDRRelayPings',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_WARNING,
    defaultSource: 'sdk-docs',
  }),
  // Relay code: default and limits unpublished. Steam's name is misspelt (`Consecutitive`) and kept as Steam reports it.
  entry(19, 'SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL', {
    steamName: 'SDRClient_ConsecutitivePingTimeoutsFailInitial',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: null,
    defaultSource: 'unpublished',
  }),
  entry(20, 'SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL', {
    steamName: 'SDRClient_ConsecutitivePingTimeoutsFail',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: null,
    defaultSource: 'unpublished',
  }),
  entry(21, 'SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE', {
    steamName: 'SDRClient_MinPingsBeforePingAccurate',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: null,
    defaultSource: 'unpublished',
  }),
  // Relay code: the SDK says that by default each relay gets its own socket, i.e. 0.
  entry(22, 'SDR_CLIENT_SINGLE_SOCKET', {
    steamName: 'SDRClient_SingleSocket',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 0,
    defaultSource: 'sdk-docs',
  }),
  // 0 in Steam builds (the open-source build defaults to 2).
  entry(23, 'IP_ALLOW_WITHOUT_AUTH', {
    steamName: 'IP_AllowWithoutAuth',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 2,
    devOnly: true,
  }),
  entry(24, 'TIMEOUT_INITIAL', {
    steamName: 'TimeoutInitial',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 10000,
    min: 0,
    max: 2147483647,
  }),
  entry(25, 'TIMEOUT_CONNECTED', {
    steamName: 'TimeoutConnected',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 10000,
    min: 0,
    max: 2147483647,
  }),
  entry(26, 'FAKE_PACKET_DUP_SEND', {
    steamName: 'FakePacketDup_Send',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 100,
  }),
  entry(27, 'FAKE_PACKET_DUP_REVC', {
    steamName: 'FakePacketDup_Recv',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 100,
  }),
  entry(28, 'FAKE_PACKET_DUP_TIME_MAX', {
    steamName: 'FakePacketDup_TimeMax',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 10,
    min: 0,
    max: 5000,
  }),
  // Relay code: the SDK describes it as applying only when not empty.
  entry(29, 'SDR_CLIENT_FORCE_RELAY_CLUSTER', {
    steamName: 'SDRClient_ForceRelayCluster',
    dataType: STRING,
    scope: GLOBAL,
    defaultValue: '',
    defaultSource: 'sdk-docs',
  }),
  entry(30, 'SDR_CLIENT_DEV_TICKET', {
    steamName: 'SDRClient_DevTicket',
    dataType: STRING,
    scope: CONNECTION,
    defaultValue: '',
  }),
  // Relay code: an override of the configured relays, empty when not overriding.
  entry(31, 'SDR_CLIENT_FORCE_PROXY_ADDR', {
    steamName: 'SDRClient_ForceProxyAddr',
    dataType: STRING,
    scope: GLOBAL,
    defaultValue: '',
    defaultSource: 'sdk-docs',
  }),
  entry(32, 'MTU_PACKET_SIZE', {
    steamName: 'MTU_PacketSize',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1300,
    min: 200,
    max: 1300,
  }),
  // Not in Steam's table: computed as max(0, MTU_PacketSize - 100), so 1200 by default; setting it always fails.
  entry(33, 'MTU_DATA_SIZE', {
    steamName: 'MTU_DataSize',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1200,
    readOnly: true,
    listed: false,
    genericEditable: false,
  }),
  entry(34, 'UNENCRYPTED', {
    steamName: 'Unencrypted',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 3,
    devOnly: true,
  }),
  // Relay code: forces pings only when not empty.
  entry(36, 'SDR_CLIENT_FAKE_CLUSTER_PING', {
    steamName: 'SDRClient_FakeClusterPing',
    dataType: STRING,
    scope: GLOBAL,
    defaultValue: '',
    devOnly: true,
    defaultSource: 'sdk-docs',
  }),
  entry(37, 'SYMMETRIC_CONNECT', {
    steamName: 'SymmetricConnect',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 1,
    genericEditable: false,
  }),
  entry(38, 'LOCAL_VIRTUAL_PORT', {
    steamName: 'LocalVirtualPort',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: -1,
    min: -1,
    max: 2147483647,
    genericEditable: false,
  }),
  entry(39, 'DUAL_WIFI_ENABLE', {
    steamName: 'DualWifi_Enable',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1,
    min: 0,
    max: 4,
    windowsOnly: true,
  }),
  entry(40, 'CONNECTION_USER_DATA', {
    steamName: 'ConnectionUserData',
    dataType: INT64,
    scope: CONNECTION,
    defaultValue: -1n,
    genericEditable: false,
  }),
  entry(41, 'PACKET_TRACE_MAX_BYTES', {
    steamName: 'PacketTraceMaxBytes',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: -1,
    min: -1,
    max: 99999,
  }),
  entry(42, 'FAKE_RATE_LIMIT_SEND_RATE', {
    steamName: 'FakeRateLimit_Send_Rate',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 1073741824,
  }),
  entry(43, 'FAKE_RATE_LIMIT_SEND_BURST', {
    steamName: 'FakeRateLimit_Send_Burst',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 16384,
    min: 0,
    max: 1048576,
  }),
  entry(44, 'FAKE_RATE_LIMIT_RECV_RATE', {
    steamName: 'FakeRateLimit_Recv_Rate',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 1073741824,
  }),
  entry(45, 'FAKE_RATE_LIMIT_RECV_BURST', {
    steamName: 'FakeRateLimit_Recv_Burst',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 16384,
    min: 0,
    max: 1048576,
  }),
  entry(46, 'ENABLE_DIAGNOSTICS_UI', {
    steamName: 'EnableDiagnosticsUI',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1,
    min: 0,
    max: 1,
  }),
  entry(47, 'RECV_BUFFER_SIZE', {
    steamName: 'RecvBufferSize',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1048576,
    min: 4096,
    max: 268435456,
  }),
  entry(48, 'RECV_BUFFER_MESSAGES', {
    steamName: 'RecvBufferMessages',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1000,
    min: 2,
    max: 268435456,
  }),
  entry(49, 'RECV_MAX_MESSAGE_SIZE', {
    steamName: 'RecvMaxMessageSize',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 524288,
    min: 64,
    max: 268435456,
  }),
  entry(50, 'RECV_MAX_SEGMENTS_PER_PACKET', {
    steamName: 'RecvMaxSegmentsPerPacket',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 1300,
    min: 1,
    max: 1300,
  }),
  entry(51, 'OUT_OF_ORDER_CORRECTION_WINDOW_MICROSECONDS', {
    steamName: 'OutOfOrderCorrectionWindowMicroseconds',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: 1000,
    min: 0,
    max: 50000,
  }),
  // 0 in Steam builds (the open-source build defaults to 2); not a dev value, unlike IP_ALLOW_WITHOUT_AUTH.
  entry(52, 'IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH', {
    steamName: 'IPLocalHost_AllowWithoutAuth',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 2,
  }),
  entry(53, 'FAKE_PACKET_JITTER_SEND_AVG', {
    steamName: 'FakePacketJitter_Send_Avg',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 2000,
  }),
  entry(54, 'FAKE_PACKET_JITTER_SEND_MAX', {
    steamName: 'FakePacketJitter_Send_Max',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 100,
    min: 0,
    max: 5000,
  }),
  entry(55, 'FAKE_PACKET_JITTER_SEND_PCT', {
    steamName: 'FakePacketJitter_Send_Pct',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 75,
    min: 0,
    max: 100,
  }),
  entry(56, 'FAKE_PACKET_JITTER_RECV_AVG', {
    steamName: 'FakePacketJitter_Recv_Avg',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 0,
    min: 0,
    max: 2000,
  }),
  entry(57, 'FAKE_PACKET_JITTER_RECV_MAX', {
    steamName: 'FakePacketJitter_Recv_Max',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 100,
    min: 0,
    max: 5000,
  }),
  entry(58, 'FAKE_PACKET_JITTER_RECV_PCT', {
    steamName: 'FakePacketJitter_Recv_Pct',
    dataType: FLOAT,
    scope: GLOBAL,
    defaultValue: 75,
    min: 0,
    max: 100,
  }),
  entry(59, 'SEND_TIME_SINCE_PREVIOUS_PACKET', {
    steamName: 'SendTimeSincePreviousPacket',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: -1,
    min: -1,
    max: 1,
  }),
  // Relay code: default and limits unpublished.
  entry(60, 'SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N', {
    steamName: 'SDRClient_LimitPingProbesToNearestN',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: null,
    defaultSource: 'unpublished',
  }),
  // The open-source default; the Steam client may configure its own servers.
  entry(103, 'P2P_STUN_SERVER_LIST', {
    steamName: 'P2P_STUN_ServerList',
    dataType: STRING,
    scope: CONNECTION,
    defaultValue: '',
  }),
  // Steam builds default to DEFAULT (-1); the open-source build defaults to ALL with a minimum of 0.
  entry(104, 'P2P_TRANSPORT_ICE_ENABLE', {
    steamName: 'P2P_Transport_ICE_Enable',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DEFAULT,
    min: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_DEFAULT,
    max: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ALL,
  }),
  entry(105, 'P2P_TRANSPORT_ICE_PENALTY', {
    steamName: 'P2P_Transport_ICE_Penalty',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 2147483647,
  }),
  entry(106, 'P2P_TRANSPORT_SDR_PENALTY', {
    steamName: 'P2P_Transport_SDR_Penalty',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 2147483647,
  }),
  entry(107, 'P2P_TURN_SERVER_LIST', {
    steamName: 'P2P_TURN_ServerList',
    dataType: STRING,
    scope: CONNECTION,
    defaultValue: '',
  }),
  entry(108, 'P2P_TURN_USER_LIST', {
    steamName: 'P2P_TURN_UserList',
    dataType: STRING,
    scope: CONNECTION,
    defaultValue: '',
  }),
  entry(109, 'P2P_TURN_PASS_LIST', {
    steamName: 'P2P_TURN_PassList',
    dataType: STRING,
    scope: CONNECTION,
    defaultValue: '',
  }),
  entry(110, 'P2P_TRANSPORT_ICE_IMPLEMENTATION', {
    steamName: 'P2P_Transport_ICE_Implementation',
    dataType: INT32,
    scope: CONNECTION,
    defaultValue: 0,
    min: 0,
    max: 2,
  }),
  entry(201, 'CALLBACK_CONNECTION_STATUS_CHANGED', {
    steamName: 'Callback_ConnectionStatusChanged',
    dataType: FUNCTION_PTR,
    scope: CONNECTION,
    defaultValue: null,
  }),
  entry(202, 'CALLBACK_AUTH_STATUS_CHANGED', {
    steamName: 'Callback_AuthStatusChanged',
    dataType: FUNCTION_PTR,
    scope: GLOBAL,
    defaultValue: null,
  }),
  // Relay code; like every callback it defaults to the null pointer.
  entry(203, 'CALLBACK_RELAY_NETWORK_STATUS_CHANGED', {
    steamName: 'Callback_RelayNetworkStatusChanged',
    dataType: FUNCTION_PTR,
    scope: GLOBAL,
    defaultValue: null,
    defaultSource: 'sdk-docs',
  }),
  entry(204, 'CALLBACK_MESSAGE_SESSION_REQUEST', {
    steamName: 'Callback_MessagesSessionRequest',
    dataType: FUNCTION_PTR,
    scope: GLOBAL,
    defaultValue: null,
  }),
  entry(205, 'CALLBACK_MESSAGES_SESSION_FAILED', {
    steamName: 'Callback_MessagesSessionFailed',
    dataType: FUNCTION_PTR,
    scope: GLOBAL,
    defaultValue: null,
  }),
  entry(206, 'CALLBACK_CREATE_CONNECTION_SIGNALING', {
    steamName: 'Callback_CreateConnectionSignaling',
    dataType: FUNCTION_PTR,
    scope: GLOBAL,
    defaultValue: null,
  }),
  entry(207, 'CALLBACK_FAKE_IP_RESULT', {
    steamName: 'Callback_FakeIPResult',
    dataType: FUNCTION_PTR,
    scope: GLOBAL,
    defaultValue: null,
  }),
  // Limits as in Steam's code, although the SDK text speaks of values 0 to 3.
  entry(999, 'ECN', {
    steamName: 'ECN',
    dataType: INT32,
    scope: GLOBAL,
    defaultValue: -1,
    min: -1,
    max: 2,
    windowsOnly: true,
  }),
]);

let entriesById: ReadonlyMap<number, ConfigValueEntry> | undefined;
let entriesBySteamName: ReadonlyMap<string, ConfigValueEntry> | undefined;
let entriesByName: ReadonlyMap<string, ConfigValueEntry> | undefined;

/** The entry of the config value `id`, or `undefined` when `id` is not a config value of the table. */
export function getConfigValueEntry(id: number): ConfigValueEntry | undefined {
  // Built on first use so that importing the table costs nothing until a lookup happens.
  entriesById ??= new Map(CONFIG_VALUE_TABLE.map((e) => [e.id, e]));
  return entriesById.get(id);
}

/**
 * The entry whose Steam name is `steamName` (exactly, case included, e.g. `'TimeoutInitial'`), or
 * `undefined`.
 */
export function getConfigValueEntryBySteamName(steamName: string): ConfigValueEntry | undefined {
  entriesBySteamName ??= new Map(CONFIG_VALUE_TABLE.map((e) => [e.steamName, e]));
  return entriesBySteamName.get(steamName);
}

/**
 * The entry whose GodotSteam name is `name` (e.g. `'NETWORKING_CONFIG_TIMEOUT_INITIAL'`), or
 * `undefined`. The correctly spelt aliases are not names of the table: look those up through
 * their value.
 */
export function getConfigValueEntryByName(name: string): ConfigValueEntry | undefined {
  entriesByName ??= new Map(CONFIG_VALUE_TABLE.map((e) => [e.name, e]));
  return entriesByName.get(name);
}
