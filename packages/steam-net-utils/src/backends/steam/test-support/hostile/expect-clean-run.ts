/**
 * The assertion every hostile group ends with, failing with what went wrong: the child's exit and
 * the end of its standard error (a sanitizer report, a stack) when it did not finish, else the
 * first findings and memory misuse it reported.
 */
import { type HostileRun } from './run-hostile-group.js';

/** How many findings a failure lists (the rest are counted). */
const FINDINGS_SHOWN = 20;

export function expectCleanHostileRun(run: HostileRun, fewestCalls: number): void {
  if (run.status !== 0 || run.report === undefined) {
    throw new Error(
      `The hostile group's child ended with status ${String(run.status)}` +
        `${run.signal === null ? '' : ` (signal ${run.signal})`} before reporting:\n${run.stderr}`,
    );
  }
  const { findings, memoryViolations, calls } = run.report;
  if (findings.length > 0 || memoryViolations.length > 0) {
    const listed = findings
      .slice(0, FINDINGS_SHOWN)
      .map((finding) => `- ${finding.call}: ${finding.problem}`);
    const more =
      findings.length > FINDINGS_SHOWN ? [`… and ${findings.length - FINDINGS_SHOWN} more`] : [];
    throw new Error(
      [
        `${findings.length} of ${calls} hostile calls misbehaved:`,
        ...listed,
        ...more,
        ...memoryViolations.map((line) => `- the double saw: ${line}`),
      ].join('\n'),
    );
  }
  expect(calls).toBeGreaterThanOrEqual(fewestCalls);
}
