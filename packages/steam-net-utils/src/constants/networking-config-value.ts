/**
 * `NetworkingConfigValue` (`ESteamNetworkingConfigValue`): the ids of the networking config values.
 * Their Steam names, types, scopes, defaults and limits are in `config-value-table.ts`.
 */

/** Not a config value; the start and end marker of `iterateGenericEditableConfigValues`. */
export const NETWORKING_CONFIG_INVALID = 0;

/** Randomly drop this percentage of outgoing packets (global; float). */
export const NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND = 2;

/** Randomly drop this percentage of incoming packets (global; float). */
export const NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV = 3;

/** Delay every outgoing packet by this many milliseconds (global). */
export const NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND = 4;

/** Delay every incoming packet by this many milliseconds (global). */
export const NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV = 5;

/**
 * Percentage of outgoing packets given extra delay, so that they arrive out of order (global;
 * float).
 */
export const NETWORKING_CONFIG_FAKE_PACKET_REORDER_SEND = 6;

/**
 * Percentage of incoming packets given extra delay, so that they are processed out of order
 * (global; float).
 */
export const NETWORKING_CONFIG_FAKE_PACKET_REORDER_RECV = 7;

/** Extra delay in milliseconds given to reordered packets, both directions (global). */
export const NETWORKING_CONFIG_FAKE_PACKET_REORDER_TIME = 8;

/**
 * Upper limit in bytes of data waiting to be sent; beyond it sending returns
 * `RESULT_LIMIT_EXCEEDED`.
 */
export const NETWORKING_CONFIG_SEND_BUFFER_SIZE = 9;

/** Minimum send rate clamp, in bytes per second. */
export const NETWORKING_CONFIG_SEND_RATE_MIN = 10;

/** Maximum send rate clamp, in bytes per second. */
export const NETWORKING_CONFIG_SEND_RATE_MAX = 11;

/** Nagle delay in microseconds: how long a small message waits for others to share its packet. */
export const NETWORKING_CONFIG_NAGLE_TIME = 12;

/** Log level of round-trip-time calculations from inline pings and replies. */
export const NETWORKING_CONFIG_LOG_LEVEL_ACK_RTT = 13;

/** Log level of packets sent and received. */
export const NETWORKING_CONFIG_LOG_LEVEL_PACKET_DECODE = 14;

/** Log level of each message sent and received. */
export const NETWORKING_CONFIG_LOG_LEVEL_MESSAGE = 15;

/** Log level of dropped packets. */
export const NETWORKING_CONFIG_LOG_LEVEL_PACKET_GAPS = 16;

/** Log level of peer-to-peer rendezvous messages. */
export const NETWORKING_CONFIG_LOG_LEVEL_P2P_RENDEZVOUS = 17;

/**
 * Log level of relay pings. The reference's name is misspelt (`SRD`); {@link
 * NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS} is the same value correctly spelt.
 */
export const NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS = 18;

/** Correctly spelt alias of {@link NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS} (same value, 18). */
export const NETWORKING_CONFIG_LOG_LEVEL_SDR_RELAY_PINGS =
  NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS;

/** If the first N pings to a relay port all fail, avoid that port for a while. */
export const NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL = 19;

/** If N pings in a row to a relay port fail after it had worked, avoid that port for a while. */
export const NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL = 20;

/** How many pings to send to a relay cluster before its ping estimate is considered solid. */
export const NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE = 21;

/** Send all relay traffic from one local UDP port instead of one socket per relay. */
export const NETWORKING_CONFIG_SDR_CLIENT_SINGLE_SOCKET = 22;

/**
 * Allow IP connections without strong authentication (0 no, 1 allow with warnings, 2 allow
 * silently). A dev value.
 */
export const NETWORKING_CONFIG_IP_ALLOW_WITHOUT_AUTH = 23;

/** Timeout in milliseconds while connecting (connection scope). */
export const NETWORKING_CONFIG_TIMEOUT_INITIAL = 24;

/** Timeout in milliseconds once connected (connection scope). */
export const NETWORKING_CONFIG_TIMEOUT_CONNECTED = 25;

/** Percentage of outgoing packets to duplicate (global; float). */
export const NETWORKING_CONFIG_FAKE_PACKET_DUP_SEND = 26;

/**
 * Percentage of incoming packets to duplicate (global; float). The reference's name is misspelt
 * (`REVC`); {@link NETWORKING_CONFIG_FAKE_PACKET_DUP_RECV} is the same value correctly spelt.
 */
export const NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC = 27;

/** Correctly spelt alias of {@link NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC} (same value, 27). */
export const NETWORKING_CONFIG_FAKE_PACKET_DUP_RECV = NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC;

/** Upper bound in milliseconds of the random delay given to duplicated packets. */
export const NETWORKING_CONFIG_FAKE_PACKET_DUP_TIME_MAX = 28;

/** Code of the only relay cluster to use, e.g. `'iad'`; empty to use any. */
export const NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER = 29;

/**
 * For development: a base-64 ticket from the cert tool, to reach a game server through the relays
 * without the game coordinator.
 */
export const NETWORKING_CONFIG_SDR_CLIENT_DEV_TICKET = 30;

/**
 * For debugging: a comma-separated list of relays that replaces the list from the network config.
 */
export const NETWORKING_CONFIG_SDR_CLIENT_FORCE_PROXY_ADDR = 31;

/** Largest UDP payload to send, in bytes; `NETWORKING_CONFIG_MTU_DATA_SIZE` follows it. */
export const NETWORKING_CONFIG_MTU_PACKET_SIZE = 32;

/**
 * Read-only: the largest message that will not be fragmented, derived from
 * `NETWORKING_CONFIG_MTU_PACKET_SIZE`.
 */
export const NETWORKING_CONFIG_MTU_DATA_SIZE = 33;

/**
 * Allow unencrypted, unauthenticated traffic (0 never, 1 allowed, 2 preferred, 3 required). A dev
 * value.
 */
export const NETWORKING_CONFIG_UNENCRYPTED = 34;

/** Force the pings to relay clusters, e.g. `'sto=32,iad=100'`. A dev value. */
export const NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING = 36;

/**
 * Symmetric connect mode: two equal peers that may connect to each other at once end up with one
 * connection.
 */
export const NETWORKING_CONFIG_SYMMETRIC_CONNECT = 37;

/** The local virtual port of connection types that use virtual ports. */
export const NETWORKING_CONFIG_LOCAL_VIRTUAL_PORT = 38;

/** Dual-band wifi support for the connection (0 no, 1 yes, 2 simulate it for debugging). */
export const NETWORKING_CONFIG_DUAL_WIFI_ENABLE = 39;

/** The connection's user data (int64) as a config value; default -1. */
export const NETWORKING_CONFIG_CONNECTION_USER_DATA = 40;

/**
 * Trace every UDP packet, dumping up to this many bytes; -1 disables tracing, 0 traces without
 * data.
 */
export const NETWORKING_CONFIG_PACKET_TRACE_MAX_BYTES = 41;

/** Fake outgoing rate limit: the steady rate in bytes per second; 0 disables the limiter. */
export const NETWORKING_CONFIG_FAKE_RATE_LIMIT_SEND_RATE = 42;

/** Fake outgoing rate limit: the largest burst in bytes. */
export const NETWORKING_CONFIG_FAKE_RATE_LIMIT_SEND_BURST = 43;

/** Fake incoming rate limit: the steady rate in bytes per second; 0 disables the limiter. */
export const NETWORKING_CONFIG_FAKE_RATE_LIMIT_RECV_RATE = 44;

/** Fake incoming rate limit: the largest burst in bytes. */
export const NETWORKING_CONFIG_FAKE_RATE_LIMIT_RECV_BURST = 45;

/** Report diagnostics through the platform's generic UI (Steam only). */
export const NETWORKING_CONFIG_ENABLE_DIAGNOSTICS_UI = 46;

/** Upper limit in bytes of received messages waiting for the application (connection scope). */
export const NETWORKING_CONFIG_RECV_BUFFER_SIZE = 47;

/** Upper limit on the number of received messages waiting for the application (connection scope). */
export const NETWORKING_CONFIG_RECV_BUFFER_MESSAGES = 48;

/**
 * Largest message accepted from the peer, in bytes; a larger one closes the connection (connection
 * scope).
 */
export const NETWORKING_CONFIG_RECV_MAX_MESSAGE_SIZE = 49;

/** Largest number of message segments accepted in one UDP packet. */
export const NETWORKING_CONFIG_RECV_MAX_SEGMENTS_PER_PACKET = 50;

/**
 * How long, in microseconds, to wait for a packet that seems to be missing before treating it as
 * lost; 0 disables.
 */
export const NETWORKING_CONFIG_OUT_OF_ORDER_CORRECTION_WINDOW_MICROSECONDS = 51;

/**
 * Like `NETWORKING_CONFIG_IP_ALLOW_WITHOUT_AUTH`, for localhost connections only; the more
 * permissive of the two applies.
 */
export const NETWORKING_CONFIG_IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH = 52;

/** Fake outgoing jitter: mean of the random extra delay, in milliseconds (float). */
export const NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG = 53;

/** Fake outgoing jitter: upper bound of the random extra delay, in milliseconds (float). */
export const NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_MAX = 54;

/** Fake outgoing jitter: percentage of packets that get a random extra delay (float). */
export const NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_PCT = 55;

/** Fake incoming jitter: mean of the random extra delay, in milliseconds (float). */
export const NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_AVG = 56;

/** Fake incoming jitter: upper bound of the random extra delay, in milliseconds (float). */
export const NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_MAX = 57;

/** Fake incoming jitter: percentage of packets that get a random extra delay (float). */
export const NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_PCT = 58;

/**
 * Put time-since-previous-packet values in each packet for jitter measurement (0 off, 1 on, -1 the
 * connection type's default).
 */
export const NETWORKING_CONFIG_SEND_TIME_SINCE_PREVIOUS_PACKET = 59;

/** Only probe the N relay POPs that currently look nearest. */
export const NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N = 60;

/** Comma-separated STUN servers for NAT piercing; empty disables NAT piercing. */
export const NETWORKING_CONFIG_P2P_STUN_SERVER_LIST = 103;

/**
 * Which ICE candidates to share with the peer: the `NETWORKING_CONFIG_P2P_TRANSPORT_ICE_*`
 * constants.
 */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ENABLE = 104;

/**
 * Penalty in milliseconds added to the score of ICE routes when choosing a peer-to-peer transport.
 */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PENALTY = 105;

/**
 * Penalty in milliseconds added to the score of relayed routes when choosing a peer-to-peer
 * transport.
 */
export const NETWORKING_CONFIG_P2P_TRANSPORT_SDR_PENALTY = 106;

/** Comma-separated TURN servers. */
export const NETWORKING_CONFIG_P2P_TURN_SERVER_LIST = 107;

/** Comma-separated TURN user names, one per TURN server. */
export const NETWORKING_CONFIG_P2P_TURN_USER_LIST = 108;

/** Comma-separated TURN passwords, one per TURN server. */
export const NETWORKING_CONFIG_P2P_TURN_PASS_LIST = 109;

/** Which ICE implementation to use. */
export const NETWORKING_CONFIG_P2P_TRANSPORT_ICE_IMPLEMENTATION = 110;

/** Function pointer called when a connection's state changes. */
export const NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED = 201;

/** Function pointer called when the authentication status changes. */
export const NETWORKING_CONFIG_CALLBACK_AUTH_STATUS_CHANGED = 202;

/** Function pointer called when the relay network status changes. */
export const NETWORKING_CONFIG_CALLBACK_RELAY_NETWORK_STATUS_CHANGED = 203;

/**
 * Function pointer called when a peer asks to open a Networking Messages session. The reference
 * writes `MESSAGE` where its sibling and Steam say `MESSAGES`; {@link
 * NETWORKING_CONFIG_CALLBACK_MESSAGES_SESSION_REQUEST} is the same value spelt consistently.
 */
export const NETWORKING_CONFIG_CALLBACK_MESSAGE_SESSION_REQUEST = 204;

/**
 * Consistently spelt alias of {@link NETWORKING_CONFIG_CALLBACK_MESSAGE_SESSION_REQUEST} (same
 * value, 204).
 */
export const NETWORKING_CONFIG_CALLBACK_MESSAGES_SESSION_REQUEST =
  NETWORKING_CONFIG_CALLBACK_MESSAGE_SESSION_REQUEST;

/** Function pointer called when a Networking Messages session fails. */
export const NETWORKING_CONFIG_CALLBACK_MESSAGES_SESSION_FAILED = 205;

/** Function pointer called to create the signaling object of a locally initiated connection. */
export const NETWORKING_CONFIG_CALLBACK_CREATE_CONNECTION_SIGNALING = 206;

/** Function pointer called when a FakeIP allocation finishes. */
export const NETWORKING_CONFIG_CALLBACK_FAKE_IP_RESULT = 207;

/** Experimental: the ECN field of outgoing UDP packets; -1 (default) leaves it alone. */
export const NETWORKING_CONFIG_ECN = 999;

/** Forces the C enum to 32 bits; never a real config value. */
export const NETWORKING_CONFIG_VALUE_FORCE32BIT = 0x7fffffff;

/**
 * `NetworkingConfigValue` grouped: `NetworkingConfigValue.TIMEOUT_INITIAL`, ... Keys are the
 * reference's names without `NETWORKING_CONFIG_`, misspellings included, so each id has one key.
 */
export const NetworkingConfigValue = /*#__PURE__*/ Object.freeze({
  INVALID: NETWORKING_CONFIG_INVALID,
  FAKE_PACKET_LOSS_SEND: NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  FAKE_PACKET_LOSS_RECV: NETWORKING_CONFIG_FAKE_PACKET_LOSS_RECV,
  FAKE_PACKET_LAG_SEND: NETWORKING_CONFIG_FAKE_PACKET_LAG_SEND,
  FAKE_PACKET_LAG_RECV: NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV,
  FAKE_PACKET_REORDER_SEND: NETWORKING_CONFIG_FAKE_PACKET_REORDER_SEND,
  FAKE_PACKET_REORDER_RECV: NETWORKING_CONFIG_FAKE_PACKET_REORDER_RECV,
  FAKE_PACKET_REORDER_TIME: NETWORKING_CONFIG_FAKE_PACKET_REORDER_TIME,
  SEND_BUFFER_SIZE: NETWORKING_CONFIG_SEND_BUFFER_SIZE,
  SEND_RATE_MIN: NETWORKING_CONFIG_SEND_RATE_MIN,
  SEND_RATE_MAX: NETWORKING_CONFIG_SEND_RATE_MAX,
  NAGLE_TIME: NETWORKING_CONFIG_NAGLE_TIME,
  LOG_LEVEL_ACK_RTT: NETWORKING_CONFIG_LOG_LEVEL_ACK_RTT,
  LOG_LEVEL_PACKET_DECODE: NETWORKING_CONFIG_LOG_LEVEL_PACKET_DECODE,
  LOG_LEVEL_MESSAGE: NETWORKING_CONFIG_LOG_LEVEL_MESSAGE,
  LOG_LEVEL_PACKET_GAPS: NETWORKING_CONFIG_LOG_LEVEL_PACKET_GAPS,
  LOG_LEVEL_P2P_RENDEZVOUS: NETWORKING_CONFIG_LOG_LEVEL_P2P_RENDEZVOUS,
  LOG_LEVEL_SRD_RELAY_PINGS: NETWORKING_CONFIG_LOG_LEVEL_SRD_RELAY_PINGS,
  SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL:
    NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL_INITIAL,
  SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL: NETWORKING_CONFIG_SDR_CLIENT_CONSEC_PING_TIMEOUT_FAIL,
  SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE:
    NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  SDR_CLIENT_SINGLE_SOCKET: NETWORKING_CONFIG_SDR_CLIENT_SINGLE_SOCKET,
  IP_ALLOW_WITHOUT_AUTH: NETWORKING_CONFIG_IP_ALLOW_WITHOUT_AUTH,
  TIMEOUT_INITIAL: NETWORKING_CONFIG_TIMEOUT_INITIAL,
  TIMEOUT_CONNECTED: NETWORKING_CONFIG_TIMEOUT_CONNECTED,
  FAKE_PACKET_DUP_SEND: NETWORKING_CONFIG_FAKE_PACKET_DUP_SEND,
  FAKE_PACKET_DUP_REVC: NETWORKING_CONFIG_FAKE_PACKET_DUP_REVC,
  FAKE_PACKET_DUP_TIME_MAX: NETWORKING_CONFIG_FAKE_PACKET_DUP_TIME_MAX,
  SDR_CLIENT_FORCE_RELAY_CLUSTER: NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  SDR_CLIENT_DEV_TICKET: NETWORKING_CONFIG_SDR_CLIENT_DEV_TICKET,
  SDR_CLIENT_FORCE_PROXY_ADDR: NETWORKING_CONFIG_SDR_CLIENT_FORCE_PROXY_ADDR,
  MTU_PACKET_SIZE: NETWORKING_CONFIG_MTU_PACKET_SIZE,
  MTU_DATA_SIZE: NETWORKING_CONFIG_MTU_DATA_SIZE,
  UNENCRYPTED: NETWORKING_CONFIG_UNENCRYPTED,
  SDR_CLIENT_FAKE_CLUSTER_PING: NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  SYMMETRIC_CONNECT: NETWORKING_CONFIG_SYMMETRIC_CONNECT,
  LOCAL_VIRTUAL_PORT: NETWORKING_CONFIG_LOCAL_VIRTUAL_PORT,
  DUAL_WIFI_ENABLE: NETWORKING_CONFIG_DUAL_WIFI_ENABLE,
  CONNECTION_USER_DATA: NETWORKING_CONFIG_CONNECTION_USER_DATA,
  PACKET_TRACE_MAX_BYTES: NETWORKING_CONFIG_PACKET_TRACE_MAX_BYTES,
  FAKE_RATE_LIMIT_SEND_RATE: NETWORKING_CONFIG_FAKE_RATE_LIMIT_SEND_RATE,
  FAKE_RATE_LIMIT_SEND_BURST: NETWORKING_CONFIG_FAKE_RATE_LIMIT_SEND_BURST,
  FAKE_RATE_LIMIT_RECV_RATE: NETWORKING_CONFIG_FAKE_RATE_LIMIT_RECV_RATE,
  FAKE_RATE_LIMIT_RECV_BURST: NETWORKING_CONFIG_FAKE_RATE_LIMIT_RECV_BURST,
  ENABLE_DIAGNOSTICS_UI: NETWORKING_CONFIG_ENABLE_DIAGNOSTICS_UI,
  RECV_BUFFER_SIZE: NETWORKING_CONFIG_RECV_BUFFER_SIZE,
  RECV_BUFFER_MESSAGES: NETWORKING_CONFIG_RECV_BUFFER_MESSAGES,
  RECV_MAX_MESSAGE_SIZE: NETWORKING_CONFIG_RECV_MAX_MESSAGE_SIZE,
  RECV_MAX_SEGMENTS_PER_PACKET: NETWORKING_CONFIG_RECV_MAX_SEGMENTS_PER_PACKET,
  OUT_OF_ORDER_CORRECTION_WINDOW_MICROSECONDS:
    NETWORKING_CONFIG_OUT_OF_ORDER_CORRECTION_WINDOW_MICROSECONDS,
  IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH: NETWORKING_CONFIG_IP_LOCAL_HOST_ALLOW_WITHOUT_AUTH,
  FAKE_PACKET_JITTER_SEND_AVG: NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG,
  FAKE_PACKET_JITTER_SEND_MAX: NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_MAX,
  FAKE_PACKET_JITTER_SEND_PCT: NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_PCT,
  FAKE_PACKET_JITTER_RECV_AVG: NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_AVG,
  FAKE_PACKET_JITTER_RECV_MAX: NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_MAX,
  FAKE_PACKET_JITTER_RECV_PCT: NETWORKING_CONFIG_FAKE_PACKET_JITTER_RECV_PCT,
  SEND_TIME_SINCE_PREVIOUS_PACKET: NETWORKING_CONFIG_SEND_TIME_SINCE_PREVIOUS_PACKET,
  SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N:
    NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
  P2P_STUN_SERVER_LIST: NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
  P2P_TRANSPORT_ICE_ENABLE: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_ENABLE,
  P2P_TRANSPORT_ICE_PENALTY: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_PENALTY,
  P2P_TRANSPORT_SDR_PENALTY: NETWORKING_CONFIG_P2P_TRANSPORT_SDR_PENALTY,
  P2P_TURN_SERVER_LIST: NETWORKING_CONFIG_P2P_TURN_SERVER_LIST,
  P2P_TURN_USER_LIST: NETWORKING_CONFIG_P2P_TURN_USER_LIST,
  P2P_TURN_PASS_LIST: NETWORKING_CONFIG_P2P_TURN_PASS_LIST,
  P2P_TRANSPORT_ICE_IMPLEMENTATION: NETWORKING_CONFIG_P2P_TRANSPORT_ICE_IMPLEMENTATION,
  CALLBACK_CONNECTION_STATUS_CHANGED: NETWORKING_CONFIG_CALLBACK_CONNECTION_STATUS_CHANGED,
  CALLBACK_AUTH_STATUS_CHANGED: NETWORKING_CONFIG_CALLBACK_AUTH_STATUS_CHANGED,
  CALLBACK_RELAY_NETWORK_STATUS_CHANGED: NETWORKING_CONFIG_CALLBACK_RELAY_NETWORK_STATUS_CHANGED,
  CALLBACK_MESSAGE_SESSION_REQUEST: NETWORKING_CONFIG_CALLBACK_MESSAGE_SESSION_REQUEST,
  CALLBACK_MESSAGES_SESSION_FAILED: NETWORKING_CONFIG_CALLBACK_MESSAGES_SESSION_FAILED,
  CALLBACK_CREATE_CONNECTION_SIGNALING: NETWORKING_CONFIG_CALLBACK_CREATE_CONNECTION_SIGNALING,
  CALLBACK_FAKE_IP_RESULT: NETWORKING_CONFIG_CALLBACK_FAKE_IP_RESULT,
  ECN: NETWORKING_CONFIG_ECN,
  VALUE_FORCE32BIT: NETWORKING_CONFIG_VALUE_FORCE32BIT,
} as const);

/** One `NetworkingConfigValue` id. */
export type NetworkingConfigValue =
  (typeof NetworkingConfigValue)[keyof typeof NetworkingConfigValue];
