import { NETWORKING_AVAILABILITY_CURRENT } from '@relaylane/steam-net-utils';

import { createTickScenario, FRAME_MS, runEngineTickBenchmark } from './engine-tick.js';
import { TINY_MEASURE } from '../test-support/tiny.js';

describe('engine tick benchmark (smoke)', () => {
  it('ticks a plugin whose simulation has measured, and moves its clock one frame per tick', () => {
    const scenario = createTickScenario();
    try {
      expect(scenario.networkingUtils.getRelayNetworkStatus()).toBe(
        NETWORKING_AVAILABILITY_CURRENT,
      );
      const start = scenario.gameClock.now();
      scenario.tick();
      expect(scenario.gameClock.now() - start).toBeCloseTo(FRAME_MS);
    } finally {
      scenario.dispose();
    }
  });

  it('compares the tick with the empty render in one row', () => {
    const [row, ...rest] = runEngineTickBenchmark({ measure: TINY_MEASURE, ticksPerRun: 2 });
    expect(rest).toHaveLength(0);
    expect(row!.baseline!.label).toContain('scene.render');
    expect(row!.ratio).toBeGreaterThan(0);
  });
});
