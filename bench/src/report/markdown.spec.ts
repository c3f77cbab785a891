import { comparisonRow, figure, type ResultRow } from './results.js';
import {
  renderModuleTables,
  renderResultsSection,
  renderTable,
  replaceResultsSection,
  RESULTS_END,
  RESULTS_START,
} from './markdown.js';

const fast = figure('subject', 'ns/op', [10, 12, 11]);
const slow = figure('baseline', 'ns/op', [20, 20, 20]);

describe('comparisonRow', () => {
  it('is met when the median ratio is within the target, missed above it', () => {
    const base = { id: 'x', measure: 'm', subject: fast, baseline: slow, target: 't' };
    expect(comparisonRow({ ...base, maxRatio: 0.6 }).met).toBe(true);
    expect(comparisonRow({ ...base, maxRatio: 0.5 }).met).toBe(false);
    expect(comparisonRow({ ...base, maxRatio: undefined }).met).toBeUndefined();
    expect(comparisonRow({ ...base, maxRatio: 1 }).ratio).toBeCloseTo(0.55);
  });
});

describe('renderTable', () => {
  it('writes one line per row with the figure, the baseline, the ratio and the verdict', () => {
    const rows: ResultRow[] = [
      comparisonRow({
        id: 'a',
        measure: 'emit | fast',
        subject: fast,
        baseline: slow,
        maxRatio: 1,
        target: '<= 1',
      }),
      comparisonRow({
        id: 'b',
        measure: 'emit slow',
        subject: slow,
        baseline: fast,
        maxRatio: 1,
        target: '<= 1',
      }),
    ];
    const lines = renderTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('emit \\| fast');
    expect(lines[2]).toContain('11.0 ns');
    expect(lines[2]).toContain('baseline: 20.0 ns');
    expect(lines[2]).toMatch(/\| met \|$/);
    expect(lines[3]).toMatch(/\*\*missed\*\* \|$/);
  });
});

describe('renderModuleTables', () => {
  const bundle: ResultRow = {
    id: 'bundle',
    measure: 'a bundle',
    subject: figure('bundle, gzipped', 'bundle bytes', [2048]),
    target: 'report',
    met: undefined,
    largestModules: {
      build: '"x"',
      modules: [
        { id: 'pkg/dist/big.js', renderedBytes: 3072 },
        { id: 'pkg/dist/a|b.js', renderedBytes: 512 },
      ],
    },
  };

  it('lists the modules of each row that has them, in KB of 1,024 bytes', () => {
    const lines = renderModuleTables([bundle]).split('\n');
    expect(lines[0]).toContain('Largest modules of the "x" build');
    expect(lines).toContain('| pkg/dist/big.js | 3.0 KB |');
    expect(lines).toContain('| pkg/dist/a\\|b.js | 0.5 KB |');
  });

  it('writes nothing without such rows, and bundle figures in KB in the main table', () => {
    const { largestModules: _listed, ...withoutModules } = bundle;
    expect(renderModuleTables([withoutModules])).toBe('');
    expect(renderTable([bundle])).toContain('| 2.0 KB |');
  });
});

describe('replaceResultsSection', () => {
  const section = renderResultsSection({
    machine: {
      cpu: 'Test CPU',
      cpus: 2,
      node: 'v20.0.0',
      platform: 'linux-x64',
      totalMemoryBytes: 4e9,
      date: '2025-01-02T03:04:05.678Z',
    },
    settings: { rounds: 5 },
    rows: [],
    durationSeconds: 12,
  });

  it('names the CPU, the Node version and the date', () => {
    expect(section).toContain('Test CPU');
    expect(section).toContain('Node v20.0.0');
    expect(section).toContain('2025-01-02 03:04:05 UTC');
  });

  it('replaces only the generated part and keeps the text around it', () => {
    const before = `# Benchmarks\n\nIntro.\n\n${RESULTS_START}\nold table\n${RESULTS_END}\n\n## Notes\nKept.\n`;
    const after = replaceResultsSection(before, section);
    expect(after).toContain('Intro.');
    expect(after).toContain('## Notes\nKept.');
    expect(after).not.toContain('old table');
    expect(after).toContain('Test CPU');
    expect(after.split(RESULTS_START)).toHaveLength(2);
  });

  it('appends the section to a document without markers, and starts one when there is none', () => {
    expect(replaceResultsSection('# Mine\n', section)).toMatch(
      /^# Mine\n\n<!-- bench:results:start/,
    );
    expect(replaceResultsSection(undefined, section)).toMatch(/^# Benchmarks\n/);
  });
});
