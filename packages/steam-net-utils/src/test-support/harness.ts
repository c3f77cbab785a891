/**
 * What the backend-independent test suites (the contract and the fuzz test) are given: a service
 * over some backend, and a way to move that backend's time on (a `ManualClock` for the simulation,
 * the test double's clock for the Steam backend). Moving time never delivers anything by itself:
 * the suites call `service.runCallbacks()` as a host loop would.
 */
import { NETWORKING_AVAILABILITY_CURRENT } from '../constants/index.js';
import { type NetworkingUtils } from '../service/networking-utils.js';

/** A service and its backend's time. */
export interface NetworkingUtilsHarness {
  readonly service: NetworkingUtils;
  /** Moves the backend's time on by `ms` milliseconds, delivering nothing. */
  advance(ms: number): void;
  /**
   * Optional, for a backend that measures real round trips (the beacons): waits, bounded, for the
   * replies in flight, so that the next `runCallbacks()` takes them in.
   */
  readonly settle?: (() => Promise<void>) | undefined;
}

/** Makes a fresh harness: a new service over a new backend. */
export type MakeNetworkingUtilsHarness = () => NetworkingUtilsHarness;

/** The frame length `bringUp` steps time by. */
export const BRING_UP_STEP_MS = 250;
/** How long `bringUp` waits for the relay network before failing (simulated time). */
export const BRING_UP_LIMIT_MS = 120_000;

/** Whether the relay network is ready: status CURRENT, local ping data and POPs known. */
export function isRelayNetworkReady(service: NetworkingUtils): boolean {
  return (
    service.getRelayNetworkStatus() === NETWORKING_AVAILABILITY_CURRENT &&
    service.getLocalPingLocation().age >= 0 &&
    service.getPOPCount() > 0
  );
}

/**
 * Calls `initRelayNetworkAccess()`, then runs frames (advance {@link BRING_UP_STEP_MS}, then
 * `runCallbacks()`) until the relay network is ready.
 *
 * @returns the simulated milliseconds it took.
 * @throws Error when the network is not ready after {@link BRING_UP_LIMIT_MS}.
 */
export function bringUp(harness: NetworkingUtilsHarness): number {
  const { service } = harness;
  service.initRelayNetworkAccess();
  for (let elapsed = 0; elapsed < BRING_UP_LIMIT_MS;) {
    harness.advance(BRING_UP_STEP_MS);
    elapsed += BRING_UP_STEP_MS;
    service.runCallbacks();
    if (isRelayNetworkReady(service)) {
      return elapsed;
    }
  }
  throw new Error(
    `The relay network was not ready after ${BRING_UP_LIMIT_MS} ms: status ` +
      `${JSON.stringify(service.getRelayNetworkStatusDetails())}, local ping age ` +
      `${service.getLocalPingLocation().age}, ${service.getPOPCount()} POPs`,
  );
}

/**
 * {@link bringUp} for any backend: for a harness with `settle`, each frame also waits for the
 * replies in flight (real time) before `runCallbacks()`.
 */
export async function bringUpSettled(harness: NetworkingUtilsHarness): Promise<number> {
  const settle = harness.settle;
  if (settle === undefined) return bringUp(harness);
  const { service } = harness;
  service.initRelayNetworkAccess();
  for (let elapsed = 0; elapsed < BRING_UP_LIMIT_MS;) {
    harness.advance(BRING_UP_STEP_MS);
    elapsed += BRING_UP_STEP_MS;
    await settle();
    service.runCallbacks();
    if (isRelayNetworkReady(service)) return elapsed;
  }
  throw new Error(
    `The relay network was not ready after ${BRING_UP_LIMIT_MS} ms: status ` +
      `${JSON.stringify(service.getRelayNetworkStatusDetails())}`,
  );
}
