/**
 * What a backend that measures its own pings (the beacons) offers beyond GodotSteam's surface:
 * per-POP statistics that players ask for besides ping (loss, jitter, the spread), and a way to
 * wait for the measurement in flight. Reached through the port by its key:
 *
 * ```ts
 * const measurements = networkingUtils.capability(PopMeasurementsCapability);
 * for (const pop of measurements?.statistics() ?? []) console.log(pop.code, pop.medianMs, pop.loss);
 * ```
 */
import { backendCapability } from './backend-capability.js';

/** Per-POP statistics, a Relaylane addition beyond GodotSteam's surface. */
export interface PopStatistics {
  /** The POP's code. */
  readonly code: string;
  /** The POP's id (`popIdFromCode(code)`). */
  readonly popId: number;
  /** The current ping: the median of the last round's answered probes, ms; undefined when down or unmeasured. */
  readonly pingMs: number | undefined;
  /** The median over the window's answered probes, ms (undefined: none answered). */
  readonly medianMs: number | undefined;
  /** The 90th percentile over the window's answered probes, ms (nearest rank). */
  readonly p90Ms: number | undefined;
  /** The fraction of the window's probes that were lost, 0 to 1 (0 with no probes). */
  readonly loss: number;
  /** The mean absolute difference between consecutive answered probes, ms (RFC 3550's idea). */
  readonly jitterMs: number | undefined;
  /** How many probes the window holds. */
  readonly samples: number;
  /** True when the last round had no answer: `getDirectPingToPOP` gives FAILED. */
  readonly down: boolean;
}

/** See the file comment. */
export interface PopMeasurements {
  /** Each POP's statistics, in the network's order (empty until the network config is read). */
  statistics(): PopStatistics[];
  /** The transport the probes go over (`'websocket'`, `'udp+websocket'`). */
  readonly transportName: string;
  /**
   * Resolves when no fetch or round is in flight; what they brought is taken in by the backend's
   * next call (`runCallbacks()` or a query). For scripts and tests that wait for real replies.
   */
  whenIdle(): Promise<void>;
}

/** The key of {@link PopMeasurements}. */
export const PopMeasurementsCapability = backendCapability<PopMeasurements>('pop-measurements');
