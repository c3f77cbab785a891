/**
 * Manual dispatch through the test double: queued structs come out of GetNextCallback as a
 * CallbackMsg_t pointing at a copy, which FreeLastCallback scribbles, so a reader after free sees
 * 0xDD bytes, not the struct.
 */
import { copyNativeBytes } from '../native/native-memory.js';
import { STEAM_CALLBACK_IDS } from '../native/struct-layouts.js';
import {
  decodeCallbackMsg,
  decodeConnectionStatusChanged,
  decodeRelayNetworkStatus,
} from '../native/structs.js';
import { type DoubleFixture, startDouble } from './test-support/double-fixture.js';
import {
  connectionStatusChangedBlob,
  relayNetworkStatusBlob,
  SAMPLE_CONNECTION_INFO,
} from './test-support/struct-blobs.js';

let f: DoubleFixture;
beforeEach(() => {
  f = startDouble();
});
afterEach(() => {
  f.api.unload();
});

function nextMessage(): ReturnType<typeof decodeCallbackMsg> | undefined {
  const msg = new Uint8Array(f.api.layout.CallbackMsg_t.size);
  if (!f.api.ManualDispatch_GetNextCallback(f.pipe, msg)) return undefined;
  return decodeCallbackMsg(msg, f.api.layout);
}

it('hands out queued callbacks in order, as CallbackMsg_t with the id, a pointer and the size', () => {
  const status = relayNetworkStatusBlob({
    available: 100,
    measuring: 0,
    config: 100,
    anyRelay: 100,
    message: 'ok',
  });
  const changed = connectionStatusChangedBlob(f.api.layout, 4097, SAMPLE_CONNECTION_INFO, 3);
  f.double.queueCallback(STEAM_CALLBACK_IDS.relayNetworkStatus, status);
  f.double.queueCallback(STEAM_CALLBACK_IDS.connectionStatusChanged, changed);
  expect(f.double.pendingCallbacks()).toBe(2);

  const first = nextMessage()!;
  expect(first).toMatchObject({ steamUser: 1, callbackId: 1281, paramSize: 272 });
  expect(decodeRelayNetworkStatus(copyNativeBytes(first.param!, first.paramSize))).toEqual({
    available: 100,
    pingMeasurementInProgress: 0,
    availableNetworkConfig: 100,
    availableAnyRelay: 100,
    debugMessage: 'ok',
  });
  f.api.ManualDispatch_FreeLastCallback(f.pipe);

  const second = nextMessage()!;
  expect(second).toMatchObject({ callbackId: 1221, paramSize: 704 });
  const decoded = decodeConnectionStatusChanged(
    copyNativeBytes(second.param!, second.paramSize),
    f.api.layout,
  );
  expect(decoded.connection).toBe(4097);
  expect(decoded.oldState).toBe(3);
  expect(decoded.info.endDebug).toBe('timed out');
  f.api.ManualDispatch_FreeLastCallback(f.pipe);

  expect(nextMessage()).toBeUndefined();
  expect(f.double.violations()).toEqual([]);
});

it('scribbles a callback when it is freed: a copy taken before is intact, a read after is garbage', () => {
  const status = relayNetworkStatusBlob({
    available: 3,
    measuring: 1,
    config: 3,
    anyRelay: 3,
    message: 'x',
  });
  f.double.queueCallback(STEAM_CALLBACK_IDS.relayNetworkStatus, status);
  const message = nextMessage()!;
  const before = copyNativeBytes(message.param!, message.paramSize);
  f.api.ManualDispatch_FreeLastCallback(f.pipe);
  const after = copyNativeBytes(message.param!, message.paramSize);
  expect(before).toEqual(status);
  expect(after.every((byte) => byte === 0xdd)).toBe(true);
});

it('records a GetNextCallback before the previous callback was freed, and hands out nothing', () => {
  f.double.queueCallback(1281, new Uint8Array(272));
  f.double.queueCallback(1281, new Uint8Array(272));
  nextMessage();
  expect(f.double.outstandingCallback()).toBe(true);
  expect(nextMessage()).toBeUndefined();
  expect(f.double.violations()).toEqual([
    'ManualDispatch_GetNextCallback: the previous callback was not freed (call ManualDispatch_FreeLastCallback)',
  ]);
  expect(f.double.pendingCallbacks()).toBe(1);
});

it('records a FreeLastCallback with nothing to free', () => {
  f.api.ManualDispatch_FreeLastCallback(f.pipe);
  expect(f.double.violations()).toEqual(['ManualDispatch_FreeLastCallback: no callback to free']);
});

it('drops queued callbacks on Shutdown', () => {
  f.double.queueCallback(1281, new Uint8Array(272));
  f.api.Shutdown();
  expect(f.double.pendingCallbacks()).toBe(0);
});

it('answers GetAPICallResult only when scripted: the struct and the failed flag', () => {
  const failed = Uint8Array.of(0xff);
  expect(f.api.ManualDispatch_GetAPICallResult(f.pipe, 1n, new Uint8Array(4), 4, 1, failed)).toBe(
    false,
  );
  f.double.script('ManualDispatch_GetAPICallResult', {
    returns: true,
    bytes: Uint8Array.of(9, 8, 7, 6),
    aux: 1,
  });
  const out = new Uint8Array(4);
  expect(f.api.ManualDispatch_GetAPICallResult(f.pipe, 1n, out, 4, 1, failed)).toBe(true);
  expect([...out]).toEqual([9, 8, 7, 6]);
  expect(failed[0]).toBe(1);
});
