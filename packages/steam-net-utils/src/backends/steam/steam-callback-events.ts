/**
 * The six networking callbacks the Steam backend turns into events: which struct each carries, its
 * callback id (manual dispatch) and its global callback setter (`SetGlobalCallback_*`), and how its
 * bytes become a {@link BackendEvent}. Manual dispatch and the global callbacks share the decoding, so
 * the same struct gives the same event whichever way Steam delivers it.
 */
import { type GlobalCallbackKind } from '../../port/networking-utils-backend.js';
import { copyNativeBytes } from './native/native-memory.js';
import { type NativePointer, type SteamApi, type SteamCallbackTypes } from './native/steam-api.js';
import {
  STEAM_CALLBACK_IDS,
  type SteamStructLayouts,
  type SteamStructName,
} from './native/struct-layouts.js';
import {
  decodeAuthenticationStatus,
  decodeConnectionStatusChanged,
  decodeFakeIPResult,
  decodeMessagesSessionFailed,
  decodeMessagesSessionRequest,
  decodeRelayNetworkStatus,
  toBackendConnectionInfo,
} from './native/structs.js';
import { type BackendEvent } from '../../port/backend-events.js';

/** `SteamAPICallCompleted_t::k_iCallback`: a call result is ready (the backend makes no API calls). */
export const STEAM_API_CALL_COMPLETED_ID = 703;

/** What the backend knows about one callback. */
export interface SteamCallbackSpec {
  /** `k_iCallback`. */
  readonly id: number;
  /** The struct it carries. */
  readonly struct: SteamStructName;
  /** The `SetGlobalCallback_*` function of the flat API that installs it. */
  readonly setter: Extract<keyof SteamApi, `SetGlobalCallback_${string}`>;
  /** Its function pointer prototype in `SteamApi.callbackTypes`. */
  readonly prototype: Exclude<keyof SteamCallbackTypes, 'debugOutput'>;
  /** Decodes a copy of the struct (exactly its size) into an event. */
  decode(bytes: Uint8Array, layout: SteamStructLayouts): BackendEvent;
}

/** The six callbacks, by their `setGlobalCallback` kind. */
export const STEAM_CALLBACKS: Readonly<Record<GlobalCallbackKind, SteamCallbackSpec>> = {
  relayNetworkStatusChanged: {
    id: STEAM_CALLBACK_IDS.relayNetworkStatus,
    struct: 'SteamRelayNetworkStatus_t',
    setter: 'SetGlobalCallback_SteamRelayNetworkStatusChanged',
    prototype: 'relayNetworkStatusChanged',
    decode: (bytes) => ({ kind: 'relayNetworkStatus', status: decodeRelayNetworkStatus(bytes) }),
  },
  connectionStatusChanged: {
    id: STEAM_CALLBACK_IDS.connectionStatusChanged,
    struct: 'SteamNetConnectionStatusChangedCallback_t',
    setter: 'SetGlobalCallback_SteamNetConnectionStatusChanged',
    prototype: 'connectionStatusChanged',
    decode: (bytes, layout) => {
      const { connection, info, oldState } = decodeConnectionStatusChanged(bytes, layout);
      return {
        kind: 'connectionStatusChanged',
        connection,
        info: toBackendConnectionInfo(info),
        oldState,
      };
    },
  },
  authenticationStatusChanged: {
    id: STEAM_CALLBACK_IDS.authenticationStatus,
    struct: 'SteamNetAuthenticationStatus_t',
    setter: 'SetGlobalCallback_SteamNetAuthenticationStatusChanged',
    prototype: 'authenticationStatusChanged',
    decode: (bytes) => ({ kind: 'authenticationStatus', ...decodeAuthenticationStatus(bytes) }),
  },
  fakeIPResult: {
    id: STEAM_CALLBACK_IDS.fakeIPResult,
    struct: 'SteamNetworkingFakeIPResult_t',
    setter: 'SetGlobalCallback_FakeIPResult',
    prototype: 'fakeIPResult',
    decode: (bytes) => {
      const { result, steamId, ipv4, ports } = decodeFakeIPResult(bytes);
      return { kind: 'fakeIPResult', result, steamId, ipv4, ports };
    },
  },
  messagesSessionRequest: {
    id: STEAM_CALLBACK_IDS.messagesSessionRequest,
    struct: 'SteamNetworkingMessagesSessionRequest_t',
    setter: 'SetGlobalCallback_MessagesSessionRequest',
    prototype: 'messagesSessionRequest',
    decode: (bytes) => ({
      kind: 'messagesSessionRequest',
      remoteSteamId: decodeMessagesSessionRequest(bytes).steamId,
    }),
  },
  messagesSessionFailed: {
    id: STEAM_CALLBACK_IDS.messagesSessionFailed,
    struct: 'SteamNetworkingMessagesSessionFailed_t',
    setter: 'SetGlobalCallback_MessagesSessionFailed',
    prototype: 'messagesSessionFailed',
    decode: (bytes, layout) => {
      // GodotSteam's arguments: m_info's end reason, remote SteamID, state and end debug text.
      const { info } = decodeMessagesSessionFailed(bytes, layout);
      return {
        kind: 'messagesSessionFailed',
        reason: info.endReason,
        remoteSteamId: info.identityRemote.steamId,
        connectionState: info.state,
        debugMessage: info.endDebug,
      };
    },
  },
};

const SPECS_BY_ID: ReadonlyMap<number, SteamCallbackSpec> = new Map(
  Object.values(STEAM_CALLBACKS).map((spec) => [spec.id, spec]),
);

/** The callback with this `k_iCallback`, or undefined for one the backend does not handle. */
export function steamCallbackById(id: number): SteamCallbackSpec | undefined {
  return SPECS_BY_ID.get(id);
}

/**
 * Copies and decodes the struct a callback points to. Only `min(struct size, available)` bytes are
 * ever read, and nothing when fewer than the struct's size are available.
 *
 * @param available how many bytes are readable at `pointer` (`m_cubParam` for manual dispatch,
 *   the struct's own size for a global callback's argument).
 * @returns the event, or undefined when the pointer is null or the bytes are fewer than the struct.
 */
export function readCallbackEvent(
  spec: SteamCallbackSpec,
  pointer: NativePointer | null,
  available: number,
  layout: SteamStructLayouts,
): BackendEvent | undefined {
  const size = layout[spec.struct].size;
  if (pointer === null || available < size) {
    return undefined;
  }
  // Copied now: the struct is freed (or reused) as soon as control returns to Steam.
  return spec.decode(copyNativeBytes(pointer, size), layout);
}
