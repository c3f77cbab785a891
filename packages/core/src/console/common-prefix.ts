/** The longest text every one of `values` starts with ('' for an empty list). */
export function longestCommonPrefix(values: readonly string[]): string {
  const [first, ...others] = values;
  if (first === undefined) return '';
  let length = first.length;
  for (const value of others) {
    let same = 0;
    while (same < length && same < value.length && value[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length);
}
