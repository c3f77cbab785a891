/**
 * One measurement round: a few probes to every beacon the transport can reach, one after another
 * per beacon and a few beacons at a time (PlayFab's SDK pings 4 regions in parallel), so a round
 * never floods the player's uplink. Steam's fake lag and loss config values apply to the probes:
 * a probe "lost" by the fake loss is not sent, and the fake lag is added to every round trip.
 */
import { type BeaconAddress, type ProbeTransport } from '../../port/probe-transport.js';

/** How a round probes; every field is checked by the options' reader. */
export interface ProbeRoundSettings {
  /** Probes per beacon per round. */
  readonly probesPerBeacon: number;
  /** How long one probe may take, ms of real time. */
  readonly probeTimeoutMs: number;
  /** How many beacons are probed at the same time. */
  readonly parallelBeacons: number;
}

/** Steam's fake network conditions, read when the round starts. */
export interface FakeConditions {
  /** Added to each round trip: `FakePacketLag_Send` + `FakePacketLag_Recv`, ms. */
  readonly lagMs: number;
  /** The chance that a probe or its echo is lost, 0 to 1 (from `FakePacketLoss_Send`/`_Recv`). */
  readonly loss: number;
  /** Uniform in [0, 1): decides the fake losses. */
  readonly random: () => number;
}

/** Each probed beacon's round trips in the order sent, NaN for a lost probe. */
export type RoundOutcomes = ReadonlyMap<BeaconAddress, readonly number[]>;

/**
 * Probes every beacon of `beacons` that `transport` can reach; settles when all have finished
 * (within about `probesPerBeacon × probeTimeoutMs` per group of `parallelBeacons`). Never rejects.
 */
export async function runProbeRound(
  beacons: readonly BeaconAddress[],
  transport: ProbeTransport,
  settings: ProbeRoundSettings,
  fake: FakeConditions,
): Promise<RoundOutcomes> {
  const outcomes = new Map<BeaconAddress, number[]>();
  const queue = beacons.filter((beacon) => transport.canReach(beacon));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const beacon = queue[next++]!;
      const measured: number[] = [];
      for (let k = 0; k < settings.probesPerBeacon; k++) {
        if (fake.loss > 0 && fake.random() < fake.loss) {
          measured.push(NaN);
          continue;
        }
        const outcome = await transport.probe(beacon, settings.probeTimeoutMs);
        measured.push(outcome.ok ? outcome.rttMs + fake.lagMs : NaN);
      }
      outcomes.set(beacon, measured);
    }
  };
  const workers = Math.max(1, Math.min(settings.parallelBeacons, queue.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}
