import { evaluateValueCell, parseReferenceTables } from './reference-tables.js';

const HEADER = 'Enumerator | SDK Name | Value | Notes\n---------- | -------- | ----- | -----';

function enumTable(...rows: string[]): string {
  return ['### SomeEnum', 'Text.', '', HEADER, ...rows, ''].join('\n');
}

describe('evaluateValueCell', () => {
  const none = { previousRows: [], implicitNumbering: false };

  it('reads decimal and negative integers', () => {
    expect(evaluateValueCell('1024', none)).toBe(1024);
    expect(evaluateValueCell('-102', none)).toBe(-102);
  });

  it('reads hexadecimal integers', () => {
    expect(evaluateValueCell('0x7fffffff', none)).toBe(2147483647);
  });

  it("reads integers joined by '/' as their bitwise OR", () => {
    expect(evaluateValueCell('8/1', none)).toBe(9);
    expect(evaluateValueCell('0/4/1', none)).toBe(5);
    expect(evaluateValueCell('1/1', none)).toBe(1);
  });

  it('resolves the SDK name of an earlier row to its value', () => {
    const context = {
      previousRows: [{ sdkName: 'k_EThing_Min', value: 1000 }],
      implicitNumbering: false,
    };
    expect(evaluateValueCell('k_EThing_Min', context)).toBe(1000);
    expect(evaluateValueCell('k_EThing_Max', context)).toEqual({ error: expect.any(String) });
  });

  it("gives '-' C's implicit value in an enum, and refuses it elsewhere", () => {
    const enumContext = (values: number[]) => ({
      previousRows: values.map((value, i) => ({ sdkName: `k_E_${i}`, value })),
      implicitNumbering: true,
    });
    expect(evaluateValueCell('-', enumContext([]))).toBe(0);
    expect(evaluateValueCell('-', enumContext([0, 1]))).toBe(2);
    expect(evaluateValueCell('-', none)).toEqual({ error: expect.any(String) });
  });

  it('refuses anything else', () => {
    for (const text of ['', '1+1', '1 | 2', 'one', '0x', '1.5', '8/', 'k_EThing_Min + 1']) {
      expect(evaluateValueCell(text, none)).toEqual({ error: expect.any(String) });
    }
  });
});

describe('parseReferenceTables', () => {
  it('reads each row with its section, names, value, notes and line', () => {
    const parsed = parseReferenceTables(
      enumTable('A_FIRST | k_E_First | 3 | Notes here.', 'A_SECOND | k_E_Second | k_E_First | -'),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.sections).toEqual(['SomeEnum']);
    expect(parsed.rows).toEqual([
      {
        section: 'SomeEnum',
        name: 'A_FIRST',
        sdkName: 'k_E_First',
        valueText: '3',
        value: 3,
        notes: 'Notes here.',
        line: 6,
      },
      {
        section: 'SomeEnum',
        name: 'A_SECOND',
        sdkName: 'k_E_Second',
        valueText: 'k_E_First',
        value: 3,
        notes: '-',
        line: 7,
      },
    ]);
  });

  it('names a section after its heading without icons, and keeps #### inside it', () => {
    const markdown = [
      '## :material-infinity: Constants',
      '',
      'Name | SDK Name | Value | Details',
      '---- | -------- | ----- | -------',
      'X_ONE | k_One | 1 | -',
      '',
      '#### Sub heading',
      '',
      'Name | SDK Name | Value | Details',
      '---- | -------- | ----- | -------',
      'X_TWO | k_Two | 2 | -',
    ].join('\n');
    const parsed = parseReferenceTables(markdown);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => row.section)).toEqual(['Constants', 'Constants']);
  });

  it("refuses '-' values in the Constants section", () => {
    const markdown =
      '## Constants\n\nName | SDK Name | Value | Details\n--- | --- | --- | ---\nX | k_X | - | -';
    expect(parseReferenceTables(markdown).errors).toEqual([expect.stringContaining('line 5')]);
  });

  it('reports a row whose value cannot be evaluated, and leaves it out', () => {
    const parsed = parseReferenceTables(
      enumTable('A_OK | k_E_Ok | 1 | -', 'A_BAD | k_E_Bad | 1+1 | -'),
    );
    expect(parsed.errors).toEqual([expect.stringMatching(/^line 7: A_BAD: /)]);
    expect(parsed.rows.map((row) => row.name)).toEqual(['A_OK']);
  });

  it('reports a row whose name or SDK name is malformed', () => {
    const parsed = parseReferenceTables(
      enumTable(
        'a_lower | k_E_Lower | 1 | -',
        'A_NO_SDK | E_NoPrefix | 2 | -',
        '| A_PIPE | k_E_Pipe | 3 |',
      ),
    );
    expect(parsed.errors).toHaveLength(3);
    expect(parsed.rows).toEqual([]);
  });

  it('reports a reference to a later row', () => {
    const parsed = parseReferenceTables(
      enumTable('A_FIRST | k_E_First | k_E_Second | -', 'A_SECOND | k_E_Second | 2 | -'),
    );
    expect(parsed.errors).toEqual([expect.stringContaining("'k_E_Second' names no earlier row")]);
  });

  it('reports an unrecognised header and the rows under it', () => {
    const markdown = '### E\n\nKey | Name | Number\n--- | --- | ---\nA | k_A | 1';
    const parsed = parseReferenceTables(markdown);
    expect(parsed.errors).toEqual([
      expect.stringContaining('unrecognised table header'),
      expect.stringContaining('line 5: table row outside a table'),
    ]);
    expect(parsed.sections).toEqual([]);
  });

  it('ends a table at a blank line: a later row without a header is an error', () => {
    const parsed = parseReferenceTables(
      enumTable('A_ONE | k_E_One | 1 | -') + '\nA_TWO | k_E_Two | 2 | -',
    );
    expect(parsed.rows.map((row) => row.name)).toEqual(['A_ONE']);
    expect(parsed.errors).toEqual([expect.stringContaining('table row outside a table')]);
  });

  it('restarts implicit numbering and SDK-name lookups in each table', () => {
    const markdown = enumTable('A_X | k_E_X | 5 | -') + '\n' + enumTable('B_Y | k_E_Y | - | -');
    const parsed = parseReferenceTables(markdown);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((row) => row.value)).toEqual([5, 0]);
  });
});
