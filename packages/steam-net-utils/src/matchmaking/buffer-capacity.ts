/**
 * The sizing rule of the buffers the lobby ranking keeps between calls: grown to a power of two,
 * so a list growing a row at a time reallocates rarely; shrunk when a much shorter list follows
 * (under an eighth of the capacity), so one huge list does not pin its memory forever.
 */

/** The capacity to reallocate to for `count` rows, or undefined when `capacity` still fits. */
export function resizedCapacity(count: number, capacity: number): number | undefined {
  if (count <= capacity && count >= capacity >>> 3) return undefined;
  return count === 0 ? 0 : 2 ** Math.ceil(Math.log2(count));
}
