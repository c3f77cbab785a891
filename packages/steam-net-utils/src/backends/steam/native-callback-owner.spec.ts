import koffi from 'koffi';

import { liveNativeCallbackCount, NativeCallbackOwner } from './native-callback-owner.js';

const Proto = koffi.proto('void RelaylaneOwnerSpecCallback(int)');

describe('NativeCallbackOwner', () => {
  it('registers one koffi callback per key and releases it', () => {
    const owner = new NativeCallbackOwner();
    const before = koffi.stats().callbacks;
    const pointer = owner.register('a', () => undefined, Proto);
    expect(typeof pointer).toBe('bigint');
    expect(owner.pointer('a')).toBe(pointer);
    expect(owner.size).toBe(1);
    expect(koffi.stats().callbacks).toBe(before + 1);
    owner.release('a');
    expect(owner.pointer('a')).toBeUndefined();
    expect(koffi.stats().callbacks).toBe(before);
  });

  it('refuses a second registration under a held key', () => {
    const owner = new NativeCallbackOwner();
    owner.register('a', () => undefined, koffi.pointer(Proto));
    expect(() => owner.register('a', () => undefined, Proto)).toThrow(/'a' is already registered/);
    owner.releaseAll();
  });

  it('releaseAll() unregisters everything and the process count returns to where it was', () => {
    const base = liveNativeCallbackCount();
    const owner = new NativeCallbackOwner();
    owner.register('a', () => undefined, Proto);
    owner.register('b', () => undefined, Proto);
    expect(liveNativeCallbackCount()).toBe(base + 2);
    owner.releaseAll();
    owner.release('a');
    expect(owner.size).toBe(0);
    expect(liveNativeCallbackCount()).toBe(base);
  });
});
