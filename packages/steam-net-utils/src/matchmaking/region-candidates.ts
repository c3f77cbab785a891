/**
 * The data centers a region selector chooses from: every POP the relay network has listed, with
 * the best relayed ping to it (`getPingToDataCenter`), in a deterministic best-first order. Where
 * the backend measures loss (`PopMeasurementsCapability`, the beacons), a selector may weigh it:
 * a candidate's score is its ping plus a penalty per percentage point of loss, so a lossy region
 * ranks as if it were that much farther ("80 ms and 0 % loss is more playable than 30 ms and 10 %").
 */
import { NETWORKING_PING_FAILED } from '../constants/index.js';
import { popCodeFromId } from '../estimator/pop-id.js';

/** One data center as the selector sees it. */
export interface RegionCandidate {
  /** The POP id (`SteamNetworkingPOPID`). */
  readonly popId: number;
  /** Its code, e.g. `'fra'`. */
  readonly code: string;
  /** The best relayed ping in ms, or `NETWORKING_PING_FAILED` / `NETWORKING_PING_UNKNOWN`. */
  readonly ping: number;
  /** The POP whose relay the best route enters through; 0 without a route. */
  readonly relayPopId: number;
  /** Whether it can be chosen: listed by the relay network now, with a ping (>= 0). */
  readonly reachable: boolean;
  /** The fraction of recent probes lost, 0 to 1, where the backend measures it; else undefined. */
  readonly loss: number | undefined;
  /** What the order compares: the ping, plus the loss penalty (equal to the ping without one). */
  readonly score: number;
}

/** The region a selector has chosen. */
export interface RegionChoice {
  readonly popId: number;
  readonly code: string;
  /** Its ping in ms as last read (negative only for a pinned POP that is not reachable). */
  readonly ping: number;
  /** The POP whose relay the route enters through; 0 without a route. */
  readonly relayPopId: number;
  /** True when chosen by `pin()`, false when chosen automatically. */
  readonly pinned: boolean;
}

/** What reading the candidates needs: two of GodotSteam's methods (`NetworkingUtils` has them). */
export interface DataCenterPingSource {
  /** Every POP id the relay network lists. */
  getPOPList(): number[];
  /** The best route's ping to a POP, and the POP it enters the relay network at. */
  getPingToDataCenter(pop_id: number): { pop_relay: number; ping: number };
}

/** The loss of a POP (0 to 1) by id, where the backend measures it. */
export type PopLossSource = (popId: number) => number | undefined;

/** The candidates, best first, and the codes of the POPs that cannot be reached. */
export interface CandidateReading {
  readonly candidates: readonly RegionCandidate[];
  readonly unreachable: readonly string[];
}

/**
 * The deterministic order of candidates: reachable ones first, by score (the ping, plus any loss
 * penalty) ascending, then by code
 * (plain code-unit order, no locale); then the others by code. It never returns 0 for two
 * different POPs, so the best pick never depends on the order the POP list came in.
 */
export function compareCandidates(a: RegionCandidate, b: RegionCandidate): number {
  if (a.reachable !== b.reachable) return a.reachable ? -1 : 1;
  if (a.reachable && a.score !== b.score) return a.score - b.score;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.popId - b.popId;
}

/**
 * Reads every known POP's ping. `known` remembers each POP listed so far (id to code) and gains
 * the newly listed ones: a POP that drops out of the list (in the simulation, a POP that is down)
 * stays a candidate, unreachable, so it can be reported.
 *
 * A POP is unreachable, and its code in `unreachable` (sorted), when it is no longer listed or its
 * ping is `NETWORKING_PING_FAILED`. A listed POP whose ping is `NETWORKING_PING_UNKNOWN` (not
 * measured yet) is not reachable either, but is not reported: nothing failed.
 *
 * With `lossPenaltyMs` > 0 and a `lossOf` that knows a POP's loss, its score is
 * `ping + lossPenaltyMs × loss percentage`; otherwise the score is the ping.
 */
export function readCandidates(
  source: DataCenterPingSource,
  known: Map<number, string>,
  lossOf: PopLossSource = () => undefined,
  lossPenaltyMs = 0,
): CandidateReading {
  const listed = new Set(source.getPOPList());
  for (const popId of listed) {
    if (!known.has(popId)) known.set(popId, popCodeFromId(popId));
  }
  const candidates: RegionCandidate[] = [];
  const unreachable: string[] = [];
  for (const [popId, code] of known) {
    const { ping, pop_relay } = source.getPingToDataCenter(popId);
    const isListed = listed.has(popId);
    const reachable = isListed && ping >= 0;
    const loss = lossOf(popId);
    const penalty = lossPenaltyMs > 0 && loss !== undefined ? lossPenaltyMs * loss * 100 : 0;
    candidates.push({
      popId,
      code,
      ping,
      relayPopId: reachable ? pop_relay : 0,
      reachable,
      loss,
      score: ping + penalty,
    });
    if (!isListed || ping === NETWORKING_PING_FAILED) unreachable.push(code);
  }
  candidates.sort(compareCandidates);
  unreachable.sort();
  return { candidates, unreachable };
}
