/**
 * The optimal-string-alignment distance between two strings: insertions, deletions, substitutions
 * and swaps of two neighbouring characters each cost 1 (so `hlep` is 1 away from `help`).
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j] is the distance between a's first i characters and b's first j characters.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known name a user most likely meant by `typed`, or undefined when none is close: a name that
 * starts with what was typed (`net` -> `net.ping`), or whose full name or last dotted part is within
 * a third of the typed length in edit distance (`net.pop` -> `net.pops`, `pops` -> `net.pops`,
 * `HELP` -> `help`). Ties go to the shorter, then alphabetically first, name.
 */
export function suggestName(typed: string, names: Iterable<string>): string | undefined {
  const wanted = typed.toLowerCase();
  if (wanted.length === 0) return undefined;
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const lower = name.toLowerCase();
    const lastPart = lower.slice(lower.lastIndexOf('.') + 1);
    const score = lower.startsWith(wanted)
      ? 0
      : Math.min(editDistance(wanted, lower), editDistance(wanted, lastPart));
    if (score > allowed) continue;
    const better =
      best === undefined ||
      score < best.score ||
      (score === best.score &&
        (name.length < best.name.length || (name.length === best.name.length && name < best.name)));
    if (better) best = { name, score };
  }
  return best?.name;
}
