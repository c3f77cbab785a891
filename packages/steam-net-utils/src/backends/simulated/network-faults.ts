/**
 * What injected faults do to one ping probe: the host's own packet loss (`setPacketLoss`) and
 * the fake packet loss, lag and jitter of the config values, on top of the latency model's
 * natural jitter and loss. World faults (a POP down, every relay unreachable) and the host being
 * offline lose the probe before any of this.
 */
import { type FakeJitter, type SimulationSettings } from './simulation-settings.js';
import { type ProbeOutcome, type SeededRandom } from './world/index.js';

/** The probability (0–1) that the injected loss drops a probe or its answer. */
export function injectedLossProbability(
  settings: SimulationSettings,
  hostLossPercent: number,
): number {
  const survive =
    (1 - settings.lossSendPercent / 100) *
    (1 - settings.lossRecvPercent / 100) *
    (1 - hostLossPercent / 100);
  return Math.min(1, Math.max(0, 1 - survive));
}

/** True when some injected setting delays probes (fake lag or fake jitter). */
export function hasInjectedDelay(settings: SimulationSettings): boolean {
  return (
    settings.lagSendMs > 0 ||
    settings.lagRecvMs > 0 ||
    settings.jitterSend.averageMs > 0 ||
    settings.jitterRecv.averageMs > 0
  );
}

/**
 * One direction's fake jitter, as Steam describes it: with `percent` % odds, an exponential delay
 * of mean `averageMs`, capped at `maxMs`; otherwise 0. Always draws the same two numbers, so the
 * stream's later draws do not depend on the outcome.
 */
export function sampleFakeJitter(random: SeededRandom, jitter: FakeJitter): number {
  const applies = random.chance(jitter.percent / 100);
  const delay = random.nextExponential(jitter.averageMs);
  if (jitter.averageMs <= 0 || !applies) return 0;
  return Math.min(jitter.maxMs, delay);
}

/**
 * Applies the injected loss, lag and jitter to a probe the model answered. `random` is the
 * probe's own stream (one per host, POP and probe index), so the result does not depend on the
 * order probes are sent in. A probe the model lost stays lost.
 */
export function applyInjectedConditions(
  outcome: ProbeOutcome,
  random: SeededRandom,
  settings: SimulationSettings,
  hostLossPercent: number,
): ProbeOutcome {
  if (outcome.lost) return outcome;
  const lost = random.chance(injectedLossProbability(settings, hostLossPercent));
  const jitter =
    sampleFakeJitter(random, settings.jitterSend) + sampleFakeJitter(random, settings.jitterRecv);
  if (lost) return { lost: true };
  // Lag and jitter only add time: a probe never gets faster than the model says.
  return {
    lost: false,
    rttMs: outcome.rttMs + settings.lagSendMs + settings.lagRecvMs + jitter,
  };
}
