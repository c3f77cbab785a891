/**
 * How a simulated host reaches the internet, and what that adds to every round trip: the access
 * (last-mile) latency, the jitter of individual probes and their loss rate.
 *
 * The ranges are typical figures for each technology's idle latency to the first IP hop, not
 * fitted to any dataset: fibre-to-the-home 1–3 ms, DOCSIS cable 5–10 ms, DSL (interleaving) 10–25
 * ms, 4G/5G mobile 25–50 ms, and a host inside a data centre (a dedicated server) 0–0.5 ms.
 */

/** A host's access technology. */
export type ConnectionType = 'datacenter' | 'fiber' | 'cable' | 'dsl' | 'mobile';

/** The latency and loss a connection type adds. */
export interface ConnectionProfile {
  /** The smallest access round trip a host of this type has, in ms. */
  readonly minAccessRttMs: number;
  /** The largest access round trip a host of this type has, in ms. */
  readonly maxAccessRttMs: number;
  /** Mean of the (exponentially distributed) queueing delay added to each probe, in ms. */
  readonly jitterMeanMs: number;
  /** Probability that a probe is lost on the access link. */
  readonly lossRate: number;
}

/** The profile of every connection type. Each host draws its access RTT once, uniformly in range. */
export const CONNECTION_PROFILES: Readonly<Record<ConnectionType, ConnectionProfile>> =
  Object.freeze({
    datacenter: Object.freeze({
      minAccessRttMs: 0,
      maxAccessRttMs: 0.5,
      jitterMeanMs: 0.2,
      lossRate: 0.001,
    }),
    fiber: Object.freeze({
      minAccessRttMs: 1,
      maxAccessRttMs: 3,
      jitterMeanMs: 0.5,
      lossRate: 0.002,
    }),
    cable: Object.freeze({
      minAccessRttMs: 5,
      maxAccessRttMs: 10,
      jitterMeanMs: 2,
      lossRate: 0.005,
    }),
    dsl: Object.freeze({ minAccessRttMs: 10, maxAccessRttMs: 25, jitterMeanMs: 3, lossRate: 0.01 }),
    mobile: Object.freeze({
      minAccessRttMs: 25,
      maxAccessRttMs: 50,
      jitterMeanMs: 8,
      lossRate: 0.02,
    }),
  });

/** Every connection type, fastest first. */
export const CONNECTION_TYPES: readonly ConnectionType[] = Object.freeze([
  'datacenter',
  'fiber',
  'cable',
  'dsl',
  'mobile',
]);

/** True when `value` names a connection type (for parsing console input). */
export function isConnectionType(value: string): value is ConnectionType {
  return (CONNECTION_TYPES as readonly string[]).includes(value);
}
