import { measureRounds } from './measure.js';
import { TINY_MEASURE } from '../test-support/tiny.js';

describe('measureRounds', () => {
  it('gives every workload one positive figure per round and runs afterEach outside run', () => {
    let runs = 0;
    let cleared = 0;
    const figures = measureRounds(
      [
        {
          name: 'a',
          opsPerRun: 10,
          run: () => {
            for (let i = 0; i < 1000; i++) runs++;
          },
          afterEach: () => {
            cleared++;
          },
        },
        { name: 'b', opsPerRun: 1, run: () => void runs++ },
      ],
      { ...TINY_MEASURE, rounds: 3 },
    );
    expect([...figures.keys()]).toEqual(['a', 'b']);
    for (const rounds of figures.values()) {
      expect(rounds).toHaveLength(3);
      for (const ns of rounds) expect(ns).toBeGreaterThanOrEqual(0);
    }
    expect(figures.get('a')!.some((ns) => ns > 0)).toBe(true);
    expect(cleared).toBeGreaterThan(0);
    expect(runs).toBeGreaterThan(0);
  });

  it('names the workload that threw', () => {
    expect(() =>
      measureRounds(
        [
          {
            name: 'broken',
            opsPerRun: 1,
            run: () => {
              throw new Error('boom');
            },
          },
        ],
        TINY_MEASURE,
      ),
    ).toThrow(/broken/);
  });

  it('refuses two workloads of one name, and a batch of no operations', () => {
    const run = (): void => {};
    expect(() =>
      measureRounds(
        [
          { name: 'x', opsPerRun: 1, run },
          { name: 'x', opsPerRun: 1, run },
        ],
        TINY_MEASURE,
      ),
    ).toThrow(/two workloads/);
    expect(() => measureRounds([{ name: 'y', opsPerRun: 0, run }], TINY_MEASURE)).toThrow(
      RangeError,
    );
  });
});
