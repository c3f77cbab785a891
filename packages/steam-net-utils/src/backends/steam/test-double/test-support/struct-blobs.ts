/**
 * Callback structs as bytes, for feeding the test double (and the decoders) in specs: each writer
 * fills the fields at the offsets of `struct-layouts.ts`, which the C compiler checks.
 */
import { encodeIPv4Addr, encodeSteamIdIdentity } from '../../native/structs.js';
import {
  getSteamStructLayouts,
  offsetOf,
  type SteamStructLayouts,
} from '../../native/struct-layouts.js';

function writeText(bytes: Uint8Array, offset: number, text: string, size: number): void {
  const encoded = new TextEncoder().encode(text).subarray(0, size - 1);
  bytes.set(encoded, offset);
  bytes[offset + encoded.length] = 0;
}

/** The fields of a `SteamNetConnectionInfo_t` (remote identity as a SteamID). */
export interface ConnectionInfoFields {
  steamId: bigint;
  userData: bigint;
  listenSocket: number;
  remoteIPv4: number;
  remotePort: number;
  popRemote: number;
  relayPopId: number;
  state: number;
  endReason: number;
  endDebug: string;
  description: string;
  flags: number;
}

/** Sample connection info with a distinct value in every field. */
export const SAMPLE_CONNECTION_INFO: ConnectionInfoFields = {
  steamId: 76561198000000001n,
  userData: -42n,
  listenSocket: 0x1234,
  remoteIPv4: 0xc0a80102,
  remotePort: 27015,
  popRemote: 0x00667261,
  relayPopId: 0x00616d73,
  state: 5,
  endReason: 2001,
  endDebug: 'timed out',
  description: '#4097 SteamID 76561198000000001 vport 0',
  flags: 4,
};

function writeConnectionInfo(
  bytes: Uint8Array,
  at: number,
  layout: SteamStructLayouts,
  info: ConnectionInfoFields,
): void {
  const type = layout.SteamNetConnectionInfo_t;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const o = (name: string): number => at + offsetOf(type, name);
  bytes.set(encodeSteamIdIdentity(info.steamId), o('m_identityRemote'));
  view.setBigInt64(o('m_nUserData'), info.userData, true);
  view.setUint32(o('m_hListenSocket'), info.listenSocket, true);
  bytes.set(encodeIPv4Addr(info.remoteIPv4, info.remotePort), o('m_addrRemote'));
  view.setUint32(o('m_idPOPRemote'), info.popRemote, true);
  view.setUint32(o('m_idPOPRelay'), info.relayPopId, true);
  view.setInt32(o('m_eState'), info.state, true);
  view.setInt32(o('m_eEndReason'), info.endReason, true);
  writeText(bytes, o('m_szEndDebug'), info.endDebug, 128);
  writeText(bytes, o('m_szConnectionDescription'), info.description, 128);
  view.setInt32(o('m_nFlags'), info.flags, true);
}

/** A `SteamNetConnectionStatusChangedCallback_t` for `layout`'s packing. */
export function connectionStatusChangedBlob(
  layout: SteamStructLayouts,
  connection: number,
  info: ConnectionInfoFields,
  oldState: number,
): Uint8Array {
  const type = layout.SteamNetConnectionStatusChangedCallback_t;
  const bytes = new Uint8Array(type.size);
  const view = new DataView(bytes.buffer);
  view.setUint32(offsetOf(type, 'm_hConn'), connection, true);
  writeConnectionInfo(bytes, offsetOf(type, 'm_info'), layout, info);
  view.setInt32(offsetOf(type, 'm_eOldState'), oldState, true);
  return bytes;
}

/** A `SteamNetworkingMessagesSessionFailed_t` for `layout`'s packing. */
export function messagesSessionFailedBlob(
  layout: SteamStructLayouts,
  info: ConnectionInfoFields,
): Uint8Array {
  const type = layout.SteamNetworkingMessagesSessionFailed_t;
  const bytes = new Uint8Array(type.size);
  writeConnectionInfo(bytes, offsetOf(type, 'm_info'), layout, info);
  return bytes;
}

/** A `SteamNetworkingMessagesSessionRequest_t`. */
export function messagesSessionRequestBlob(steamId: bigint): Uint8Array {
  return encodeSteamIdIdentity(steamId);
}

/** A `SteamRelayNetworkStatus_t`. */
export function relayNetworkStatusBlob(fields: {
  available: number;
  measuring: number;
  config: number;
  anyRelay: number;
  message: string;
}): Uint8Array {
  const type = getSteamStructLayouts(4).SteamRelayNetworkStatus_t;
  const bytes = new Uint8Array(type.size);
  const view = new DataView(bytes.buffer);
  view.setInt32(offsetOf(type, 'm_eAvail'), fields.available, true);
  view.setInt32(offsetOf(type, 'm_bPingMeasurementInProgress'), fields.measuring, true);
  view.setInt32(offsetOf(type, 'm_eAvailNetworkConfig'), fields.config, true);
  view.setInt32(offsetOf(type, 'm_eAvailAnyRelay'), fields.anyRelay, true);
  writeText(bytes, offsetOf(type, 'm_debugMsg'), fields.message, 256);
  return bytes;
}

/** A `SteamNetAuthenticationStatus_t`. */
export function authenticationStatusBlob(available: number, message: string): Uint8Array {
  const type = getSteamStructLayouts(4).SteamNetAuthenticationStatus_t;
  const bytes = new Uint8Array(type.size);
  new DataView(bytes.buffer).setInt32(offsetOf(type, 'm_eAvail'), available, true);
  writeText(bytes, offsetOf(type, 'm_debugMsg'), message, 256);
  return bytes;
}

/** A `SteamNetworkingFakeIPResult_t` (unused port slots stay 0). */
export function fakeIPResultBlob(
  result: number,
  steamId: bigint,
  ipv4: number,
  ports: readonly number[],
): Uint8Array {
  const type = getSteamStructLayouts(4).SteamNetworkingFakeIPResult_t;
  const bytes = new Uint8Array(type.size);
  const view = new DataView(bytes.buffer);
  view.setInt32(offsetOf(type, 'm_eResult'), result, true);
  bytes.set(encodeSteamIdIdentity(steamId), offsetOf(type, 'm_identity'));
  view.setUint32(offsetOf(type, 'm_unIP'), ipv4, true);
  ports.forEach((port, i) => view.setUint16(offsetOf(type, 'm_unPorts') + 2 * i, port, true));
  return bytes;
}
