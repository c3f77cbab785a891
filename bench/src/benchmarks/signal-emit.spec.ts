import { runSignalEmitBenchmark, signalEmitWorkloads } from './signal-emit.js';
import { sink } from '../harness/sink.js';
import { TINY_MEASURE } from '../test-support/tiny.js';

describe('signal emit benchmark (smoke)', () => {
  it('calls every listener of all three emitters once per emit, with the arguments', () => {
    const before = sink.total;
    for (const workload of signalEmitWorkloads(10, 3, 2)) workload.run();
    // 3 emitters x 2 emits x 10 listeners x (1 + 2 + 3).
    expect(sink.total - before).toBe(3 * 2 * 10 * 6);
  });

  it('gives a row against EventEmitter and one against tseep per arity', () => {
    const rows = runSignalEmitBenchmark({
      measure: TINY_MEASURE,
      emitsPerRun: 10,
      listenerCounts: [1],
    });
    expect(rows.map((row) => row.id)).toEqual([
      'signal-emit/1-listeners/0-args/vs-event-emitter',
      'signal-emit/1-listeners/0-args/vs-tseep',
      'signal-emit/1-listeners/3-args/vs-event-emitter',
      'signal-emit/1-listeners/3-args/vs-tseep',
    ]);
    for (const row of rows) {
      expect(row.subject.rounds).toHaveLength(1);
      expect(row.ratio).toBeGreaterThan(0);
      expect(typeof row.met).toBe('boolean');
    }
  });
});
