/**
 * The host's side of the relay lifecycle: which POPs a measurement probes, what a probe to one of
 * them meets (the latency model, the world's faults, the host's injected conditions), and where
 * the lifecycle's messages and status changes go.
 */
import { type RelayNetworkStatus } from '../../port/networking-utils-backend.js';
import { type DebugSubsystem } from './debug-messages.js';
import { type HostConditions } from './host-conditions.js';
import { applyInjectedConditions } from './network-faults.js';
import { type LifecycleEnvironment } from './relay-lifecycle.js';
import { type SimulatedWorld, type WorldHost } from './simulated-world.js';
import { type SimulationSettings, type SimulationSettingsCache } from './simulation-settings.js';
import { greatCircleKm, type ProbeOutcome } from './world/index.js';

/** What the environment reads from, and reports to, the host it serves. */
export interface LifecycleHost {
  readonly world: SimulatedWorld;
  readonly host: WorldHost;
  readonly settings: SimulationSettingsCache;
  readonly conditions: HostConditions;
  /** Whether the POP may be used now (up, and in the forced relay cluster when one is set). */
  popUsable(popIndex: number): boolean;
  /** Produces a debug message (the host applies the log levels). */
  debug(type: number, subsystem: DebugSubsystem, message: string): void;
  /** Queues a relay network status change for the game. */
  statusChanged(status: RelayNetworkStatus): void;
}

/** The lifecycle's environment for one host. */
export function createLifecycleEnvironment(source: LifecycleHost): LifecycleEnvironment {
  const { world, host, conditions } = source;
  const model = world.model;
  const settings = (): SimulationSettings => source.settings.current;
  return {
    settings,
    configReachable: () => conditions.configReachable(settings()),
    measurementCandidates: () => {
      const place = host.place;
      const candidates = model.pops
        .map((pop, popIndex) => ({ popIndex, km: greatCircleKm(place, pop) }))
        .filter(
          ({ popIndex }) => source.popUsable(popIndex) && model.pingsDirectly(host.model, popIndex),
        )
        .sort((a, b) => a.km - b.km || a.popIndex - b.popIndex)
        .map(({ popIndex }) => popIndex);
      const limit = settings().probeNearestN;
      return limit > 0 ? candidates.slice(0, limit) : candidates;
    },
    popUsable: (popIndex) => source.popUsable(popIndex),
    probe: (popIndex, probeIndex): ProbeOutcome => {
      const pop = model.pops[popIndex]!;
      if (conditions.offline || world.allRelaysUnreachable || world.isPopDown(pop.id)) {
        return { lost: true };
      }
      const hostModel = host.model;
      const outcome = model.sampleProbe(hostModel, pop.id, probeIndex);
      // One stream per host, POP and probe: the outcome does not depend on the order of probes.
      const random = world.random.fork(`conditions:${hostModel.label}:${pop.code}:${probeIndex}`);
      return applyInjectedConditions(outcome, random, settings(), conditions.packetLossPercent);
    },
    keepaliveCertain: (popIndices) =>
      !world.allRelaysUnreachable &&
      conditions.certain(settings()) &&
      popIndices.every((popIndex) => source.popUsable(popIndex)),
    describeOutage: () => {
      const current = settings();
      if (conditions.offline) return 'the host is offline';
      if (world.allRelaysUnreachable) return 'no relay answers';
      if (conditions.lossProbability(current) >= 1) return '100% packet loss';
      if (current.forcedClusters.length > 0) {
        return `SDRClient_ForceRelayCluster is '${current.forcedClusters.join(',')}'`;
      }
      return 'no relay answered';
    },
    popCode: (popIndex) => model.pops[popIndex]!.code,
    debug: (type, subsystem, message) => source.debug(type, subsystem, message),
    statusChanged: (status) => source.statusChanged(status),
  };
}
