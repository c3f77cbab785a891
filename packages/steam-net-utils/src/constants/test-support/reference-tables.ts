/**
 * Reads the tables of the class reference's Constants and Enums sections (the format of
 * `reference-tables.md`), so that a spec can check every row against the exports.
 *
 * A table is a header row `Name|Enumerator | SDK Name|Steam Name | Value | ...`, a separator row
 * of dashes, then data rows up to the next blank line. Each table belongs to the nearest `##` or
 * `###` heading above it (icons such as `:material-numeric:` removed), which is its section.
 *
 * Nothing is skipped silently: a data row that cannot be read, a header that is not recognised,
 * or a `|` line outside any table each add an error naming the line, so a spec can require
 * `errors` to be empty.
 */

/** One data row of a reference table. */
export interface ReferenceRow {
  /** The section (heading) of the table, e.g. `'Constants'` or `'NetworkingAvailability'`. */
  readonly section: string;
  /** The GodotSteam name, e.g. `'NETWORKING_AVAILABILITY_CURRENT'`. */
  readonly name: string;
  /** The Steamworks SDK name, e.g. `'k_ESteamNetworkingAvailability_Current'`. */
  readonly sdkName: string;
  /** The Value cell as written, e.g. `'100'`, `'0x7fffffff'`, `'8/1'`, `'-'`. */
  readonly valueText: string;
  /** The value the cell stands for (see {@link evaluateValueCell}). */
  readonly value: number;
  /** The notes cell (everything after the Value cell). */
  readonly notes: string;
  /** 1-based line number in the markdown. */
  readonly line: number;
}

/** Everything read from a markdown document. */
export interface ParsedReferenceTables {
  /** Every data row, in document order. */
  readonly rows: readonly ReferenceRow[];
  /** The sections that hold a table, in document order. */
  readonly sections: readonly string[];
  /** One message per line that could not be read; empty when the whole document was understood. */
  readonly errors: readonly string[];
}

/** What the value of a row may refer to: the rows read so far in the same table. */
export interface ValueContext {
  /** The rows of the current table that come before the row being evaluated. */
  readonly previousRows: readonly Pick<ReferenceRow, 'sdkName' | 'value'>[];
  /**
   * Whether the table is a C enum, where a row without a value (`-`) takes C's implicit value:
   * the previous row's value plus one, or 0 for the first row.
   */
  readonly implicitNumbering: boolean;
}

const NAME = /^[A-Z][A-Z0-9_]*$/;
const SDK_NAME = /^[kK]_[A-Za-z0-9_]+$/;
const DECIMAL = /^-?\d+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const OR_OF_INTEGERS = /^\d+(?:\/\d+)+$/;
const SEPARATOR = /^\s*-{3,}(?:\s*\|\s*-{3,})+\s*$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/**
 * The number a Value cell stands for, or an error message. Only these forms are accepted:
 * - a decimal integer (`-102`) or a hexadecimal one (`0x7fffffff`);
 * - integers joined by `/` (`0/4/1`): their bitwise OR. The reference writes C's `|` as `/`,
 *   because `|` separates the columns of a markdown table;
 * - the SDK name of an earlier row of the same table (`k_ESteamNetConnectionEnd_App_Min`): that
 *   row's value;
 * - `-` in an enum table: C's implicit value (previous value + 1, or 0 for the first row).
 */
export function evaluateValueCell(text: string, context: ValueContext): number | { error: string } {
  if (DECIMAL.test(text)) {
    return Number.parseInt(text, 10);
  }
  if (HEX.test(text)) {
    return Number.parseInt(text.slice(2), 16);
  }
  if (OR_OF_INTEGERS.test(text)) {
    return text.split('/').reduce((bits, part) => bits | Number.parseInt(part, 10), 0);
  }
  if (SDK_NAME.test(text)) {
    const target = context.previousRows.find((row) => row.sdkName === text);
    return target === undefined
      ? { error: `value '${text}' names no earlier row of this table` }
      : target.value;
  }
  if (text === '-') {
    if (!context.implicitNumbering) {
      return { error: "value '-' (implicit) is only allowed in an enum table" };
    }
    const previous = context.previousRows.at(-1);
    return previous === undefined ? 0 : previous.value + 1;
  }
  return { error: `value '${text}' is not a number, an OR of numbers, an earlier SDK name or '-'` };
}

function cellsOf(line: string): string[] {
  return line.split('|').map((cell) => cell.trim());
}

function sectionName(headingText: string): string {
  return headingText.replace(/:[a-z0-9-]+:/g, '').trim();
}

function isRecognisedHeader(cells: readonly string[]): boolean {
  return (
    cells.length >= 3 &&
    (cells[0] === 'Name' || cells[0] === 'Enumerator') &&
    (cells[1] === 'SDK Name' || cells[1] === 'Steam Name') &&
    cells[2] === 'Value'
  );
}

/** Reads every table of `markdown`; see the module comment for the format and the errors. */
export function parseReferenceTables(markdown: string): ParsedReferenceTables {
  const lines = markdown.split(/\r?\n/);
  const rows: ReferenceRow[] = [];
  const sections: string[] = [];
  const errors: string[] = [];
  let section: string | undefined;
  // The rows of the table being read, or undefined between tables.
  let tableRows: ReferenceRow[] | undefined;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    const heading = HEADING.exec(line);
    if (heading !== null) {
      tableRows = undefined;
      // `####` sub-headings (e.g. "Log Levels") stay inside their enum's section.
      if ((heading[1] ?? '').length <= 3) {
        section = sectionName(heading[2] ?? '');
      }
      continue;
    }
    if (SEPARATOR.test(lines[index + 1] ?? '') && line.includes('|')) {
      index += 1;
      if (!isRecognisedHeader(cellsOf(line))) {
        errors.push(`line ${lineNumber}: unrecognised table header '${line}'`);
        tableRows = undefined;
      } else if (section === undefined) {
        errors.push(`line ${lineNumber}: table before any heading`);
        tableRows = undefined;
      } else {
        sections.push(section);
        tableRows = [];
      }
      continue;
    }
    if (line.trim() === '') {
      tableRows = undefined;
      continue;
    }
    if (tableRows === undefined || section === undefined) {
      if (line.includes('|')) {
        errors.push(`line ${lineNumber}: table row outside a table: '${line}'`);
      }
      continue;
    }
    const [name = '', sdkName = '', valueText = '', ...notes] = cellsOf(line);
    if (!NAME.test(name)) {
      errors.push(`line ${lineNumber}: '${name}' is not a constant name`);
      continue;
    }
    if (!SDK_NAME.test(sdkName)) {
      errors.push(`line ${lineNumber}: '${sdkName}' (of ${name}) is not an SDK name`);
      continue;
    }
    const value = evaluateValueCell(valueText, {
      previousRows: tableRows,
      implicitNumbering: section !== 'Constants',
    });
    if (typeof value !== 'number') {
      errors.push(`line ${lineNumber}: ${name}: ${value.error}`);
      continue;
    }
    const row: ReferenceRow = {
      section,
      name,
      sdkName,
      valueText,
      value,
      notes: notes.join(' | '),
      line: lineNumber,
    };
    tableRows.push(row);
    rows.push(row);
  }
  return { rows, sections, errors };
}
