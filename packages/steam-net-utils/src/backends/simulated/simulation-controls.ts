/**
 * What the simulated relay network offers beyond GodotSteam's surface: moving the simulated
 * player, injecting the host's faults, requesting a FakeIP, and reading the simulation's state
 * without side effects. A game reaches it through the service, whatever the backend:
 *
 * ```ts
 * const controls = networkingUtils.capability(SimulationControlsCapability);
 * if (controls !== undefined) controls.moveTo('Sydney');
 * ```
 *
 * The world's own faults (a POP down, every relay unreachable) are on `controls.world`.
 */
import { backendCapability } from '../../port/backend-capability.js';
import { type RelayNetworkStatus } from '../../port/networking-utils-backend.js';
import { type HostLocation } from './host-location.js';
import { type SimulatedWorld, type WorldHost } from './simulated-world.js';

/** The simulated host's controls (see the file comment). */
export interface SimulationControls {
  /** The world the host lives in, shared with the other simulated hosts (lobbies, a second player). */
  readonly world: SimulatedWorld;
  /** The host in the world: its label, place and connection. */
  readonly host: WorldHost;
  /** The host's SteamID64 (its FakeIP requests are made for it). */
  readonly steamId: bigint;
  /** True while the host is offline (see {@link setOffline}). */
  readonly offline: boolean;
  /** The host's own packet loss, percent (see {@link setPacketLoss}). */
  readonly packetLossPercent: number;
  /** The simulated time the host has been advanced to, ms of its clock. */
  readonly now: number;
  /** How many events wait for the next `runCallbacks`, after advancing to now. */
  readonly pendingEventCount: number;

  /**
   * Moves the host (the player travels, or switches networks): new base round trips and access
   * latency; the probe history is forgotten and, once the network config is at hand, the host
   * measures again at once. Until that measurement is done, the previous location stays (and
   * ages), as Steam keeps its last data.
   *
   * @throws RangeError for an unknown city or coordinates off the globe.
   */
  moveTo(location: HostLocation): void;

  /**
   * Takes the host's Internet connection away (true) or gives it back (false). Offline, the
   * network config cannot be fetched and no probe is answered; the relay lifecycle notices
   * through its attempts and keepalives. Coming back online changes nothing by itself: the next
   * use of the relay network retries.
   *
   * @throws TypeError when `offline` is not a boolean.
   */
  setOffline(offline: boolean): void;

  /**
   * Drops `percent` % of the host's ping probes and answers, on top of the `FakePacketLoss_*`
   * config values. 100 loses everything, as if every relay were unreachable.
   *
   * @throws RangeError when `percent` is not a number from 0 to 100.
   */
  setPacketLoss(percent: number): void;

  /**
   * `BeginAsyncRequestFakeIP(portCount)` for this host's SteamID: the world allocates after
   * `FAKE_IP_REQUEST_MS` of simulated time, and the result becomes a `fake_ip_result` signal if
   * `setGlobalCallbackFakeIPResult()` is in effect then. Returns false, doing nothing, while a
   * request is in progress; true when one was started.
   *
   * @throws RangeError when `portCount` is not an integer (out-of-range counts are answered with
   *   `RESULT_INVALID_PARAM`, as Steam does).
   */
  beginAsyncRequestFakeIP(portCount: number): boolean;

  /** The relay status at the clock's now, without counting as a query (no retry starts). */
  peekRelayNetworkStatus(): RelayNetworkStatus;
}

/** The key of {@link SimulationControls}. */
export const SimulationControlsCapability =
  backendCapability<SimulationControls>('simulation-controls');
