/**
 * Every constant and enum of GodotSteam's Networking Utils reference under its GodotSteam name
 * (`NETWORKING_AVAILABILITY_CURRENT`, ...), the same values grouped per enum
 * (`NetworkingAvailability.CURRENT`), Steam's `Result` codes, correctly spelt aliases of the
 * reference's misspelt names, and the networking config value table.
 */
export * from './config-value-entry.js';
export * from './config-value-table.js';
export * from './constant-groups.js';
export * from './enum-key.js';
export * from './networking-availability.js';
export * from './networking-config-data-type.js';
export * from './networking-config-p2p-transport-ice.js';
export * from './networking-config-scope.js';
export * from './networking-config-value.js';
export * from './networking-connection-end.js';
export * from './networking-connection-info-flags.js';
export * from './networking-connection-state.js';
export * from './networking-constants.js';
export * from './networking-fake-ip-type.js';
export * from './networking-get-config-value-result.js';
export * from './networking-identity-type.js';
export * from './networking-ping.js';
export * from './networking-send.js';
export * from './networking-sockets-debug-output-type.js';
export * from './result.js';
export * from './spelling-aliases.js';
