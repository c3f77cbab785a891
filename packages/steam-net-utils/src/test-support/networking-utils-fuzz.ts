/**
 * A fast-check fuzz suite any backend can be run through: it drives every `NetworkingUtils` method
 * with hostile input (wrong types, NaN, infinities, negative and huge numbers, random bytes,
 * random and near-valid strings) mixed with valid input, and requires that each call either
 * returns a result its doc comment documents, or throws a `TypeError`/`RangeError` whose message
 * names the method; a call whose arguments are all valid must not throw at all. Nothing else may
 * escape, and every call must return (a hang fails the test by its timeout).
 */
import { ConsoleCommandsCapability, PopDirectoryCapability } from '../port/backend-capability.js';
import fc from 'fast-check';

import {
  CONFIG_VALUE_TABLE,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
} from '../constants/index.js';
import { type NetworkingUtils } from '../service/networking-utils.js';
import { bringUpSettled, type MakeNetworkingUtilsHarness } from './harness.js';
import {
  ALL_METHODS,
  type AnyNetworkingUtilsMethod,
  callMethod,
  METHOD_PARAMETERS,
  type ParameterKind,
} from './method-arguments.js';
import { RESULT_CHECKS } from './result-checks.js';

/** Options of {@link describeNetworkingUtilsFuzz}. */
export interface FuzzOptions {
  /** Runs per method (default 150). */
  readonly numRuns?: number;
  /** The fast-check seed (default: fast-check's own, printed on failure). */
  readonly seed?: number;
}

/** An argument with whether it is valid for its parameter. */
interface Argument {
  readonly valid: boolean;
  readonly value: unknown;
}

/** What the valid generators draw on: the ready service's own data. */
interface FuzzContext {
  readonly location: Uint8Array;
  readonly locationText: string;
  readonly popIds: readonly number[];
}

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const TABLE_IDS = CONFIG_VALUE_TABLE.map((entry) => entry.id);

/** Values no parameter should ever accept silently, and values at every edge. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0.5,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    '',
    '\0',
    true,
    false,
    [],
    {},
    1n,
    -1n,
    2n ** 64n,
    Symbol('hostile'),
    () => 0,
    new Uint8Array(511),
    new Uint8Array(513),
    new Uint8ClampedArray(512),
    new Int8Array(512),
    new Array<number>(512).fill(0),
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.uint8Array({ maxLength: 1030 }),
  fc.anything(),
);

/** Mutates one character of `text` (replace, insert or delete). */
function mutatedText(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat(Math.max(0, text.length)),
      fc.constantFrom('replace', 'insert', 'delete'),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 }),
    )
    .map(([at, how, piece]) => {
      if (how === 'delete') return text.slice(0, at) + text.slice(at + 1);
      if (how === 'insert') return text.slice(0, at) + piece + text.slice(at);
      return text.slice(0, at) + piece + text.slice(at + piece.length);
    });
}

/** Valid values of each kind of parameter, drawn partly from the ready service's data. */
function validArbitrary(kind: ParameterKind, context: FuzzContext): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'location':
      return fc.oneof(
        fc.uint8Array({ minLength: 512, maxLength: 512 }),
        fc.constant(new Uint8Array(512)),
        fc.constant(context.location),
        // The real location with a few bytes changed: near-valid data for the decoder.
        fc
          .array(fc.tuple(fc.nat(511), fc.nat(255)), { minLength: 1, maxLength: 8 })
          .map((edits) => {
            const bytes = context.location.slice();
            for (const [at, byte] of edits) bytes[at] = byte;
            return bytes;
          }),
      );
    case 'uint32':
      return fc.oneof(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom(0, 1, 0xffffffff, ...context.popIds),
      );
    case 'config':
      return fc.oneof(
        fc.integer({ min: INT32_MIN, max: INT32_MAX }),
        fc.integer({ min: -3, max: 1000 }),
        fc.constantFrom(...TABLE_IDS),
      );
    case 'scope':
      return fc.oneof(
        fc.constantFrom(NETWORKING_CONFIG_SCOPE_GLOBAL, NETWORKING_CONFIG_SCOPE_CONNECTION, 2, 3),
        fc.integer({ min: INT32_MIN, max: INT32_MAX }),
      );
    case 'int32':
      return fc.oneof(
        fc.integer({ min: INT32_MIN, max: INT32_MAX }),
        fc.integer({ min: -10, max: 10_000 }),
      );
    case 'float32':
      return fc.oneof(
        fc.float({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      );
    case 'seconds':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'detailLevel':
      return fc.integer({ min: 0, max: 8 });
    case 'text':
      return fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constant(context.locationText),
        mutatedText(context.locationText),
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789=/@+,. '),
          maxLength: 120,
        }),
        fc.nat(4).map((extra) => 'x'.repeat(1021 + extra)),
      );
    case 'ip':
      return fc.oneof(
        fc.ipV4(),
        fc.ipV4Extended(),
        fc.ipV6(),
        fc
          .tuple(fc.ipV4(), fc.integer({ min: 0, max: 70_000 }))
          .map(([ip, port]) => `${ip}:${port}`),
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.nat(255).map((octet) => `169.254.${octet}.${255 - octet}`),
      );
    case 'cstring':
      return fc.string({ unit: 'binary', maxLength: 100 }).map((text) => text.replaceAll('\0', ''));
    case 'capabilityKey':
      return fc.oneof(
        fc.constantFrom<symbol>(ConsoleCommandsCapability, PopDirectoryCapability),
        fc.string().map((name) => Symbol.for(name)),
      );
  }
}

function argumentArbitrary(kind: ParameterKind, context: FuzzContext): fc.Arbitrary<Argument> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: validArbitrary(kind, context).map((value) => ({ valid: true, value })),
    },
    { weight: 1, arbitrary: hostile.map((value) => ({ valid: false, value })) },
  );
}

/**
 * The arguments of one call: one per parameter, sometimes one too few (the last one missing) or
 * with extra hostile values after them (which every method ignores).
 */
function callArbitrary(
  method: AnyNetworkingUtilsMethod,
  context: FuzzContext,
): fc.Arbitrary<{ args: unknown[]; allValid: boolean }> {
  const kinds = METHOD_PARAMETERS[method];
  return fc
    .tuple(
      fc.tuple(...kinds.map((kind) => argumentArbitrary(kind, context))),
      fc.constantFrom('exact', 'exact', 'missing', 'extra'),
      fc.array(hostile, { minLength: 1, maxLength: 2 }),
    )
    .map(([parameters, arity, extra]) => {
      let args = parameters.map((argument) => argument.value);
      let allValid = parameters.every((argument) => argument.valid);
      if (arity === 'missing' && args.length > 0) {
        args = args.slice(0, -1);
        allValid = false;
      } else if (arity === 'extra') {
        args = [...args, ...extra];
      }
      return { args, allValid };
    });
}

function describeArguments(args: readonly unknown[]): string {
  return args
    .map((arg) => {
      if (arg instanceof Uint8Array) return `Uint8Array(${arg.length})`;
      if (typeof arg === 'string')
        return arg.length > 60 ? `string(${arg.length})` : JSON.stringify(arg);
      if (typeof arg === 'bigint') return `${arg}n`;
      if (typeof arg === 'symbol' || typeof arg === 'function') return typeof arg;
      try {
        return JSON.stringify(arg) ?? String(arg);
      } catch {
        return String(arg);
      }
    })
    .join(', ');
}

/** Calls `method` once and throws an Error describing any result or error it does not document. */
function checkOneCall(
  service: NetworkingUtils,
  method: AnyNetworkingUtilsMethod,
  args: unknown[],
  allValid: boolean,
): void {
  let result: unknown;
  try {
    result = callMethod(service, method, args);
  } catch (error) {
    const where = `${method}(${describeArguments(args)})`;
    if (!(error instanceof TypeError) && !(error instanceof RangeError)) {
      throw new Error(`${where} threw ${String(error)}, not a TypeError or RangeError`);
    }
    if (!error.message.startsWith(`${method}: `)) {
      throw new Error(`${where} threw a message that does not name the method: ${error.message}`);
    }
    if (allValid) {
      throw new Error(`${where} threw for valid arguments: ${error.message}`);
    }
    return;
  }
  const problem = RESULT_CHECKS[method](result);
  if (problem !== undefined) {
    throw new Error(
      `${method}(${describeArguments(args)}) returned an undocumented result: ${problem}`,
    );
  }
}

/**
 * Declares the fuzz suite for one backend: one test per method, each on a service whose relay
 * network was brought up first (so locations, POPs and estimates have real data to be fed with).
 */
export function describeNetworkingUtilsFuzz(
  name: string,
  makeService: MakeNetworkingUtilsHarness,
  options: FuzzOptions = {},
): void {
  describe(`NetworkingUtils fuzz: ${name}`, () => {
    let service: NetworkingUtils;
    let context: FuzzContext;
    beforeAll(async () => {
      const harness = makeService();
      service = harness.service;
      await bringUpSettled(harness);
      const location = service.getLocalPingLocation().location;
      context = {
        location,
        locationText: service.convertPingLocationToString(location),
        popIds: service.getPOPList(),
      };
    });
    afterAll(() => service.dispose());

    it.each(ALL_METHODS)('%s answers hostile input with a documented result or error', (method) => {
      fc.assert(
        fc.property(callArbitrary(method, context), ({ args, allValid }) => {
          checkOneCall(service, method, args, allValid);
        }),
        {
          numRuns: options.numRuns ?? 150,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
        },
      );
    });
  });
}
