import { type CommandRegistry } from '../command-registry.js';
import { longestCommonPrefix } from '../common-prefix.js';

/** What Tab does to an input: its new text and cursor, and the candidates to list, if any. */
export interface InputCompletion {
  readonly value: string;
  readonly cursor: number;
  /** The candidates, when there are several (the user interface lists them). */
  readonly choices: readonly string[];
}

/**
 * Completes the token before the cursor: a single candidate is inserted whole (followed by a space
 * when it is a finished word, not a namespace such as `net.`); several are completed to their
 * longest common prefix and returned in `choices` to be listed. The text after the cursor is kept.
 */
export function completeInput(
  registry: CommandRegistry,
  value: string,
  cursor: number,
): InputCompletion {
  const before = value.slice(0, cursor);
  const after = value.slice(cursor);
  const completion = registry.completeToken(before);
  const { candidates } = completion;
  let insertion: string;
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const finished = !(completion.isCommandName && only.endsWith('.'));
    insertion = finished && !/^\s/.test(after) ? `${only} ` : only;
  } else {
    // Every candidate starts with the token, so the common prefix does too.
    insertion = candidates.length === 0 ? completion.token : longestCommonPrefix(candidates);
  }
  const completed = before.slice(0, completion.start) + insertion;
  return {
    value: completed + after,
    cursor: completed.length,
    choices: candidates.length > 1 ? candidates : [],
  };
}
