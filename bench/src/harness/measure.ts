/**
 * Timing through tinybench: each workload is a tinybench task, every round is a fresh `Bench`
 * over all the workloads of one measure, and a round's figure is tinybench's median sample
 * divided by the operations one call performs.
 *
 * Operations that take nanoseconds are timed in batches (`opsPerRun` per call): a single call
 * would be shorter than the timer's resolution and the cost of reading it. The batch is a plain
 * loop inside the task; tinybench still takes the samples, the warm-up and the statistics.
 */
import { Bench, type Task } from 'tinybench';

/** One piece of work to time. */
export interface Workload {
  /** Unique among the workloads measured together. */
  readonly name: string;
  /** Performs `opsPerRun` operations. */
  readonly run: () => void;
  /** How many operations one `run()` performs (>= 1). */
  readonly opsPerRun: number;
  /** Runs after every timed call, outside the timing (e.g. to clear a native call log). */
  readonly afterEach?: () => void;
}

/** How long and how often to measure. */
export interface MeasureOptions {
  /** Independent rounds; the report takes the median over them. */
  readonly rounds: number;
  /** tinybench's time budget per workload and round, ms. */
  readonly timeMs: number;
  /** tinybench's warm-up budget per workload and round, ms (0: no warm-up). */
  readonly warmupMs: number;
  /** The fewest timed calls per workload and round (tinybench's `iterations`; default 8). */
  readonly minIterations?: number;
}

/** Nanoseconds per operation of each workload, one figure per round, by workload name. */
export type RoundFigures = Map<string, number[]>;

/**
 * Measures every workload in `options.rounds` rounds. Within a round the workloads run one after
 * the other; odd rounds run them in reverse order, so no workload always runs first.
 *
 * @throws Error with the workload's name when a workload throws or tinybench gives no statistics;
 *   RangeError for duplicate names or options out of range.
 */
export function measureRounds(
  workloads: readonly Workload[],
  options: MeasureOptions,
): RoundFigures {
  checkOptions(workloads, options);
  const figures: RoundFigures = new Map(workloads.map((w) => [w.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.timeMs,
      iterations: options.minIterations ?? 8,
      warmup: options.warmupMs > 0,
      warmupTime: options.warmupMs,
      warmupIterations: options.warmupMs > 0 ? 4 : 0,
      timestampProvider: 'hrtimeNow',
      throws: false,
    });
    const order = round % 2 === 0 ? workloads : [...workloads].reverse();
    for (const workload of order) {
      const afterEach = workload.afterEach;
      bench.add(
        workload.name,
        workload.run,
        afterEach === undefined
          ? {}
          : {
              afterEach: () => {
                afterEach();
              },
            },
      );
    }
    for (const task of bench.runSync()) {
      const workload = workloads.find((w) => w.name === task.name)!;
      figures.get(workload.name)!.push(nanosecondsPerOperation(task, workload.opsPerRun));
    }
  }
  return figures;
}

function nanosecondsPerOperation(task: Task, opsPerRun: number): number {
  const result = task.result;
  if (result.state === 'errored') {
    throw new Error(`Benchmark '${task.name}' threw: ${result.error.message}`, {
      cause: result.error,
    });
  }
  if (result.state !== 'completed') {
    throw new Error(`Benchmark '${task.name}' did not complete (tinybench state ${result.state}).`);
  }
  // Milliseconds per call (tinybench's median sample) to nanoseconds per operation.
  return (result.latency.p50 * 1e6) / opsPerRun;
}

function checkOptions(workloads: readonly Workload[], options: MeasureOptions): void {
  const names = new Set<string>();
  for (const workload of workloads) {
    if (names.has(workload.name)) {
      throw new RangeError(`measureRounds: two workloads are named '${workload.name}'.`);
    }
    names.add(workload.name);
    if (!Number.isInteger(workload.opsPerRun) || workload.opsPerRun < 1) {
      throw new RangeError(
        `measureRounds: workload '${workload.name}' has opsPerRun ${workload.opsPerRun}; give a whole number >= 1.`,
      );
    }
  }
  if (!Number.isInteger(options.rounds) || options.rounds < 1) {
    throw new RangeError(
      `measureRounds: rounds must be a whole number >= 1, got ${options.rounds}.`,
    );
  }
  if (!(options.timeMs >= 0) || !(options.warmupMs >= 0)) {
    throw new RangeError('measureRounds: timeMs and warmupMs must be numbers >= 0.');
  }
}
