/**
 * `@relaylane/steam-net-utils/estimator`: parse Steam's ping-location strings, estimate the ping
 * between two of them and rank lobbies for a player, on a game's backend or in a browser, over
 * Valve's published relay network or a fresh copy of its config. No engine, no simulation and no
 * native code is loaded with it.
 */
export * from './estimator/index.js';
export { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from './constants/networking-ping.js';
