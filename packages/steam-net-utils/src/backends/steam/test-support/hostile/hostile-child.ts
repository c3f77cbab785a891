/**
 * One group of the hostile-input suite, run in a process of its own by `typescript-child.cjs`
 * (see run-hostile-group.ts):
 *
 *   node typescript-child.cjs hostile-child.ts <group> [address]
 *
 * It loads the native test double (built with AddressSanitizer when `address` is given, in a
 * process that has the sanitizer's runtime preloaded), calls every entry point of the group with
 * the group's wrong values, and prints one JSON line: how many calls it made, what went wrong
 * (a value accepted that must be refused, an error that is not a TypeError, RangeError or
 * Relaylane error naming the function) and what the double recorded as memory misuse. A crash or a
 * sanitizer report ends the process instead, which the parent reports.
 */
import koffi from 'koffi';

import { createNetworkingUtils } from '../../../../compose/create-networking-utils.js';
import { NetworkingUtils } from '../../../../service/networking-utils.js';
import { createSteamBackend } from '../../create-steam-backend.js';
import { type SteamBackend } from '../../steam-backend.js';
import { loadSteamApi } from '../../native/load-steam-api.js';
import { type SteamApi } from '../../native/steam-api.js';
import { steamApiSignatures, type SteamApiSignature } from '../../native/steam-api-binding.js';
import { steamPlatformInfo } from '../../native/steam-platform.js';
import {
  loadSteamApiTestDouble,
  type SteamApiTestDouble,
} from '../../test-double/test-double-control.js';
import {
  HOSTILE_FAMILIES,
  type HostileFamily,
  type HostileValue,
  hostileValues,
  offHeapBytes,
  type ParameterShape,
} from './hostile-values.js';

/** The groups, one child process each. */
export const HOSTILE_GROUPS = [
  ...HOSTILE_FAMILIES.map((family) => `binding-${family}` as const),
  'binding-arity',
  'binding-after-shutdown',
  'binding-after-unload',
  ...HOSTILE_FAMILIES.map((family) => `backend-${family}` as const),
  'backend-after-shutdown',
  ...HOSTILE_FAMILIES.map((family) => `service-${family}` as const),
  'service-after-dispose',
  'sanitizer-self-check',
] as const;
export type HostileGroup = (typeof HOSTILE_GROUPS)[number];

/** What went wrong in one call. */
export interface HostileFinding {
  readonly call: string;
  readonly problem: string;
}

/** The child's one line of output. */
export interface HostileReport {
  readonly group: HostileGroup;
  readonly calls: number;
  readonly findings: readonly HostileFinding[];
  /** What the double recorded that touches memory: a wrong `self`, a NULL it dereferences. */
  readonly memoryViolations: readonly string[];
}

/** The double's records that are about memory, not call order. */
const MEMORY_VIOLATION = /self is|is NULL/;

class Recorder {
  calls = 0;
  readonly findings: HostileFinding[] = [];

  /**
   * Calls `run` and checks the outcome: a refusal must be a TypeError, a RangeError or a
   * Relaylane error (a string `code`) whose message names `where`; a value that must be refused
   * must not be accepted.
   */
  check(
    call: string,
    where: string | readonly string[],
    mustRefuse: boolean,
    run: () => unknown,
  ): void {
    this.calls++;
    const names = typeof where === 'string' ? [where] : where;
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      const named = error instanceof Error && names.some((name) => error.message.includes(name));
      const typed =
        error instanceof TypeError ||
        error instanceof RangeError ||
        (error instanceof Error && typeof (error as { code?: unknown }).code === 'string');
      if (!named || !typed) {
        this.findings.push({
          call,
          problem: `threw ${describeError(error)}, which is not a typed error naming ${names.join(' or ')}`,
        });
      }
      return;
    }
    if (mustRefuse) {
      this.findings.push({ call, problem: `was accepted (returned ${String(result)})` });
    }
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a ${typeof error}`;
  return `${error.constructor.name}: ${error.message.slice(0, 300)}`;
}

/** A legal value for a parameter, so that only the one under test is wrong. */
function baseline(param: SteamApiSignature['params'][number], self: bigint, pipe: number): unknown {
  switch (param.kind) {
    case 'int32':
      if (param.name === 'hSteamPipe') return pipe;
      // Sizes and counts: 1 fits every baseline buffer and is at least the smallest size.
      return /Sz|Size|^cb|^cch|^cub/.test(param.name) ? 1 : 0;
    case 'uint32':
      return /^cb/.test(param.name) ? 1 : 0;
    case 'float':
      return 0;
    case 'bool':
      return false;
    case 'intptr':
      return 0;
    case 'uint64':
      return 0n;
    case 'pointer':
      return param.name === 'self' ? self : null;
    case 'buffer':
      return offHeapBytes(Math.max(param.minimum, 64), 0);
    case 'typedArray': {
      const constructor = (globalThis as Record<string, unknown>)[param.arrayType!] as new (
        buffer: ArrayBuffer,
      ) => ArrayBufferView;
      const bytesPerElement = (constructor as unknown as { BYTES_PER_ELEMENT: number })
        .BYTES_PER_ELEMENT;
      return new constructor(new ArrayBuffer(Math.max(param.minimum, 16) * bytesPerElement));
    }
    case 'cString':
      return 'x';
  }
}

/** Values every pointer parameter must refuse besides the family's: near misses of real ones. */
function pointerNearMisses(self: bigint): HostileValue[] {
  const near = (label: string, make: () => unknown): HostileValue => ({
    family: 'numbers',
    label,
    make,
    mustRefuse: (shape) => shape.kind !== 'intptr' && shape.kind !== 'uint64',
  });
  return [
    near('the interface pointer as a number', () => Number(self)),
    near('the interface pointer + 8', () => self + 8n),
    near('the interface pointer - 1', () => self - 1n),
  ];
}

interface Session {
  readonly double: SteamApiTestDouble;
  readonly api: SteamApi;
  readonly self: bigint;
  readonly pipe: number;
  readonly signatures: Readonly<Record<string, SteamApiSignature>>;
}

function startSession(sanitized: boolean): Session {
  const double = loadSteamApiTestDouble(sanitized ? { sanitizer: 'address' } : {});
  double.reset();
  const api = loadSteamApi({ libraryPath: double.path, env: {} });
  if (api.InitFlat(new Uint8Array(1024)) !== 0) throw new Error('the double refused InitFlat');
  const self = api.SteamNetworkingUtils();
  if (self === null) throw new Error('the double gave no interface');
  api.ManualDispatch_Init();
  double.clearLog();
  double.setCallLog(false);
  const signatures = steamApiSignatures(steamPlatformInfo(api.platform).pack);
  return { double, api, self, pipe: api.GetHSteamPipe(), signatures };
}

/** Functions whose legal calls end or restart the session; they get wrong values only. */
const SESSION_FUNCTIONS = new Set(['InitFlat', 'Shutdown', 'SteamNetworkingUtils']);

function callBinding(session: Session, name: string, args: readonly unknown[]): () => unknown {
  const fn = (session.api as unknown as Record<string, (...given: unknown[]) => unknown>)[name]!;
  return () => fn(...args);
}

function runBindingFamily(session: Session, family: HostileFamily, recorder: Recorder): void {
  for (const [name, signature] of Object.entries(session.signatures)) {
    const params = signature.params;
    params.forEach((param, index) => {
      const shape: ParameterShape = param;
      const values = [
        ...hostileValues(family, shape),
        ...(family === 'numbers' && param.kind === 'pointer'
          ? pointerNearMisses(session.self)
          : []),
      ];
      for (const value of values) {
        const mustRefuse = value.mustRefuse(shape);
        if (!mustRefuse && SESSION_FUNCTIONS.has(name)) continue;
        const args = params.map((other, k) =>
          k === index ? value.make() : baseline(other, session.self, session.pipe),
        );
        recorder.check(
          `${name}(${param.name} = ${value.label})`,
          signature.symbol,
          mustRefuse,
          callBinding(session, name, args),
        );
      }
    });
  }
}

function runBindingArity(session: Session, recorder: Recorder): void {
  for (const [name, signature] of Object.entries(session.signatures)) {
    const args = signature.params.map((param) => baseline(param, session.self, session.pipe));
    recorder.check(
      `${name} with one argument too many`,
      signature.symbol,
      true,
      callBinding(session, name, [...args, 0]),
    );
    if (args.length > 0) {
      recorder.check(
        `${name} with one argument too few`,
        signature.symbol,
        true,
        callBinding(session, name, args.slice(0, -1)),
      );
    }
  }
}

function runBindingAfter(session: Session, what: 'shutdown' | 'unload', recorder: Recorder): void {
  if (what === 'shutdown') session.api.Shutdown();
  else session.api.unload();
  for (const [name, signature] of Object.entries(session.signatures)) {
    const onInterface = signature.params[0]?.name === 'self';
    // After shutdown only the interface is gone; the library's other functions still answer.
    if (what === 'shutdown' && !onInterface) continue;
    const args = signature.params.map((param) => baseline(param, session.self, session.pipe));
    recorder.check(
      `${name} after ${what}`,
      signature.symbol,
      true,
      callBinding(session, name, args),
    );
  }
}

/** Methods the groups leave alone: they end the object's life or deliver its events. */
const LIFECYCLE_METHODS = new Set([
  'constructor',
  'dispose',
  'runCallbacks',
  'shutdown',
  'init',
  'capability',
]);

/** An object's public methods and their parameter names (read from the compiled source). */
function methodsOf(prototypeObject: object): { name: string; params: string[] }[] {
  const prototype = prototypeObject as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototypeObject)
    .filter((name) => {
      if (LIFECYCLE_METHODS.has(name)) return false;
      const descriptor = Object.getOwnPropertyDescriptor(prototypeObject, name);
      return typeof descriptor?.value === 'function';
    })
    .map((name) => {
      const source = String(prototype[name]);
      const list = /^[^(]*\(([^)]*)\)/.exec(source)?.[1] ?? '';
      const params = list
        .split(',')
        .map((part) => part.split('=')[0]!.trim())
        .filter((part) => part !== '');
      return { name, params };
    });
}

/** A legal value for a service parameter, by its name (GodotSteam's names). */
function serviceBaseline(service: NetworkingUtils, param: string): unknown {
  if (/location_string/.test(param))
    return service.convertPingLocationToString(localLocation(service));
  if (/location/.test(param)) return localLocation(service);
  if (/fake_ip|ip/.test(param)) return '169.254.1.2';
  if (/enumerate|dev/.test(param)) return false;
  if (/value$/.test(param) && param !== 'config_value' && param !== 'current_value') return 0;
  if (/config/.test(param)) return 24; // NETWORKING_CONFIG_TIMEOUT_INITIAL
  return 0;
}

function localLocation(service: NetworkingUtils): Uint8Array {
  return service.getLocalPingLocation().location;
}

function startService(sanitized: boolean): {
  service: NetworkingUtils;
  double: SteamApiTestDouble;
} {
  const { backend, double } = startBackend(sanitized);
  return { service: createNetworkingUtils({ backend }), double };
}

/**
 * Every method of `target` (as `typeName` names it), each parameter in turn given each value of
 * `family` while the others get `baselineOf`'s legal value. A method may answer data it cannot read
 * with a sentinel, so it may return; what it may not do is crash, corrupt memory, run a trap, or
 * throw an error that names none of `names(method)`.
 */
function runMethodFamily(
  target: object,
  typeName: string,
  family: HostileFamily,
  recorder: Recorder,
  baselineOf: (param: string) => unknown,
  names: (method: string) => readonly string[],
  afterEachMethod: () => void = () => {},
): void {
  const record = target as Record<string, (...args: unknown[]) => unknown>;
  for (const { name, params } of methodsOf(Object.getPrototypeOf(target) as object)) {
    params.forEach((param, index) => {
      // These parameters are not the binding's kinds; a float-like shape asks for the values no
      // such parameter takes (the binding's rules are checked by its own groups).
      for (const value of hostileValues(family, { kind: 'float', nullable: false, minimum: 0 })) {
        const args = params.map((other, k) => (k === index ? value.make() : baselineOf(other)));
        recorder.check(`${typeName}.${name}(${param} = ${value.label})`, names(name), false, () =>
          record[name]!.apply(target, args),
        );
      }
    });
    afterEachMethod();
  }
}

/** A legal value for a parameter of the Steam backend, by its name. */
function backendBaseline(backend: SteamBackend, param: string): unknown {
  switch (param) {
    case 'out':
      return new Uint8Array(512);
    case 'location':
    case 'location1':
    case 'location2':
    case 'remoteLocation': {
      const out = new Uint8Array(512);
      backend.getLocalPingLocation(out);
      return out;
    }
    case 'text': {
      const out = new Uint8Array(512);
      backend.getLocalPingLocation(out);
      return backend.convertPingLocationToString(out);
    }
    case 'configValue':
      return 24; // NETWORKING_CONFIG_TIMEOUT_INITIAL
    case 'scope':
      return 1; // GLOBAL
    case 'dataType':
      return 1; // INT32
    case 'enumerateDevVars':
    case 'enabled':
      return false;
    case 'kind':
      return 'relayNetworkStatusChanged';
    case 'fakeIP':
    case 'ip':
      return '169.254.1.2';
    default:
      return 0;
  }
}

function startBackend(sanitized: boolean): { backend: SteamBackend; double: SteamApiTestDouble } {
  const double = loadSteamApiTestDouble(sanitized ? { sanitizer: 'address' } : {});
  double.reset();
  const api = loadSteamApi({ libraryPath: double.path, env: {} });
  const backend = createSteamBackend({ api, env: {} });
  backend.init();
  backend.initRelayNetworkAccess();
  double.clearLog();
  double.setCallLog(false);
  return { backend, double };
}

function runBackendAfterShutdown(backend: SteamBackend, recorder: Recorder): void {
  const record = backend as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods = methodsOf(Object.getPrototypeOf(backend) as object);
  const baselines = new Map(
    methods.map(({ name, params }) => [
      name,
      params.map((param) => backendBaseline(backend, param)),
    ]),
  );
  backend.shutdown();
  for (const { name } of methods) {
    recorder.check(`SteamBackend.${name} after shutdown`, [name, 'SteamAPI_'], true, () =>
      record[name]!.apply(backend, baselines.get(name)!),
    );
  }
}

function runServiceAfterDispose(service: NetworkingUtils, recorder: Recorder): void {
  const record = service as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods = methodsOf(NetworkingUtils.prototype);
  service.dispose();
  for (const { name, params } of methods) {
    recorder.check(`NetworkingUtils.${name} after dispose`, name, true, () =>
      record[name]!.apply(
        service,
        params.map(() => 0),
      ),
    );
  }
}

/**
 * Reads out of bounds on purpose, past the binding (straight through koffi, as the binding
 * refused to before its fix): `SetConfigValue` declared INT64 with a 4-byte `pArg`, which the
 * double reads 8 bytes of. Under the sanitizer this must end the process with a report; the spec
 * checks that it does, so a suite that could not see a bad access would fail.
 */
function runSanitizerSelfCheck(session: Session): never {
  const library = koffi.load(session.double.path);
  const setConfigValue = library.func(
    'bool SteamAPI_ISteamNetworkingUtils_SetConfigValue(void *self, int eValue, int eScopeType, intptr_t scopeObj, int eDataType, const void *pArg)',
  ) as (...args: unknown[]) => boolean;
  const NETWORKING_CONFIG_TIMEOUT_INITIAL = 24;
  const SCOPE_GLOBAL = 1;
  const TYPE_INT64 = 2;
  setConfigValue(
    session.self,
    NETWORKING_CONFIG_TIMEOUT_INITIAL,
    SCOPE_GLOBAL,
    0,
    TYPE_INT64,
    offHeapBytes(4, 1),
  );
  throw new Error('sanitizer-self-check: the out-of-bounds read went unnoticed');
}

function main(): void {
  const group = process.argv[3] as HostileGroup | undefined;
  const sanitized = process.argv[4] === 'address';
  if (group === undefined || !(HOSTILE_GROUPS as readonly string[]).includes(group)) {
    throw new Error(
      `hostile-child: unknown group '${String(group)}'; one of ${HOSTILE_GROUPS.join(', ')}`,
    );
  }
  const recorder = new Recorder();
  let double: SteamApiTestDouble;
  if (group === 'sanitizer-self-check') runSanitizerSelfCheck(startSession(sanitized));
  if (group.startsWith('binding-')) {
    const session = startSession(sanitized);
    double = session.double;
    if (group === 'binding-arity') runBindingArity(session, recorder);
    else if (group === 'binding-after-shutdown') runBindingAfter(session, 'shutdown', recorder);
    else if (group === 'binding-after-unload') runBindingAfter(session, 'unload', recorder);
    else runBindingFamily(session, group.slice('binding-'.length) as HostileFamily, recorder);
    if (session.api.loaded) session.api.unload();
  } else if (group.startsWith('backend-')) {
    const started = startBackend(sanitized);
    double = started.double;
    if (group === 'backend-after-shutdown') runBackendAfterShutdown(started.backend, recorder);
    else {
      // Called straight, as a game holding createSteamBackend() can: what refuses is the backend's
      // own check or the binding's, naming the backend's method or the C function.
      const backend = started.backend;
      runMethodFamily(
        backend,
        'SteamBackend',
        group.slice('backend-'.length) as HostileFamily,
        recorder,
        (param) => backendBaseline(backend, param),
        (method) => [method, 'SteamAPI_'],
      );
      started.backend.shutdown();
    }
  } else {
    const started = startService(sanitized);
    double = started.double;
    if (group === 'service-after-dispose') runServiceAfterDispose(started.service, recorder);
    else {
      const service = started.service;
      runMethodFamily(
        service,
        'NetworkingUtils',
        group.slice('service-'.length) as HostileFamily,
        recorder,
        (param) => serviceBaseline(service, param),
        (method) => [method],
        () => service.runCallbacks(),
      );
      started.service.dispose();
    }
  }
  const report: HostileReport = {
    group,
    calls: recorder.calls,
    findings: recorder.findings,
    memoryViolations: double.violations().filter((line) => MEMORY_VIOLATION.test(line)),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
