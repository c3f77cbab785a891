/**
 * The contract every backend must meet through the `NetworkingUtils` service, as a Jest suite any
 * backend can be run through:
 *
 * ```ts
 * describeNetworkingUtilsContract('simulated relay network', () => {
 *   const clock = new ManualClock();
 *   const service = new NetworkingUtils(new SimulatedRelayNetwork({ world, clock, location: 'Paris' }));
 *   return { service, advance: (ms) => clock.advance(ms) };
 * });
 * ```
 *
 * For each of the 32 functions it checks the normal result, the sentinels and the errors (shapes,
 * key names, types), and the signals' argument lists. It only asks what any healthy backend must do
 * (a relay network that becomes ready within two simulated minutes, Steam's documented sentinels);
 * exact pings and texts are each backend's own business.
 */
import { BackendStateError } from '../port/backend-errors.js';
import {
  FAKE_IP_TYPE_INVALID,
  FAKE_IP_TYPE_NOT_FAKE,
  getConfigValueEntry,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_CONFIG_CONNECTION_USER_DATA,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_INVALID,
  NETWORKING_CONFIG_MTU_DATA_SIZE,
  NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
  NETWORKING_CONFIG_SCOPE_CONNECTION,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_TIMEOUT_INITIAL,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_FUNCTION_PTR,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_INT64,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ,
  NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
  NETWORKING_GET_CONFIG_VALUE_OK,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG,
  NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE,
  RESULT_INVALID_PARAM,
  RESULT_NO_MATCH,
} from '../constants/index.js';
import { PreparedPingLocation } from '../port/prepared-ping-location.js';
import { NetworkingUtilsError } from '../service/errors.js';
import { NETWORKING_UTILS_METHODS } from '../service/method-names.js';
import { type NetworkingUtils } from '../service/networking-utils.js';
import {
  BRING_UP_LIMIT_MS,
  BRING_UP_STEP_MS,
  bringUpSettled,
  isRelayNetworkReady,
  type MakeNetworkingUtilsHarness,
  type NetworkingUtilsHarness,
} from './harness.js';
import {
  ALL_METHODS,
  type AnyNetworkingUtilsMethod,
  callMethod,
  METHOD_PARAMETERS,
  type ParameterKind,
  VALID_ARGUMENTS,
} from './method-arguments.js';
import { isPingResult, MIN_LOCAL_TIMESTAMP, RESULT_CHECKS } from './result-checks.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';

/** The signals every service declares, with their argument names, in order. */
export const EXPECTED_SIGNALS = [
  {
    name: 'relay_network_status',
    args: ['available', 'ping_measurement', 'available_config', 'available_relay', 'debug_message'],
  },
  {
    name: 'network_connection_status_changed',
    args: ['connect_handle', 'connection', 'old_state'],
  },
  { name: 'network_authentication_status', args: ['available', 'debug_message'] },
  { name: 'fake_ip_result', args: ['result', 'remote_fake_steam_id', 'fake_ip', 'port_list'] },
  { name: 'network_messages_session_request', args: ['remote_steam_id'] },
  {
    name: 'network_messages_session_failed',
    args: ['reason', 'remote_steam_id', 'connection_state', 'debug_message'],
  },
  { name: 'network_debug_output', args: ['type', 'message'] },
];

// For each kind of parameter: a value of the wrong type, and one of the right type but out of range
// (undefined when the kind has no such value: any boolean or string is in range).
const BAD_VALUES: Readonly<Record<ParameterKind, readonly [unknown, unknown]>> = {
  location: [[0, 1, 2], new Uint8Array(511)],
  uint32: ['7', -1],
  config: ['24', 2 ** 31],
  scope: [null, -(2 ** 31) - 1],
  int32: [1n, 1.5],
  float32: ['1.5', Number.NaN],
  seconds: [undefined, Number.POSITIVE_INFINITY],
  boolean: [1, undefined],
  detailLevel: ['4', 9],
  text: [5, undefined],
  ip: [0x01020304, undefined],
  cstring: [5, 'a\0b'],
  capabilityKey: ['console-commands', undefined],
};

const SAMPLE_IPS = [
  '1.2.3.4',
  '8.8.8.8:53',
  '127.0.0.1',
  '255.255.255.255',
  '169.254.1.2',
  '169.254.224.83:20232',
  '[::ffff:169.254.9.9]:27015',
];
const NOT_IPS = [
  '',
  'not an ip',
  '1.2.3',
  '1.2.3.4.5',
  '256.1.1.1',
  '1.2.3.4:99999',
  ' 1.2.3.4',
  '1'.repeat(65),
];

function expectDocumented(method: keyof typeof RESULT_CHECKS, result: unknown): void {
  expect({ method, problem: RESULT_CHECKS[method](result) }).toEqual({
    method,
    problem: undefined,
  });
}

function readInt32(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(0, true);
}

/** How a backend's services may be made by {@link describeNetworkingUtilsContract}. */
export interface NetworkingUtilsContractOptions {
  /**
   * Only one service may be alive at a time (the Steam backend: Steam is one per process), so each
   * new service disposes the earlier ones first. The suite never uses two services at once; this
   * only changes when the earlier ones are disposed.
   */
  readonly oneServiceAtATime?: boolean;
}

/**
 * Declares the contract suite for one backend; `makeService` is called for each group of tests
 * that needs a fresh service (every service it makes is disposed after its tests).
 */
export function describeNetworkingUtilsContract(
  name: string,
  makeService: MakeNetworkingUtilsHarness,
  options: NetworkingUtilsContractOptions = {},
): void {
  describe(`NetworkingUtils contract: ${name}`, () => {
    const live: NetworkingUtils[] = [];
    function fresh(): NetworkingUtilsHarness {
      if (options.oneServiceAtATime === true) {
        for (const service of live.splice(0)) service.dispose();
      }
      const harness = makeService();
      live.push(harness.service);
      return harness;
    }
    afterAll(() => {
      for (const service of live.splice(0)) service.dispose();
    });

    describe('surface', () => {
      it('has the 32 GodotSteam methods', () => {
        const { service } = fresh();
        expect(NETWORKING_UTILS_METHODS).toHaveLength(32);
        for (const method of ALL_METHODS) {
          expect({
            method,
            type: typeof (service as unknown as Record<string, unknown>)[method],
          }).toEqual({
            method,
            type: 'function',
          });
        }
      });

      it('declares GodotSteam signals with their argument names', () => {
        expect(fresh().service.getSignalList()).toEqual(EXPECTED_SIGNALS);
      });

      it('reports which backend answers', () => {
        expect(['simulated', 'steam', 'beacons']).toContain(fresh().service.backendKind);
      });
    });

    describe('before relay network access', () => {
      it('has no local ping location: age -1 and 512 zero bytes', () => {
        expect(fresh().service.getLocalPingLocation()).toEqual({
          location: new Uint8Array(512),
          age: -1,
        });
      });

      it('answers an estimate with a negative sentinel, never 0', () => {
        const { service } = fresh();
        expect([NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN]).toContain(
          service.estimatePingTimeFromLocalHost(new Uint8Array(512)),
        );
      });

      it('reports a relay status and its details in GodotSteam shapes', () => {
        const { service } = fresh();
        expectDocumented('getRelayNetworkStatus', service.getRelayNetworkStatus());
        expectDocumented('getRelayNetworkStatusDetails', service.getRelayNetworkStatusDetails());
      });
    });

    describe('bringing the relay network up', () => {
      it('emits relay_network_status from runCallbacks only, until CURRENT', async () => {
        const harness = fresh();
        const { service } = harness;
        const emitted: unknown[][] = [];
        service.signals.relay_network_status.connect((...args) => emitted.push(args));
        service.initRelayNetworkAccess();
        // Neither the call nor moving time delivers anything: only runCallbacks does.
        let emittedOutside = emitted.length;
        for (let elapsed = 0; elapsed < BRING_UP_LIMIT_MS && !isRelayNetworkReady(service);) {
          const before = emitted.length;
          harness.advance(BRING_UP_STEP_MS);
          elapsed += BRING_UP_STEP_MS;
          await harness.settle?.();
          emittedOutside += emitted.length - before;
          service.runCallbacks();
        }
        expect(isRelayNetworkReady(service)).toBe(true);
        expect(emittedOutside).toBe(0);
        expect(emitted.length).toBeGreaterThan(0);
        for (const args of emitted) {
          expect(args).toHaveLength(5);
          const [available, measuring, config, relay, message] = args;
          expectDocumented('getRelayNetworkStatusDetails', {
            available,
            ping_measurement: measuring,
            available_config: config,
            available_relay: relay,
            debug_message: message,
          });
        }
        expect(emitted[emitted.length - 1]![0]).toBe(NETWORKING_AVAILABILITY_CURRENT);
        // Nor on a later microtask.
        const before = emitted.length;
        harness.advance(30_000);
        service.checkPingDataUpToDate(0);
        await Promise.resolve();
        await Promise.resolve();
        expect(emitted.length).toBe(before);
      });

      it('re-entering runCallbacks from a listener throws BACKEND_RUN_CALLBACKS_REENTRANT', async () => {
        const harness = fresh();
        const { service } = harness;
        const caught: unknown[] = [];
        service.signals.relay_network_status.connect(() => {
          caught.push(thrownBy(() => service.runCallbacks()));
        });
        await bringUpSettled(harness);
        expect(caught.length).toBeGreaterThan(0);
        for (const error of caught) {
          expect(error).toBeInstanceOf(BackendStateError);
          expect((error as BackendStateError).code).toBe('BACKEND_RUN_CALLBACKS_REENTRANT');
        }
      });
    });

    describe('when ready', () => {
      let harness: NetworkingUtilsHarness;
      let service: NetworkingUtils;
      let local: Uint8Array;
      beforeAll(async () => {
        harness = fresh();
        service = harness.service;
        await bringUpSettled(harness);
        local = service.getLocalPingLocation().location;
      });

      it('has a local ping location with an age', () => {
        const result = service.getLocalPingLocation();
        expectDocumented('getLocalPingLocation', result);
        expect(result.age).toBeGreaterThanOrEqual(0);
        expect(result.location.some((byte) => byte !== 0)).toBe(true);
      });

      it('returns a fresh location on every call', () => {
        const first = service.getLocalPingLocation().location;
        const copy = first.slice();
        first.fill(0xee);
        const second = service.getLocalPingLocation().location;
        expect(second).not.toBe(first);
        expect(second).toEqual(copy);
      });

      it('estimates a ping from the local host to its own location', () => {
        const ping = service.estimatePingTimeFromLocalHost(local);
        expect(isPingResult(ping) && ping >= 0).toBe(true);
      });

      it('estimates a ping between two locations', () => {
        const ping = service.estimatePingTimeBetweenTwoLocations(local, local);
        expect(isPingResult(ping) && ping >= 0).toBe(true);
      });

      it('answers a location of zeros with a negative sentinel, never 0', () => {
        const zeros = new Uint8Array(512);
        expect([NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN]).toContain(
          service.estimatePingTimeFromLocalHost(zeros),
        );
        expect([NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN]).toContain(
          service.estimatePingTimeBetweenTwoLocations(local, zeros),
        );
        expect([NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN]).toContain(
          service.estimatePingTimeBetweenTwoLocations(zeros, local),
        );
      });

      it('converts a location to text and back', () => {
        const text = service.convertPingLocationToString(local);
        expectDocumented('convertPingLocationToString', text);
        expect(text.length).toBeGreaterThan(0);
        const parsed = service.parsePingLocationString(text);
        expectDocumented('parsePingLocationString', parsed);
        expect(parsed.success).toBe(true);
        expect(service.convertPingLocationToString(parsed.ping_location)).toBe(text);
        expect(service.estimatePingTimeFromLocalHost(parsed.ping_location)).toBeGreaterThanOrEqual(
          0,
        );
      });

      it('reads location arguments without changing them, from a view at any offset', () => {
        // Location arguments go to the backend as they are (no copy): it must only read them.
        const big = new Uint8Array(512 + 13).fill(0xa5);
        const view = big.subarray(13);
        view.set(local);
        const before = big.slice();
        const fromLocal = service.estimatePingTimeFromLocalHost(view);
        expect(fromLocal).toBe(service.estimatePingTimeFromLocalHost(local));
        expect(service.estimatePingTimeBetweenTwoLocations(view, view)).toBe(
          service.estimatePingTimeBetweenTwoLocations(local, local),
        );
        expect(service.convertPingLocationToString(view)).toBe(
          service.convertPingLocationToString(local),
        );
        expect(big).toEqual(before);
      });

      it('estimates prepared locations exactly as their bytes, alone or mixed with bytes', () => {
        const zeros = new Uint8Array(512);
        const other = service.parsePingLocationString(
          service.convertPingLocationToString(local),
        ).ping_location;
        const samples = [local, other, zeros];
        for (const a of samples) {
          const preparedA = PreparedPingLocation.from(a);
          // Several times: a backend may derive and keep something on the first uses.
          for (let k = 0; k < 6; k++) {
            expect(service.estimatePingTimeFromLocalHost(preparedA)).toBe(
              service.estimatePingTimeFromLocalHost(a),
            );
            for (const b of samples) {
              const expected = service.estimatePingTimeBetweenTwoLocations(a, b);
              const preparedB = PreparedPingLocation.from(b);
              expect(service.estimatePingTimeBetweenTwoLocations(preparedA, preparedB)).toBe(
                expected,
              );
              expect(service.estimatePingTimeBetweenTwoLocations(preparedA, b)).toBe(expected);
              expect(service.estimatePingTimeBetweenTwoLocations(a, preparedB)).toBe(expected);
            }
          }
        }
      });

      it('converts a location of zeros to the empty text', () => {
        expect(service.convertPingLocationToString(new Uint8Array(512))).toBe('');
      });

      it('returns a fresh parsed location on every call', () => {
        const text = service.convertPingLocationToString(local);
        const first = service.parsePingLocationString(text).ping_location;
        const copy = first.slice();
        first.fill(0);
        expect(service.parsePingLocationString(text).ping_location).toEqual(copy);
      });

      it.each(['', 'garbage', '\0', '\ud800', 'x'.repeat(1024)])(
        'answers text %p that is not a location with success false and 512 zero bytes',
        (text) => {
          expect(service.parsePingLocationString(text)).toEqual({
            success: false,
            ping_location: new Uint8Array(512),
          });
        },
      );

      it('answers a 1 MB string with success false', () => {
        expect(service.parsePingLocationString('a'.repeat(1 << 20)).success).toBe(false);
      });

      it('answers a location text cut short or with a NUL inside as data, never by throwing', () => {
        const text = service.convertPingLocationToString(local);
        for (const variant of [text.slice(0, text.length >> 1), `${text}\0`, `${text}${text}`]) {
          expectDocumented('parsePingLocationString', service.parsePingLocationString(variant));
        }
      });

      it('has fresh ping data for a generous maximum age', () => {
        expect(service.checkPingDataUpToDate(1e9)).toBe(true);
      });

      it('lists its POPs: as many as it counts, distinct uint32 ids, in a fresh array', () => {
        const list = service.getPOPList();
        expectDocumented('getPOPList', list);
        expect(list.length).toBe(service.getPOPCount());
        expect(list.length).toBeGreaterThan(0);
        expect(new Set(list).size).toBe(list.length);
        list.length = 0;
        expect(service.getPOPList().length).toBe(service.getPOPCount());
      });

      it('pings data centers: documented shapes, and a route to at least one', () => {
        const results = service.getPOPList().map((pop) => service.getPingToDataCenter(pop));
        for (const result of results) expectDocumented('getPingToDataCenter', result);
        expect(results.some((result) => result.ping >= 0)).toBe(true);
      });

      it('pings POPs directly: documented values, and at least one answer', () => {
        const pings = service.getPOPList().map((pop) => service.getDirectPingToPOP(pop));
        for (const ping of pings) expectDocumented('getDirectPingToPOP', ping);
        expect(pings.some((ping) => ping >= 0)).toBe(true);
      });

      it('answers a POP id it does not know with a negative sentinel', () => {
        const known = new Set(service.getPOPList());
        const unknown = [0, 1, 0xffffffff, 0x7a7a7a7a].find((id) => !known.has(id))!;
        const result = service.getPingToDataCenter(unknown);
        expect(result.pop_relay).toBe(0);
        expect([NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN]).toContain(result.ping);
        expect([NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN]).toContain(
          service.getDirectPingToPOP(unknown),
        );
      });

      it('has a monotonic local timestamp above 30 days that moves with time', () => {
        const first = service.getLocalTimestamp();
        expect(typeof first).toBe('bigint');
        expect(first).toBeGreaterThanOrEqual(MIN_LOCAL_TIMESTAMP);
        const second = service.getLocalTimestamp();
        expect(second).toBeGreaterThanOrEqual(first);
        harness.advance(1000);
        expect(service.getLocalTimestamp()).toBeGreaterThan(second);
      });
    });

    describe('FakeIP', () => {
      it.each(SAMPLE_IPS)('types the address %p consistently', (ip) => {
        const { service } = fresh();
        const type = service.getIPv4FakeIPType(ip);
        expectDocumented('getIPv4FakeIPType', type);
        expect(type).not.toBe(FAKE_IP_TYPE_INVALID);
        expect(service.isFakeIPv4(ip)).toBe(type > FAKE_IP_TYPE_NOT_FAKE);
        const identity = service.getRealIdentityForFakeIP(ip);
        expect(identity).toEqual({
          result: type > FAKE_IP_TYPE_NOT_FAKE ? RESULT_NO_MATCH : RESULT_INVALID_PARAM,
          identity: 0n,
        });
      });

      it('types a public address as not fake', () => {
        expect(fresh().service.getIPv4FakeIPType('8.8.8.8')).toBe(FAKE_IP_TYPE_NOT_FAKE);
      });

      it.each(NOT_IPS)('answers text %p that is not an IPv4 address with the sentinels', (text) => {
        const { service } = fresh();
        expect(service.getIPv4FakeIPType(text)).toBe(FAKE_IP_TYPE_INVALID);
        expect(service.isFakeIPv4(text)).toBe(false);
        expect(service.getRealIdentityForFakeIP(text)).toEqual({
          result: RESULT_INVALID_PARAM,
          identity: 0n,
        });
      });
    });

    describe('config values', () => {
      it('describes a config value by name, type and scope', () => {
        expect(fresh().service.getConfigValueInfo(NETWORKING_CONFIG_TIMEOUT_INITIAL)).toEqual({
          name: 'TimeoutInitial',
          type: NETWORKING_CONFIG_TYPE_INT32,
          scope: NETWORKING_CONFIG_SCOPE_CONNECTION,
        });
      });

      it.each([NETWORKING_CONFIG_INVALID, 1, 35, 12345, -5])(
        'describes the unknown value %p with an empty name',
        (id) => {
          expect(fresh().service.getConfigValueInfo(id)).toEqual({ name: '', type: 0, scope: 0 });
        },
      );

      it('reads the global default of an int32 value', () => {
        const { service } = fresh();
        const entry = getConfigValueEntry(NETWORKING_CONFIG_TIMEOUT_INITIAL)!;
        const raw = service.getConfigValue(
          NETWORKING_CONFIG_TIMEOUT_INITIAL,
          NETWORKING_CONFIG_SCOPE_GLOBAL,
          0,
        );
        expectDocumented('getConfigValue', raw);
        expect(raw.result).toBe(NETWORKING_GET_CONFIG_VALUE_OK);
        expect(raw.type).toBe(NETWORKING_CONFIG_TYPE_INT32);
        expect(raw.value).toHaveLength(4);
        expect(readInt32(raw.value)).toBe(entry.defaultValue);
      });

      it('sets and reads back an int32 value, raw and typed', () => {
        const { service } = fresh();
        expect(service.setGlobalConfigValueInt32(NETWORKING_CONFIG_TIMEOUT_INITIAL, 12345)).toBe(
          true,
        );
        const raw = service.getConfigValue(
          NETWORKING_CONFIG_TIMEOUT_INITIAL,
          NETWORKING_CONFIG_SCOPE_GLOBAL,
          0,
        );
        expect(readInt32(raw.value)).toBe(12345);
        expect(
          service.getConfigValueTyped(
            NETWORKING_CONFIG_TIMEOUT_INITIAL,
            NETWORKING_CONFIG_SCOPE_GLOBAL,
            0,
          ),
        ).toEqual({
          result: NETWORKING_GET_CONFIG_VALUE_OK,
          type: NETWORKING_CONFIG_TYPE_INT32,
          value: 12345,
        });
      });

      it('sets and reads back a float value', () => {
        const { service } = fresh();
        expect(
          service.setGlobalConfigValueFloat(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, 12.5),
        ).toBe(true);
        expect(
          service.getConfigValueTyped(
            NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
            NETWORKING_CONFIG_SCOPE_GLOBAL,
            0,
          ),
        ).toEqual({
          result: NETWORKING_GET_CONFIG_VALUE_OK,
          type: NETWORKING_CONFIG_TYPE_FLOAT,
          value: 12.5,
        });
      });

      it('sets and reads back a string value, NUL-terminated in the raw bytes', () => {
        const { service } = fresh();
        const text = 'stun.example.org:3478';
        expect(
          service.setGlobalConfigValueString(NETWORKING_CONFIG_P2P_STUN_SERVER_LIST, text),
        ).toBe(true);
        const raw = service.getConfigValue(
          NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
          NETWORKING_CONFIG_SCOPE_GLOBAL,
          0,
        );
        expect(raw.type).toBe(NETWORKING_CONFIG_TYPE_STRING);
        expect(raw.value).toEqual(Uint8Array.from([...new TextEncoder().encode(text), 0]));
        expect(
          service.getConfigValueTyped(
            NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
            NETWORKING_CONFIG_SCOPE_GLOBAL,
            0,
          ).value,
        ).toBe(text);
      });

      it('reads an int64 value as a bigint', () => {
        const typed = fresh().service.getConfigValueTyped(
          NETWORKING_CONFIG_CONNECTION_USER_DATA,
          NETWORKING_CONFIG_SCOPE_GLOBAL,
          0,
        );
        expect(typed).toEqual({
          result: NETWORKING_GET_CONFIG_VALUE_OK,
          type: NETWORKING_CONFIG_TYPE_INT64,
          value: -1n,
        });
      });

      it('returns a fresh value array on every read', () => {
        const { service } = fresh();
        const first = service.getConfigValue(
          NETWORKING_CONFIG_TIMEOUT_INITIAL,
          NETWORKING_CONFIG_SCOPE_GLOBAL,
          0,
        );
        const copy = first.value.slice();
        first.value.fill(0xff);
        expect(
          service.getConfigValue(
            NETWORKING_CONFIG_TIMEOUT_INITIAL,
            NETWORKING_CONFIG_SCOPE_GLOBAL,
            0,
          ).value,
        ).toEqual(copy);
      });

      it.each([1, 35, 12345, -5])('answers reading the unknown value %p with BAD_VALUE', (id) => {
        const { service } = fresh();
        expect(service.getConfigValue(id, NETWORKING_CONFIG_SCOPE_GLOBAL, 0)).toEqual({
          result: NETWORKING_GET_CONFIG_VALUE_BAD_VALUE,
          type: 0,
          value: new Uint8Array(0),
        });
        expect(service.getConfigValueTyped(id, NETWORKING_CONFIG_SCOPE_GLOBAL, 0).value).toBeNull();
      });

      it('answers reading a connection that does not exist with BAD_SCOPE_OBJ', () => {
        const { service } = fresh();
        const raw = service.getConfigValue(
          NETWORKING_CONFIG_TIMEOUT_INITIAL,
          NETWORKING_CONFIG_SCOPE_CONNECTION,
          0xdeadbeef,
        );
        expect(raw.result).toBe(NETWORKING_GET_CONFIG_VALUE_BAD_SCOPE_OBJ);
        expect(raw.value).toEqual(new Uint8Array(0));
      });

      it('refuses to set an unknown value, a read-only value, or a connection that does not exist', () => {
        const { service } = fresh();
        expect(service.setGlobalConfigValueInt32(12345, 1)).toBe(false);
        expect(service.setGlobalConfigValueFloat(12345, 1)).toBe(false);
        expect(service.setGlobalConfigValueString(12345, 'x')).toBe(false);
        expect(service.setGlobalConfigValueInt32(NETWORKING_CONFIG_MTU_DATA_SIZE, 1000)).toBe(
          false,
        );
        expect(
          service.setConnectionConfigValueInt32(0xdeadbeef, NETWORKING_CONFIG_TIMEOUT_INITIAL, 5),
        ).toBe(false);
        expect(
          service.setConnectionConfigValueFloat(
            0xdeadbeef,
            NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
            5,
          ),
        ).toBe(false);
        expect(
          service.setConnectionConfigValueString(
            0xdeadbeef,
            NETWORKING_CONFIG_P2P_STUN_SERVER_LIST,
            'x',
          ),
        ).toBe(false);
      });

      it('iterates the editable values: known, not pointers, ending with 0, dev values a superset', () => {
        const { service } = fresh();
        const walk = (dev: boolean): number[] => {
          const ids: number[] = [];
          let current = service.iterateGenericEditableConfigValues(NETWORKING_CONFIG_INVALID, dev);
          while (current !== NETWORKING_CONFIG_INVALID && ids.length < 1000) {
            ids.push(current);
            current = service.iterateGenericEditableConfigValues(current, dev);
          }
          return ids;
        };
        const retail = walk(false);
        const dev = walk(true);
        expect(retail.length).toBeGreaterThan(0);
        expect(dev.length).toBeLessThan(1000);
        for (const id of dev) {
          const info = service.getConfigValueInfo(id);
          expect(info.name).not.toBe('');
          expect(info.type).not.toBe(NETWORKING_CONFIG_TYPE_FUNCTION_PTR);
        }
        expect(dev).toEqual(expect.arrayContaining(retail));
        expect(dev.length).toBeGreaterThan(retail.length);
      });

      it('ends the iteration after a value that is not in the list', () => {
        expect(fresh().service.iterateGenericEditableConfigValues(12345, true)).toBe(
          NETWORKING_CONFIG_INVALID,
        );
      });
    });

    describe('debug output and global callbacks', () => {
      it('emits diagnostic messages while the relay network comes up, at level EVERYTHING', async () => {
        const harness = fresh();
        const seen: unknown[][] = [];
        harness.service.signals.network_debug_output.connect((...args) => seen.push(args));
        harness.service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
        await bringUpSettled(harness);
        expect(seen.length).toBeGreaterThan(0);
        for (const [type, message] of seen) {
          expect(Number.isInteger(type)).toBe(true);
          expect(type).toBeGreaterThanOrEqual(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG);
          expect(type).toBeLessThanOrEqual(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
          expect(typeof message).toBe('string');
        }
      });

      it('emits only messages at or below the level asked for', async () => {
        const harness = fresh();
        const seen: unknown[][] = [];
        harness.service.signals.network_debug_output.connect((...args) => seen.push(args));
        harness.service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG);
        await bringUpSettled(harness);
        expect(seen.length).toBeGreaterThan(0);
        for (const [type] of seen) {
          expect(type).toBeGreaterThanOrEqual(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_BUG);
          expect(type).toBeLessThanOrEqual(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG);
        }
      });

      it('emits no debug output once the level is NONE', async () => {
        const harness = fresh();
        const seen: unknown[][] = [];
        harness.service.signals.network_debug_output.connect((...args) => seen.push(args));
        harness.service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_EVERYTHING);
        harness.service.setDebugOutputFunction(NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_NONE);
        await bringUpSettled(harness);
        expect(seen).toEqual([]);
      });

      it.each(NETWORKING_UTILS_METHODS.filter((method) => method.startsWith('setGlobalCallback')))(
        '%s installs its callback',
        (method) => {
          expect(callMethod(fresh().service, method, [])).toBe(true);
        },
      );
    });

    describe('programmer errors', () => {
      const cases: [
        AnyNetworkingUtilsMethod,
        number,
        ParameterKind,
        unknown,
        'TypeError' | 'RangeError',
      ][] = [];
      for (const method of ALL_METHODS) {
        METHOD_PARAMETERS[method].forEach((kind, index) => {
          const [wrongType, outOfRange] = BAD_VALUES[kind];
          cases.push([method, index, kind, wrongType, 'TypeError']);
          if (outOfRange !== undefined) cases.push([method, index, kind, outOfRange, 'RangeError']);
        });
      }

      let service: NetworkingUtils;
      beforeAll(() => {
        service = fresh().service;
      });

      it.each(cases)(
        '%s: argument %p (%s) = %p throws a %s naming the method',
        (method, index, _kind, bad, errorName) => {
          const args = VALID_ARGUMENTS[method]();
          args[index] = bad;
          const error = thrownBy(() => callMethod(service, method, args));
          expect((error as Error).name).toBe(errorName);
          expect((error as Error).message).toMatch(new RegExp(`^${method}: [a-z_0-9]+ must be `));
        },
      );

      it('still answers normally after all those errors', () => {
        expectDocumented('getLocalPingLocation', service.getLocalPingLocation());
        expect(service.getConfigValueInfo(NETWORKING_CONFIG_TIMEOUT_INITIAL).name).toBe(
          'TimeoutInitial',
        );
      });
    });

    describe('dispose', () => {
      it.each(ALL_METHODS)('%s throws SERVICE_DISPOSED afterwards', (method) => {
        const { service } = fresh();
        service.dispose();
        const error = thrownBy(() => callMethod(service, method, VALID_ARGUMENTS[method]()));
        expect(error).toBeInstanceOf(NetworkingUtilsError);
        expect((error as NetworkingUtilsError).code).toBe('SERVICE_DISPOSED');
      });

      it('can be called twice and disconnects the signals', () => {
        const { service } = fresh();
        service.signals.relay_network_status.connect(() => undefined);
        service.dispose();
        service.dispose();
        expect(service.getSignalConnectionList('relay_network_status')).toEqual([]);
      });
    });
  });
}
