import { formatTable, isConsoleTable, renderOutputLines } from './format-table.js';

describe('formatTable', () => {
  it('pads every column to its widest cell, with a rule under the header', () => {
    expect(
      formatTable({
        columns: ['POP', 'City'],
        rows: [
          ['fra', 'Frankfurt'],
          ['ams', 'Amsterdam'],
        ],
      }),
    ).toEqual(['POP  City', '---  ---------', 'fra  Frankfurt', 'ams  Amsterdam']);
  });

  it('right-aligns a column whose cells are all numbers', () => {
    expect(
      formatTable({
        columns: ['POP', 'Ping'],
        rows: [
          ['fra', 7],
          ['sea', 142],
        ],
      }),
    ).toEqual(['POP  Ping', '---  ----', 'fra     7', 'sea   142']);
  });

  it('follows align over the number rule', () => {
    const lines = formatTable({
      columns: ['Ping', 'POP'],
      rows: [
        [7, 'fra'],
        [142, 'sea'],
      ],
      align: ['left', 'right'],
    });
    expect(lines).toEqual(['Ping  POP', '----  ---', '7     fra', '142   sea']);
  });

  it('leaves missing cells blank, ignores extra ones and keeps cells on one line', () => {
    expect(formatTable({ columns: ['A', 'B'], rows: [['x'], ['a\nb', 'c', 'ignored']] })).toEqual([
      'A    B',
      '---  -',
      'x',
      'a b  c',
    ]);
  });

  it('renders an empty table as its header', () => {
    expect(formatTable({ columns: ['Name'], rows: [] })).toEqual(['Name', '----']);
  });
});

describe('renderOutputLines', () => {
  it('keeps text lines and expands tables in place', () => {
    expect(renderOutputLines(['before', { columns: ['N'], rows: [[1]] }, 'after'])).toEqual([
      'before',
      'N',
      '-',
      '1',
      'after',
    ]);
  });
});

describe('isConsoleTable', () => {
  it('recognises the table shape only', () => {
    expect(isConsoleTable({ columns: [], rows: [] })).toBe(true);
    expect(isConsoleTable({ columns: [] })).toBe(false);
    expect(isConsoleTable(['a'])).toBe(false);
    expect(isConsoleTable(null)).toBe(false);
  });
});
