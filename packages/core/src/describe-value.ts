/**
 * Short descriptions of arbitrary values for error messages, the one place Relaylane decides how a
 * wrong argument is shown: `got the string "abc"`, `got a NetworkingUtils object`, `got -0`.
 *
 * Invariants (each has a spec):
 * - Never throws and runs no code of the value's own: no getter, no `toString`, no `constructor`
 *   read through the object. Revoked proxies, objects with throwing getters and null-prototype
 *   objects are described like any other object. (A live Proxy's traps do run, as any inspection
 *   of a proxy runs them; whatever they throw is caught.)
 * - Bounded: a long string shows its length and its first {@link SHOWN_STRING_PREFIX} characters,
 *   never its whole text, so a megabyte of input cannot flood a message.
 * - Keeps what tells values apart: `-0` from `0`, `NaN`, a bigint from a number, a class from a
 *   function, an array's or typed array's length.
 */

/** Strings up to this many characters are shown whole, quoted. */
const MAX_SHOWN_STRING = 40;
/** How many characters of a longer string are shown before its length. */
const SHOWN_STRING_PREFIX = 20;

// Getters of the built-in prototypes, read once. Called on a value they do not belong to, they
// throw (caught below), so an ordinary object cannot fake being a Map, a typed array...
// %TypedArray%.prototype[Symbol.toStringTag] is the exception: it returns undefined instead, and
// works across realms (iframes, jsdom) where `instanceof` does not.
const typedArrayPrototype: object = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = getter(typedArrayPrototype, Symbol.toStringTag);
const typedArrayLength = getter(typedArrayPrototype, 'length');
const mapSize = getter(Map.prototype, 'size');
const setSize = getter(Set.prototype, 'size');
const arrayBufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const dataViewByteLength = getter(DataView.prototype, 'byteLength');
const functionToString = Function.prototype.toString;

/**
 * A short description of any value, for an error message: `undefined`, `null`, `-1`, `-0`, `NaN`,
 * `true`, `the bigint 5n`, `the string "abc"`, `a string of 1048576 characters starting "abcd…"`,
 * `the symbol Symbol(token)`, `the function onStatus`, `the class Lobby`, `an anonymous function`,
 * `an array of 2 elements`, `a Uint8Array of 3 bytes`, `a Float64Array of 2 elements`,
 * `a Map of 1 entry`, `an object` (plain or null-prototype), `a Lobby object` (an instance of a
 * named class).
 *
 * Never throws, whatever the value (revoked proxies and hostile getters included).
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `the bigint ${value.toString()}n`;
    case 'boolean':
      return String(value);
    case 'string':
      return describeString(value);
    case 'symbol':
      return describeSymbol(value);
    case 'function':
      return describeFunction(value);
    default:
      break;
  }
  return typeof value === 'object' && value !== null ? describeObject(value) : 'null';
}

/**
 * The name of the class `value` is an instance of, for a one-word type column (the dev console's
 * `singletons` table): `'NetworkingUtils'`, `'Object'` for a plain or null-prototype object,
 * `'Function'` for a function, `typeof value` for a primitive (`'number'`), `'null'` for null.
 * Like {@link describeValue}, it never throws and runs none of the value's code.
 */
export function typeNameOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return 'Function';
  if (typeof value !== 'object') return typeof value;
  return className(value) ?? 'Object';
}

function describeString(value: string): string {
  if (value.length <= MAX_SHOWN_STRING) return `the string ${JSON.stringify(value)}`;
  let end = SHOWN_STRING_PREFIX;
  // Do not cut a surrogate pair in half: the prefix would end in a lone surrogate.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `a string of ${value.length} characters starting ${JSON.stringify(`${value.slice(0, end)}…`)}`;
}

function describeSymbol(value: symbol): string {
  const { description } = value;
  if (description === undefined) return 'a symbol';
  const shown =
    description.length <= MAX_SHOWN_STRING
      ? description
      : `${description.slice(0, SHOWN_STRING_PREFIX)}…`;
  return `the symbol Symbol(${shown})`;
}

function describeFunction(value: object): string {
  const name = ownString(value, 'name');
  let isClass = false;
  try {
    isClass = functionToString.call(value).startsWith('class');
  } catch {
    // A revoked proxy of a function: still a function.
  }
  if (name === undefined || name === '')
    return isClass ? 'an anonymous class' : 'an anonymous function';
  return `the ${isClass ? 'class' : 'function'} ${name}`;
}

function describeObject(value: object): string {
  try {
    if (Array.isArray(value)) return `an array of ${count(value.length, 'element')}`;
    const tag = typedArrayTag?.call(value);
    if (typeof tag === 'string') {
      const length = Number(typedArrayLength?.call(value));
      return `${article(tag)} ${tag} of ${count(length, tag === 'Uint8Array' ? 'byte' : 'element')}`;
    }
  } catch {
    // A revoked proxy throws on every inspection; it is still an object.
    return 'an object';
  }
  const size =
    sizeBy(mapSize, value, 'Map', 'entry', 'entries') ??
    sizeBy(setSize, value, 'Set', 'element') ??
    sizeBy(arrayBufferByteLength, value, 'ArrayBuffer', 'byte') ??
    sizeBy(dataViewByteLength, value, 'DataView', 'byte');
  if (size !== undefined) return size;
  const name = className(value);
  return name === undefined || name === 'Object' ? 'an object' : `${article(name)} ${name} object`;
}

/** `a Map of 3 entries` when `read` (a built-in getter) accepts `value`; undefined otherwise. */
function sizeBy(
  read: ((this: unknown) => unknown) | undefined,
  value: object,
  kind: string,
  unit: string,
  units?: string,
): string | undefined {
  if (read === undefined) return undefined;
  try {
    return `${article(kind)} ${kind} of ${count(Number(read.call(value)), unit, units)}`;
  } catch {
    return undefined;
  }
}

/**
 * The name of the constructor on `value`'s prototype, read from property descriptors so that no
 * getter runs; undefined when there is none (a null prototype, a revoked proxy, a nameless class).
 */
function className(value: object): string | undefined {
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === null || typeof prototype !== 'object') return undefined;
    const constructor = Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
    if (typeof constructor !== 'function') return undefined;
    const name = ownString(constructor, 'name');
    return name === undefined || name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/** `target[key]` when it is an own data property holding a string; never runs a getter. */
function ownString(target: object, key: string): string | undefined {
  try {
    const value: unknown = Object.getOwnPropertyDescriptor(target, key)?.value;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function getter(target: object, key: PropertyKey): ((this: unknown) => unknown) | undefined {
  return Object.getOwnPropertyDescriptor(target, key)?.get;
}

function count(n: number, unit: string, units = `${unit}s`): string {
  return `${n} ${n === 1 ? unit : units}`;
}

/** `an` before a vowel; `U` counts as a consonant, as in "a Uint8Array", "a UserService". */
function article(word: string): string {
  return /^[AEIOaeio]/.test(word) ? 'an' : 'a';
}
