/**
 * The Markdown the run prints and writes into `BENCHMARKS.md`: a header with the machine, the
 * table, and how it was measured. `BENCHMARKS.md` keeps its hand-written text; only the part
 * between {@link RESULTS_START} and {@link RESULTS_END} is replaced by each run.
 */
import { formatBytes, formatFigure, formatKilobytes, formatRatio } from './format.js';
import { type MachineInfo } from './machine.js';
import { type ResultRow } from './results.js';

/** Marks the start of the generated part of `BENCHMARKS.md`. */
export const RESULTS_START = '<!-- bench:results:start (written by `pnpm bench`; edit outside) -->';
/** Marks its end. */
export const RESULTS_END = '<!-- bench:results:end -->';

/** Everything one run produced: what `bench/results.json` holds. */
export interface BenchRun {
  readonly machine: MachineInfo;
  /** The sizes and timing budgets used, for the record. */
  readonly settings: Readonly<Record<string, number | string>>;
  readonly rows: readonly ResultRow[];
  /** How long the whole run took, s. */
  readonly durationSeconds: number;
}

/** The table alone: one line per row. */
export function renderTable(rows: readonly ResultRow[]): string {
  const lines = [
    '| measure | figure (median) | baseline, same run (median) | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const value = formatFigure(row.subject) + (row.note === undefined ? '' : ` (${row.note})`);
    const baseline =
      row.baseline === undefined ? '—' : `${row.baseline.label}: ${formatFigure(row.baseline)}`;
    const ratio = row.ratio === undefined ? '—' : formatRatio(row.ratio);
    const result = row.met === undefined ? 'reported' : row.met ? 'met' : '**missed**';
    lines.push(
      `| ${cell(row.measure)} | ${cell(value)} | ${cell(baseline)} | ${ratio} | ${cell(row.target)} | ${result} |`,
    );
  }
  return lines.join('\n');
}

/**
 * One small table per row that lists a bundle's largest modules (none when no row does), each
 * under a line naming the row.
 */
export function renderModuleTables(rows: readonly ResultRow[]): string {
  const tables: string[] = [];
  for (const row of rows) {
    if (row.largestModules === undefined || row.largestModules.modules.length === 0) continue;
    tables.push(
      [
        `Largest modules of the ${row.largestModules.build} build (rendered size: after ` +
          'tree-shaking, before minification):',
        '',
        '| module | rendered |',
        '| --- | --- |',
        ...row.largestModules.modules.map(
          (module) => `| ${cell(module.id)} | ${formatKilobytes(module.renderedBytes)} |`,
        ),
      ].join('\n'),
    );
  }
  return tables.join('\n\n');
}

/** The generated section: machine, table, method, then any module tables. */
export function renderResultsSection(run: BenchRun): string {
  const { machine } = run;
  const missed = run.rows.filter((row) => row.met === false).length;
  const settings = Object.entries(run.settings)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  return [
    `Run of ${machine.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} on ${machine.cpu} ` +
      `(${machine.cpus} logical CPUs, ${formatBytes(machine.totalMemoryBytes)} RAM), ` +
      `Node ${machine.node} ${machine.platform}; ${run.durationSeconds.toFixed(0)} s in all. ` +
      `${missed === 0 ? 'Every target met.' : `${missed} target${missed === 1 ? '' : 's'} missed.`}`,
    '',
    renderTable(run.rows),
    '',
    `Ratios are figure / baseline (lower is better), the median of the per-round ratios. ` +
      `Settings: ${settings}. Every round's figures are in \`bench/results.json\`.`,
    ...moduleTables(run.rows),
  ].join('\n');
}

/**
 * `document` with its generated section replaced by `section`; the section is appended (with
 * its markers) when the document has none, and a document is started when there is none.
 */
export function replaceResultsSection(document: string | undefined, section: string): string {
  const block = `${RESULTS_START}\n\n${section}\n\n${RESULTS_END}`;
  if (document === undefined || document.trim() === '') {
    return `# Benchmarks\n\n${block}\n`;
  }
  const start = document.indexOf(RESULTS_START);
  const end = document.indexOf(RESULTS_END);
  if (start < 0 || end < start) {
    return `${document.trimEnd()}\n\n${block}\n`;
  }
  return document.slice(0, start) + block + document.slice(end + RESULTS_END.length);
}

/** The module tables after a blank line, or nothing. */
function moduleTables(rows: readonly ResultRow[]): string[] {
  const tables = renderModuleTables(rows);
  return tables === '' ? [] : ['', tables];
}

/** Escapes what would break a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
