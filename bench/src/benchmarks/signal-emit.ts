/**
 * `Signal.emit` against Node's `EventEmitter.emit` and tseep's, with the same listener functions
 * (1 and 10 listeners, 0 and 3 arguments). Targets: at least as fast as `EventEmitter`
 * (ratio <= 1) and at least 0.67 times tseep's speed (ratio <= 1 / 0.67).
 */
import { EventEmitter } from 'node:events';

import { Signal } from '@relaylane/core';
import { EventEmitter as TseepEmitter } from 'tseep';

import { type MeasureOptions, measureRounds, type Workload } from '../harness/measure.js';
import { sink } from '../harness/sink.js';
import { comparisonRow, figure, type ResultRow } from '../report/results.js';

/** Sizes of the signal benchmark. */
export interface SignalEmitOptions {
  readonly measure: MeasureOptions;
  /** Emits per timed call. */
  readonly emitsPerRun: number;
  /** The listener counts to measure (default 1 and 10). */
  readonly listenerCounts?: readonly number[];
}

/** The slowest ratio to tseep that still meets "at least 0.67x tseep's speed". */
export const MAX_RATIO_TO_TSEEP = 1 / 0.67;

type ThreeArgs = [a: number, b: number, c: number];

const SMALL_INTEGER_MASK = 0x3fffffff;

/**
 * `count` distinct listener functions of `arity` parameters, all adding to the sink. The sum is
 * kept below 2^30 so it stays a small integer: past that every listener call would store a boxed
 * number, and the rows would time the counter instead of the emit (the same for every emitter).
 */
function makeListeners(count: number, arity: 0 | 3): ((...args: number[]) => void)[] {
  const listeners: ((...args: number[]) => void)[] = [];
  for (let i = 0; i < count; i++) {
    listeners.push(
      arity === 0
        ? () => {
            sink.total = (sink.total + 1) & SMALL_INTEGER_MASK;
          }
        : (a: number, b: number, c: number) => {
            sink.total = (sink.total + a + b + c) & SMALL_INTEGER_MASK;
          },
    );
  }
  return listeners;
}

/** The three emitters with the same listeners, as workloads of `emits` emits each. */
export function signalEmitWorkloads(
  listenerCount: number,
  arity: 0 | 3,
  emits: number,
): Workload[] {
  const listeners = makeListeners(listenerCount, arity);
  const node = new EventEmitter();
  node.setMaxListeners(listenerCount + 1);
  const tseep = new TseepEmitter<{ tick: (...args: number[]) => void }>();
  tseep.setMaxListeners(listenerCount + 1);
  for (const listener of listeners) {
    node.on('tick', listener);
    tseep.on('tick', listener);
  }
  if (arity === 0) {
    const signal = new Signal('tick');
    for (const listener of listeners) signal.connect(listener);
    return [
      {
        name: 'Signal.emit',
        opsPerRun: emits,
        run: () => {
          for (let i = 0; i < emits; i++) signal.emit();
        },
      },
      {
        name: 'EventEmitter.emit',
        opsPerRun: emits,
        run: () => {
          for (let i = 0; i < emits; i++) node.emit('tick');
        },
      },
      {
        name: 'tseep emit',
        opsPerRun: emits,
        run: () => {
          for (let i = 0; i < emits; i++) tseep.emit('tick');
        },
      },
    ];
  }
  const signal = new Signal<ThreeArgs>('tick');
  for (const listener of listeners) signal.connect(listener);
  return [
    {
      name: 'Signal.emit',
      opsPerRun: emits,
      run: () => {
        for (let i = 0; i < emits; i++) signal.emit(1, 2, 3);
      },
    },
    {
      name: 'EventEmitter.emit',
      opsPerRun: emits,
      run: () => {
        for (let i = 0; i < emits; i++) node.emit('tick', 1, 2, 3);
      },
    },
    {
      name: 'tseep emit',
      opsPerRun: emits,
      run: () => {
        for (let i = 0; i < emits; i++) tseep.emit('tick', 1, 2, 3);
      },
    },
  ];
}

/** Runs the signal benchmark: two rows (vs EventEmitter, vs tseep) per listener count and arity. */
export function runSignalEmitBenchmark(options: SignalEmitOptions): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const listenerCount of options.listenerCounts ?? [1, 10]) {
    for (const arity of [0, 3] as const) {
      const figures = measureRounds(
        signalEmitWorkloads(listenerCount, arity, options.emitsPerRun),
        options.measure,
      );
      const subject = figure('Signal.emit', 'ns/op', figures.get('Signal.emit')!);
      const measure =
        `\`Signal.emit\`, ${listenerCount} listener${listenerCount === 1 ? '' : 's'}, ` +
        `${arity} arguments`;
      const key = `signal-emit/${listenerCount}-listeners/${arity}-args`;
      rows.push(
        comparisonRow({
          id: `${key}/vs-event-emitter`,
          measure,
          subject,
          baseline: figure('EventEmitter.emit', 'ns/op', figures.get('EventEmitter.emit')!),
          maxRatio: 1,
          target: '<= 1 (at least as fast as EventEmitter)',
        }),
        comparisonRow({
          id: `${key}/vs-tseep`,
          measure,
          subject,
          baseline: figure('tseep emit', 'ns/op', figures.get('tseep emit')!),
          maxRatio: MAX_RATIO_TO_TSEEP,
          target: '<= 1.49 (at least 0.67x tseep)',
        }),
      );
    }
  }
  return rows;
}
