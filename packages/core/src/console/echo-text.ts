/**
 * Text the user typed, as a message repeats it: cut to {@link MAX_ECHOED_CHARACTERS} characters
 * with the full length said, so a 200,000-character line is not printed back whole.
 */

/** The most characters of the user's text a message repeats. */
export const MAX_ECHOED_CHARACTERS = 80;

/** `text` itself when short; else its start, an ellipsis and its length. */
export function echoText(text: string): string {
  if (text.length <= MAX_ECHOED_CHARACTERS) return text;
  return `${text.slice(0, MAX_ECHOED_CHARACTERS)}… (${text.length} characters)`;
}
