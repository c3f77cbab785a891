/**
 * The events a backend hands the service, one object per event, as every backend queues them
 * (`BackendEventQueue`) until the host loop's `runCallbacks(sink)` delivers them. Each kind
 * carries exactly the arguments of its {@link BackendEventSink} method, under the same names.
 */
import {
  type BackendConnectionInfo,
  type BackendEventSink,
  type RelayNetworkStatus,
} from './networking-utils-backend.js';

/** One event waiting for delivery. */
export type BackendEvent =
  | { readonly kind: 'relayNetworkStatus'; readonly status: RelayNetworkStatus }
  | {
      readonly kind: 'connectionStatusChanged';
      readonly connection: number;
      readonly info: BackendConnectionInfo;
      readonly oldState: number;
    }
  | {
      readonly kind: 'authenticationStatus';
      readonly available: number;
      readonly debugMessage: string;
    }
  | {
      readonly kind: 'fakeIPResult';
      readonly result: number;
      readonly steamId: bigint;
      readonly ipv4: number;
      readonly ports: readonly number[];
    }
  | { readonly kind: 'messagesSessionRequest'; readonly remoteSteamId: bigint }
  | {
      readonly kind: 'messagesSessionFailed';
      readonly reason: number;
      readonly remoteSteamId: bigint;
      readonly connectionState: number;
      readonly debugMessage: string;
    }
  | { readonly kind: 'debugOutput'; readonly type: number; readonly message: string };

/** Hands one event to the sink method of its kind. */
export function deliverBackendEvent(event: BackendEvent, sink: BackendEventSink): void {
  switch (event.kind) {
    case 'relayNetworkStatus':
      sink.relayNetworkStatus(event.status);
      return;
    case 'connectionStatusChanged':
      sink.connectionStatusChanged(event.connection, event.info, event.oldState);
      return;
    case 'authenticationStatus':
      sink.authenticationStatus(event.available, event.debugMessage);
      return;
    case 'fakeIPResult':
      sink.fakeIPResult(event.result, event.steamId, event.ipv4, event.ports);
      return;
    case 'messagesSessionRequest':
      sink.messagesSessionRequest(event.remoteSteamId);
      return;
    case 'messagesSessionFailed':
      sink.messagesSessionFailed(
        event.reason,
        event.remoteSteamId,
        event.connectionState,
        event.debugMessage,
      );
      return;
    case 'debugOutput':
      sink.debugOutput(event.type, event.message);
      return;
  }
}
