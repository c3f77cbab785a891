/** The shape of `bench/results.json`: one row per figure, each with its baseline and target. */
import { median, medianRatio } from '../harness/statistics.js';

/**
 * What a figure counts. `bundle bytes` are bytes too, written in KB of 1,024 bytes, the unit
 * bundle budgets are set in.
 */
export type FigureUnit = 'ns/op' | 'bytes' | 'bundle bytes' | 'callbacks';

/** One measured quantity: its median over rounds, and every round. */
export interface Figure {
  /** What was measured, e.g. `Signal.emit` or `EventEmitter.emit`. */
  readonly label: string;
  readonly unit: FigureUnit;
  /** The median of {@link rounds}. */
  readonly median: number;
  readonly rounds: readonly number[];
}

/** One line of the table. */
export interface ResultRow {
  /** Stable key, e.g. `signal-emit/1-listeners/3-args/vs-event-emitter`. */
  readonly id: string;
  /** The measure column, e.g. `Signal.emit, 10 listeners, 3 arguments`. */
  readonly measure: string;
  readonly subject: Figure;
  /** The figure measured in the same process and rounds to compare with, if the measure has one. */
  readonly baseline?: Figure;
  /** Median over rounds of subject / baseline (lower is better for times and bytes). */
  readonly ratio?: number;
  /** The target, as text. */
  readonly target: string;
  /** Whether the target was met; undefined when the row only reports. */
  readonly met: boolean | undefined;
  /** A short remark shown next to the figure, e.g. a rate or a growth. */
  readonly note?: string;
  /** Extra figures worth keeping (sizes, counts, per-second rates). */
  readonly details?: Readonly<Record<string, number | string | boolean>>;
  /** For a bundle: its largest modules, largest first (printed under the table). */
  readonly largestModules?: {
    /** Which build, e.g. `service, no backend`. */
    readonly build: string;
    readonly modules: readonly ModuleShare[];
  };
}

/** A module's share of a bundle. */
export interface ModuleShare {
  /** `<package>/<path in the package>`, or the entry's file name. */
  readonly id: string;
  /** Its code in the bundle after tree-shaking, before minification. */
  readonly renderedBytes: number;
}

/** Builds a figure from its rounds. */
export function figure(label: string, unit: FigureUnit, rounds: readonly number[]): Figure {
  return { label, unit, median: median(rounds), rounds: [...rounds] };
}

/** A row comparing `subject` with `baseline`: met when the median ratio is at most `maxRatio`. */
export function comparisonRow(fields: {
  readonly id: string;
  readonly measure: string;
  readonly subject: Figure;
  readonly baseline: Figure;
  /** Undefined: the row reports the ratio without a target. */
  readonly maxRatio: number | undefined;
  readonly target: string;
  readonly details?: Readonly<Record<string, number | string | boolean>>;
}): ResultRow {
  const ratio = medianRatio(fields.subject.rounds, fields.baseline.rounds);
  return {
    id: fields.id,
    measure: fields.measure,
    subject: fields.subject,
    baseline: fields.baseline,
    ratio,
    target: fields.target,
    met: fields.maxRatio === undefined ? undefined : ratio <= fields.maxRatio,
    ...(fields.details === undefined ? {} : { details: fields.details }),
  };
}
