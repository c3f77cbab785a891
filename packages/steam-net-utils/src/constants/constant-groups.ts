import { type ConstantGroupMembers, enumKeyOf } from './enum-key.js';
import { NetworkingAvailability } from './networking-availability.js';
import { NetworkingConfigDataType } from './networking-config-data-type.js';
import { NetworkingConfigP2PTransportICE } from './networking-config-p2p-transport-ice.js';
import { NetworkingConfigScope } from './networking-config-scope.js';
import { NetworkingConfigValue } from './networking-config-value.js';
import { NetworkingConnectionEnd } from './networking-connection-end.js';
import { NetworkingConnectionInfoFlags } from './networking-connection-info-flags.js';
import { NetworkingConnectionState } from './networking-connection-state.js';
import { NetworkingFakeIPType } from './networking-fake-ip-type.js';
import { NetworkingGetConfigValueResult } from './networking-get-config-value-result.js';
import { NetworkingIdentityType } from './networking-identity-type.js';
import { NetworkingPing } from './networking-ping.js';
import { NetworkingSend } from './networking-send.js';
import { NetworkingSocketsDebugOutputType } from './networking-sockets-debug-output-type.js';
import { Result } from './result.js';

/**
 * One group of constants with the prefix that turns a member key into its GodotSteam name:
 * `prefix + key` is the name of the top-level constant with the member's value
 * (`'NETWORKING_AVAILABILITY_' + 'CURRENT'`).
 */
export interface ConstantGroup<M extends ConstantGroupMembers = ConstantGroupMembers> {
  /** What the GodotSteam name of every member starts with, e.g. `'NETWORKING_AVAILABILITY_'`. */
  readonly prefix: string;
  /** The group object itself, e.g. {@link NetworkingAvailability}. */
  readonly members: M;
}

function group<M extends ConstantGroupMembers>(prefix: string, members: M): ConstantGroup<M> {
  return Object.freeze({ prefix, members });
}

/**
 * Every group of constants by its name: each enum of the reference under its own name
 * (`NetworkingAvailability`, ..., `NetworkingSocketsDebugOutputType`), the families of the
 * reference's Constants table (`NetworkingPing`, `NetworkingSend`, `NetworkingConnectionInfoFlags`,
 * `NetworkingConfigP2PTransportICE`) and Steam's `Result`. Used to print values by name (the dev
 * console) and to check the groups against the reference.
 */
export const CONSTANT_GROUPS = /*#__PURE__*/ Object.freeze({
  NetworkingPing: group('NETWORKING_PING_', NetworkingPing),
  NetworkingSend: group('NETWORKING_SEND_', NetworkingSend),
  NetworkingConnectionInfoFlags: group(
    'NETWORKING_CONNECTION_INFO_FLAG_',
    NetworkingConnectionInfoFlags,
  ),
  NetworkingConfigP2PTransportICE: group(
    'NETWORKING_CONFIG_P2P_TRANSPORT_ICE_',
    NetworkingConfigP2PTransportICE,
  ),
  NetworkingAvailability: group('NETWORKING_AVAILABILITY_', NetworkingAvailability),
  NetworkingConfigScope: group('NETWORKING_CONFIG_SCOPE_', NetworkingConfigScope),
  NetworkingConfigDataType: group('NETWORKING_CONFIG_TYPE_', NetworkingConfigDataType),
  NetworkingConfigValue: group('NETWORKING_CONFIG_', NetworkingConfigValue),
  NetworkingConnectionEnd: group('CONNECTION_END_', NetworkingConnectionEnd),
  NetworkingConnectionState: group('CONNECTION_STATE_', NetworkingConnectionState),
  NetworkingFakeIPType: group('FAKE_IP_TYPE_', NetworkingFakeIPType),
  NetworkingGetConfigValueResult: group(
    'NETWORKING_GET_CONFIG_VALUE_',
    NetworkingGetConfigValueResult,
  ),
  NetworkingIdentityType: group('IDENTITY_TYPE_', NetworkingIdentityType),
  NetworkingSocketsDebugOutputType: group(
    'NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_',
    NetworkingSocketsDebugOutputType,
  ),
  Result: group('RESULT_', Result),
});

/** The name of a group of {@link CONSTANT_GROUPS}, e.g. `'NetworkingAvailability'`. */
export type ConstantGroupName = keyof typeof CONSTANT_GROUPS;

/**
 * The GodotSteam name of `value` in the group `groupName`, for display, or `undefined` when the
 * group has no such value: `constantNameOf('NetworkingAvailability', 100)` is
 * `'NETWORKING_AVAILABILITY_CURRENT'`, `constantNameOf('Result', 42)` is `'RESULT_NO_MATCH'`.
 * Where two names share a value the reference's first one is returned (see {@link enumKeyOf}).
 */
export function constantNameOf(groupName: ConstantGroupName, value: number): string | undefined {
  const { prefix, members } = CONSTANT_GROUPS[groupName];
  const key = enumKeyOf(members, value);
  return key === undefined ? undefined : prefix + key;
}
