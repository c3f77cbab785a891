import { type SignalDeclarations } from '@relaylane/core';

import { type NetworkConnectionInfo } from './dictionaries.js';

/**
 * The signals of `NetworkingUtils`, with GodotSteam's names and argument lists. All are emitted
 * from inside `runCallbacks()` only, which the host loop calls once a frame.
 */
export type NetworkingUtilsSignals = {
  /**
   * The relay network's status changed, or ping measurement started or stopped (always delivered,
   * as Steam's callback dispatch always delivers it).
   */
  relay_network_status: [
    available: number,
    ping_measurement: number,
    available_config: number,
    available_relay: number,
    debug_message: string,
  ];
  /**
   * A connection's state changed. Delivered once `setGlobalCallbackSteamNetConnectionStatusChanged()`
   * has been called.
   */
  network_connection_status_changed: [
    connect_handle: number,
    connection: NetworkConnectionInfo,
    old_state: number,
  ];
  /**
   * The authentication status changed. Delivered once
   * `setGlobalCallbackSteamNetAuthenticationStatusChanged()` has been called.
   */
  network_authentication_status: [available: number, debug_message: string];
  /**
   * A FakeIP request completed: `fake_ip` is `a.b.c.d`, `port_list` the 8 port slots of Steam's
   * result (unused slots are 0). Delivered once `setGlobalCallbackFakeIPResult()` has been called.
   */
  fake_ip_result: [
    result: number,
    remote_fake_steam_id: bigint,
    fake_ip: string,
    port_list: number[],
  ];
  /**
   * A peer wants to open a messages session. Delivered once
   * `setGlobalCallbackMessagesSessionRequest()` has been called.
   */
  network_messages_session_request: [remote_steam_id: bigint];
  /**
   * A messages session failed. Delivered once `setGlobalCallbackMessagesSessionFailed()` has been
   * called.
   */
  network_messages_session_failed: [
    reason: number,
    remote_steam_id: bigint,
    connection_state: number,
    debug_message: string,
  ];
  /**
   * A diagnostic message at or below the level given to `setDebugOutputFunction(detail_level)`
   * (a Relaylane addition: GodotSteam has no debug output signal). `type` is a
   * `NetworkingSocketsDebugOutputType`.
   */
  network_debug_output: [type: number, message: string];
};

/** The argument names of every signal of {@link NetworkingUtilsSignals}, in order. */
export const NETWORKING_UTILS_SIGNAL_DECLARATIONS: SignalDeclarations<NetworkingUtilsSignals> =
  Object.freeze({
    relay_network_status: [
      'available',
      'ping_measurement',
      'available_config',
      'available_relay',
      'debug_message',
    ],
    network_connection_status_changed: ['connect_handle', 'connection', 'old_state'],
    network_authentication_status: ['available', 'debug_message'],
    fake_ip_result: ['result', 'remote_fake_steam_id', 'fake_ip', 'port_list'],
    network_messages_session_request: ['remote_steam_id'],
    network_messages_session_failed: [
      'reason',
      'remote_steam_id',
      'connection_state',
      'debug_message',
    ],
    network_debug_output: ['type', 'message'],
  } as const);

/** Steam's `k_nMaxReturnPorts`: the number of port slots of a FakeIP result. */
export const FAKE_IP_MAX_RETURN_PORTS = 8;
