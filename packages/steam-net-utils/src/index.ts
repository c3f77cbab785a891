// @relaylane/steam-net-utils — browser-safe main entry point.
// Every constant and enum of GodotSteam's Networking Utils reference, Steam's EResult values and
// the table of networking config values.
export * from './constants/index.js';
