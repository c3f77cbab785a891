/**
 * The SDK's structs written byte by byte at the offsets measured from the Steamworks headers (the
 * same offsets `struct-layouts.cc.spec.ts` checks against the C compiler), independently of the binding's koffi layouts: what the test double hands the
 * backend, so a test sees whether the backend decodes each field at the right offset.
 *
 * `pack` is the SDK's callback packing: 4 on Linux and macOS, 8 on Windows.
 */

const utf8 = new TextEncoder();

/** The callback struct packing of the platform the tests run on. */
export const TEST_PACK: 4 | 8 = process.platform === 'win32' ? 8 : 4;

function cString(bytes: Uint8Array, offset: number, capacity: number, text: string): void {
  const encoded = utf8.encode(text).subarray(0, capacity - 1);
  bytes.set(encoded, offset);
}

/** `SteamRelayNetworkStatus_t` (272 bytes). */
export function relayStatusBytes(status: {
  available: number;
  measuring: number;
  config: number;
  relay: number;
  message: string;
}): Uint8Array {
  const bytes = new Uint8Array(272);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, status.available, true);
  view.setInt32(4, status.measuring, true);
  view.setInt32(8, status.config, true);
  view.setInt32(12, status.relay, true);
  cString(bytes, 16, 256, status.message);
  return bytes;
}

/** Writes a `SteamNetworkingIdentity` (136 bytes) holding a SteamID at `offset`. */
export function writeSteamIdIdentity(bytes: Uint8Array, offset: number, steamId: bigint): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  view.setInt32(offset, 16, true); // k_ESteamNetworkingIdentityType_SteamID
  view.setInt32(offset + 4, 8, true);
  view.setBigUint64(offset + 8, steamId, true);
}

/** A `SteamNetworkingIdentity` (136 bytes) holding a generic string (not a SteamID). */
export function genericStringIdentityBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(136);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 2, true); // k_ESteamNetworkingIdentityType_GenericString
  view.setInt32(4, text.length + 1, true);
  cString(bytes, 8, 32, text);
  return bytes;
}

/** A `SteamNetworkingIdentity` (136 bytes) holding a SteamID. */
export function steamIdIdentityBytes(steamId: bigint): Uint8Array {
  const bytes = new Uint8Array(136);
  writeSteamIdIdentity(bytes, 0, steamId);
  return bytes;
}

/** What a `SteamNetConnectionInfo_t` holds, for {@link writeConnectionInfo}. */
export interface ConnectionInfoFields {
  readonly steamId: bigint;
  readonly userData: bigint;
  readonly listenSocket: number;
  /** Host-order IPv4 and port of `m_addrRemote`. */
  readonly ipv4: number;
  readonly port: number;
  readonly popRemote: number;
  readonly relayPopId: number;
  readonly state: number;
  readonly endReason: number;
  readonly endDebug: string;
  readonly description: string;
}

/** Writes a `SteamNetConnectionInfo_t` (696 bytes, the same in both packings) at `offset`. */
export function writeConnectionInfo(
  bytes: Uint8Array,
  offset: number,
  info: ConnectionInfoFields,
): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  writeSteamIdIdentity(bytes, offset, info.steamId);
  view.setBigInt64(offset + 136, info.userData, true);
  view.setUint32(offset + 144, info.listenSocket, true);
  // m_addrRemote @148: ::ffff:a.b.c.d in network order, port in host order @164.
  bytes[offset + 148 + 10] = 0xff;
  bytes[offset + 148 + 11] = 0xff;
  view.setUint32(offset + 148 + 12, info.ipv4, false);
  view.setUint16(offset + 148 + 16, info.port, true);
  view.setUint32(offset + 168, info.popRemote, true);
  view.setUint32(offset + 172, info.relayPopId, true);
  view.setInt32(offset + 176, info.state, true);
  view.setInt32(offset + 180, info.endReason, true);
  cString(bytes, offset + 184, 128, info.endDebug);
  cString(bytes, offset + 312, 128, info.description);
}

/** `SteamNetConnectionStatusChangedCallback_t`: 704 bytes with pack 4 (m_info @4), 712 with pack 8 (@8). */
export function connectionStatusChangedBytes(
  connection: number,
  info: ConnectionInfoFields,
  oldState: number,
  pack: 4 | 8 = TEST_PACK,
): Uint8Array {
  const infoAt = pack === 4 ? 4 : 8;
  const bytes = new Uint8Array(pack === 4 ? 704 : 712);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, connection, true);
  writeConnectionInfo(bytes, infoAt, info);
  view.setInt32(infoAt + 696, oldState, true);
  return bytes;
}

/** `SteamNetAuthenticationStatus_t` (260 bytes). */
export function authenticationStatusBytes(available: number, message: string): Uint8Array {
  const bytes = new Uint8Array(260);
  new DataView(bytes.buffer).setInt32(0, available, true);
  cString(bytes, 4, 256, message);
  return bytes;
}

/** `SteamNetworkingFakeIPResult_t` (160 bytes): m_eResult @0, m_identity @4, m_unIP @140, m_unPorts @144. */
export function fakeIPResultBytes(
  result: number,
  steamId: bigint,
  ipv4: number,
  ports: readonly number[],
): Uint8Array {
  const bytes = new Uint8Array(160);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, result, true);
  writeSteamIdIdentity(bytes, 4, steamId);
  view.setUint32(140, ipv4, true);
  ports.forEach((port, i) => view.setUint16(144 + 2 * i, port, true));
  return bytes;
}

/** `SteamNetworkingMessagesSessionRequest_t` (136 bytes). */
export function sessionRequestBytes(steamId: bigint): Uint8Array {
  return steamIdIdentityBytes(steamId);
}

/** `SteamNetworkingMessagesSessionFailed_t` (696 bytes: m_info @0). */
export function sessionFailedBytes(info: ConnectionInfoFields): Uint8Array {
  const bytes = new Uint8Array(696);
  writeConnectionInfo(bytes, 0, info);
  return bytes;
}

/** 512 bytes that differ everywhere from zero and from each other's neighbours. */
export function patternLocation(seed: number): Uint8Array {
  return Uint8Array.from({ length: 512 }, (_, i) => ((i * 31 + seed * 7) % 251) + 1);
}
