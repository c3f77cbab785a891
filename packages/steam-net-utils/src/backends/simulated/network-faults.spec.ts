import {
  applyInjectedConditions,
  injectedLossProbability,
  sampleFakeJitter,
} from './network-faults.js';
import { DEFAULT_SIMULATION_SETTINGS, type SimulationSettings } from './simulation-settings.js';
import { SeededRandom } from './world/index.js';

function settings(overrides: Partial<SimulationSettings>): SimulationSettings {
  return { ...DEFAULT_SIMULATION_SETTINGS, ...overrides };
}

describe('injectedLossProbability', () => {
  it('combines the send, receive and host losses as independent drops', () => {
    const p = injectedLossProbability(settings({ lossSendPercent: 50, lossRecvPercent: 50 }), 50);
    expect(p).toBeCloseTo(1 - 0.125, 12);
  });

  it('is 0 with nothing injected and 1 when any loss is 100%', () => {
    expect(injectedLossProbability(DEFAULT_SIMULATION_SETTINGS, 0)).toBe(0);
    expect(injectedLossProbability(settings({ lossRecvPercent: 100 }), 0)).toBe(1);
  });
});

describe('sampleFakeJitter', () => {
  it('is 0 when the average is 0 or the odds are 0', () => {
    expect(sampleFakeJitter(new SeededRandom(1), { averageMs: 0, maxMs: 100, percent: 100 })).toBe(
      0,
    );
    expect(sampleFakeJitter(new SeededRandom(1), { averageMs: 50, maxMs: 100, percent: 0 })).toBe(
      0,
    );
  });

  it('never exceeds the maximum and averages about the mean when uncapped', () => {
    const random = new SeededRandom(2);
    let sum = 0;
    for (let i = 0; i < 2000; i++) {
      const jitter = sampleFakeJitter(random, { averageMs: 10, maxMs: 1000, percent: 100 });
      expect(jitter).toBeGreaterThanOrEqual(0);
      sum += jitter;
    }
    expect(sum / 2000).toBeGreaterThan(9);
    expect(sum / 2000).toBeLessThan(11);
    for (let i = 0; i < 200; i++) {
      expect(
        sampleFakeJitter(random, { averageMs: 50, maxMs: 20, percent: 100 }),
      ).toBeLessThanOrEqual(20);
    }
  });
});

describe('applyInjectedConditions', () => {
  it('adds both lags to an answered probe', () => {
    const outcome = applyInjectedConditions(
      { lost: false, rttMs: 12 },
      new SeededRandom(3),
      settings({ lagSendMs: 20, lagRecvMs: 30 }),
      0,
    );
    expect(outcome).toEqual({ lost: false, rttMs: 62 });
  });

  it('keeps a lost probe lost, and loses every probe at 100% loss', () => {
    expect(
      applyInjectedConditions({ lost: true }, new SeededRandom(3), DEFAULT_SIMULATION_SETTINGS, 0),
    ).toEqual({ lost: true });
    expect(
      applyInjectedConditions(
        { lost: false, rttMs: 5 },
        new SeededRandom(3),
        DEFAULT_SIMULATION_SETTINGS,
        100,
      ),
    ).toEqual({ lost: true });
  });

  it('is deterministic for a stream', () => {
    const s = settings({
      lossSendPercent: 40,
      jitterSend: { averageMs: 5, maxMs: 50, percent: 60 },
    });
    const a = applyInjectedConditions({ lost: false, rttMs: 9 }, new SeededRandom('x'), s, 10);
    const b = applyInjectedConditions({ lost: false, rttMs: 9 }, new SeededRandom('x'), s, 10);
    expect(a).toEqual(b);
  });
});
