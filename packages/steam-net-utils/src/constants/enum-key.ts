/**
 * The members of one group of constants (an enum of the reference, or a family of related
 * constants such as the send flags): a frozen object from member key to numeric value, e.g.
 * `{ CANNOT_TRY: -102, ..., CURRENT: 100 }`. Keys are the GodotSteam names without the group's
 * prefix, in the reference's row order.
 */
export type ConstantGroupMembers = Readonly<Record<string, number>>;

/**
 * The key of the first member of `members` whose value is `value`, or `undefined` when no member
 * has it. Works on any group, e.g. `enumKeyOf(NetworkingAvailability, 100)` is `'CURRENT'`.
 *
 * Members are searched in declaration order, which is the reference's row order, so where the
 * reference gives one value two names (`CONNECTION_END_APP_MIN` and `CONNECTION_END_APP_GENERIC`
 * are both 1000) the name listed first wins.
 */
export function enumKeyOf<M extends ConstantGroupMembers>(
  members: M,
  value: number,
): (keyof M & string) | undefined {
  for (const key of Object.keys(members)) {
    if (members[key] === value) {
      return key;
    }
  }
  return undefined;
}

/**
 * A member's key, as consoles and status panels show a value: `'CURRENT'` for
 * `(NetworkingAvailability, 100)`; the number itself when no member has that value.
 *
 * It takes the group object, not a group's name, so a build carries only the groups it names
 * (naming by string would keep every group, `Result`'s hundred and more members among them).
 */
export function shortConstantName(members: ConstantGroupMembers, value: number): string {
  return enumKeyOf(members, value) ?? String(value);
}
