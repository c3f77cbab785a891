// What a call threw, for specs that check an error's class, code and message together.

/** What `fn` threw; fails the test when it returns normally. */
export function thrownBy<E = unknown>(fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to throw');
}
