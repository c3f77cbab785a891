import { type ConsoleOutput, type ConsoleTable } from './command-types.js';

/** Spaces between two columns. */
const GAP = '  ';

function cellText(cell: string | number | undefined): string {
  // A cell is one line: line breaks inside it would tear the table apart.
  return cell === undefined ? '' : String(cell).replace(/\r?\n/g, ' ');
}

/**
 * Renders a table as aligned lines of text: a header, a rule of dashes under each header, then one
 * line per row. Missing cells are blank and cells beyond the last column are ignored. A column is
 * right-aligned when `align` says `'right'`, or, when `align` does not name it, when every one of
 * its cells is a number. Lines carry no trailing spaces.
 */
export function formatTable(table: ConsoleTable): string[] {
  const columnCount = table.columns.length;
  const cells = table.rows.map((row) =>
    Array.from({ length: columnCount }, (_, column) => cellText(row[column])),
  );
  const header = table.columns.map((title) => cellText(title));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => row[column]!.length)),
  );
  const rightAligned = table.columns.map((_, column) => {
    const declared = table.align?.[column];
    if (declared !== undefined) return declared === 'right';
    return table.rows.length > 0 && table.rows.every((row) => typeof row[column] === 'number');
  });
  const line = (texts: readonly string[]): string =>
    texts
      .map((text, column) =>
        rightAligned[column] ? text.padStart(widths[column]!) : text.padEnd(widths[column]!),
      )
      .join(GAP)
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)];
}

/** True when `value` has the shape of a `ConsoleTable`. */
export function isConsoleTable(value: unknown): value is ConsoleTable {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { columns?: unknown; rows?: unknown };
  return Array.isArray(candidate.columns) && Array.isArray(candidate.rows);
}

/** Console output as plain lines: text as is, tables through `formatTable`. */
export function renderOutputLines(output: readonly ConsoleOutput[]): string[] {
  return output.flatMap((item) => (typeof item === 'string' ? [item] : formatTable(item)));
}
