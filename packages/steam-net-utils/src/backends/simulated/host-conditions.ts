/**
 * The faults injected into one simulated host, as opposed to the world's (a POP down, every relay
 * unreachable): whether the host is offline and its own packet loss, and what they mean for the
 * relay lifecycle together with the fake loss and lag of the config values.
 */
import { hasInjectedDelay, injectedLossProbability } from './network-faults.js';
import { type SimulationSettings } from './simulation-settings.js';

/** One host's injected conditions. Starts online, without loss. */
export class HostConditions {
  #offline = false;
  #packetLossPercent = 0;

  /** True while the host has no Internet connection. */
  get offline(): boolean {
    return this.#offline;
  }

  /** The host's own packet loss, percent (0–100), on top of the fake loss config values. */
  get packetLossPercent(): number {
    return this.#packetLossPercent;
  }

  /**
   * Takes the connection away (true) or gives it back (false).
   *
   * @returns whether anything changed.
   * @throws TypeError when `offline` is not a boolean.
   */
  setOffline(offline: boolean): boolean {
    if (typeof offline !== 'boolean') {
      throw new TypeError(
        `SimulationControls.setOffline(offline): offline must be true or false, got ${String(offline)}.`,
      );
    }
    if (this.#offline === offline) return false;
    this.#offline = offline;
    return true;
  }

  /**
   * Sets the host's own packet loss.
   *
   * @throws RangeError when `percent` is not a number from 0 to 100.
   */
  setPacketLoss(percent: number): void {
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new RangeError(
        `SimulationControls.setPacketLoss(percent): percent must be a number from 0 to 100, got ${String(percent)}.`,
      );
    }
    this.#packetLossPercent = percent;
  }

  /** The probability (0–1) that a probe or its answer is lost to injected loss. */
  lossProbability(settings: SimulationSettings): number {
    return injectedLossProbability(settings, this.#packetLossPercent);
  }

  /** True when the host can reach the network config service. */
  configReachable(settings: SimulationSettings): boolean {
    return !this.#offline && this.lossProbability(settings) < 1;
  }

  /** True when no injected condition of the host can lose or delay a probe. */
  certain(settings: SimulationSettings): boolean {
    return !this.#offline && this.lossProbability(settings) === 0 && !hasInjectedDelay(settings);
  }
}
