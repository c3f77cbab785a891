import { type SignalEmitter } from '@relaylane/core';

import {
  type BackendConnectionInfo,
  type BackendEventSink,
  type RelayNetworkStatus,
} from '../port/networking-utils-backend.js';
import { formatIPv4 } from '../net/index.js';
import { passesDebugOutputLevel } from '../port/debug-output-level.js';
import { type NetworkConnectionInfo } from './dictionaries.js';
import { NetworkingUtilsError } from './errors.js';
import {
  FAKE_IP_MAX_RETURN_PORTS,
  type NetworkingUtilsSignals,
} from './networking-utils-signals.js';

/** What a {@link SignalSink} needs from the service it emits for. */
export interface SignalSinkHost {
  /** The object whose signals are emitted. */
  readonly emitter: SignalEmitter<NetworkingUtilsSignals>;
  /** The level given to `setDebugOutputFunction` (`NONE` until then). */
  debugOutputLevel(): number;
}

/**
 * The {@link BackendEventSink} the service hands its backend in `runCallbacks()`: turns each
 * backend event into the GodotSteam-shaped signal. Made once per service and opened only while a
 * `runCallbacks()` call runs (`open()` ... `close()`), so a frame allocates nothing for it and a
 * backend that kept it cannot emit between calls.
 */
export interface SignalSink {
  readonly sink: BackendEventSink;
  /** Events given to `sink` are emitted from now until {@link close}. */
  open(): void;
  /** From now on every event given to `sink` throws `BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS`. */
  close(): void;
}

/** `SteamNetConnectionInfo_t` as GodotSteam's `connection` dictionary. */
export function toConnectionDictionary(info: BackendConnectionInfo): NetworkConnectionInfo {
  return {
    identity: info.identity,
    user_data: info.userData,
    listen_socket: info.listenSocket,
    remote_address: info.remoteAddress,
    remote_pop: info.remotePopId,
    pop_relay: info.relayPopId,
    connection_state: info.connectionState,
    end_reason: info.endReason,
    end_debug: info.endDebug,
    debug_description: info.connectionDescription,
  };
}

/** Steam's port slots as GodotSteam passes them: exactly 8 entries, unused ones 0. */
export function toPortList(ports: readonly number[]): number[] {
  const list = new Array<number>(FAKE_IP_MAX_RETURN_PORTS).fill(0);
  for (let i = 0; i < FAKE_IP_MAX_RETURN_PORTS && i < ports.length; i++) {
    list[i] = ports[i] ?? 0;
  }
  return list;
}

/**
 * Makes the service's sink (one per service, open only while a `runCallbacks()` call runs).
 * Events that arrive after the service was disposed
 * (by a listener of an earlier event of the same call) are dropped: its signals have no listeners
 * left. Debug output is filtered here too, by the level the game asked for, so that no backend can
 * flood the game with messages it did not ask for.
 */
export function createSignalSink(host: SignalSinkHost): SignalSink {
  const signals = host.emitter.signals;
  let open = false;

  // Every event goes through here first: a closed sink is a backend bug, reported loudly.
  const accept = (event: string): boolean => {
    if (!open) {
      throw new NetworkingUtilsError(
        'BACKEND_EVENT_OUTSIDE_RUN_CALLBACKS',
        `NetworkingUtils: the backend delivered '${event}' after runCallbacks() returned. ` +
          'A backend must queue its events and deliver them only from inside runCallbacks(sink).',
      );
    }
    return !host.emitter.isDisposed();
  };

  const sink: BackendEventSink = {
    relayNetworkStatus(status: RelayNetworkStatus): void {
      if (accept('relayNetworkStatus')) {
        signals.relay_network_status.emit(
          status.available,
          status.pingMeasurementInProgress,
          status.availableNetworkConfig,
          status.availableAnyRelay,
          status.debugMessage,
        );
      }
    },
    connectionStatusChanged(connection, info, oldState): void {
      if (accept('connectionStatusChanged')) {
        signals.network_connection_status_changed.emit(
          connection,
          toConnectionDictionary(info),
          oldState,
        );
      }
    },
    authenticationStatus(available, debugMessage): void {
      if (accept('authenticationStatus')) {
        signals.network_authentication_status.emit(available, debugMessage);
      }
    },
    fakeIPResult(result, steamId, ipv4, ports): void {
      if (accept('fakeIPResult')) {
        signals.fake_ip_result.emit(result, steamId, formatIPv4(ipv4), toPortList(ports));
      }
    },
    messagesSessionRequest(remoteSteamId): void {
      if (accept('messagesSessionRequest')) {
        signals.network_messages_session_request.emit(remoteSteamId);
      }
    },
    messagesSessionFailed(reason, remoteSteamId, connectionState, debugMessage): void {
      if (accept('messagesSessionFailed')) {
        signals.network_messages_session_failed.emit(
          reason,
          remoteSteamId,
          connectionState,
          debugMessage,
        );
      }
    },
    debugOutput(type, message): void {
      if (!accept('debugOutput')) {
        return;
      }
      if (passesDebugOutputLevel(type, host.debugOutputLevel())) {
        signals.network_debug_output.emit(type, message);
      }
    },
  };

  return {
    sink,
    open(): void {
      open = true;
    },
    close(): void {
      open = false;
    },
  };
}
