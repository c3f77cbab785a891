import { ConnectionHandleRegistry } from './connection-handle-registry.js';

describe('ConnectionHandleRegistry', () => {
  it('issues distinct nonzero uint32 handles, open until closed', () => {
    const registry = new ConnectionHandleRegistry();
    const handles = [registry.open(), registry.open(), registry.open()];
    expect(new Set(handles).size).toBe(3);
    for (const handle of handles) {
      expect(Number.isInteger(handle) && handle > 0 && handle < 2 ** 32).toBe(true);
      expect(registry.isOpen(handle)).toBe(true);
    }
    expect(registry.size).toBe(3);
  });

  it('invalidates a closed handle and reports whether it was open', () => {
    const registry = new ConnectionHandleRegistry();
    const handle = registry.open();
    expect(registry.close(handle)).toBe(true);
    expect(registry.isOpen(handle)).toBe(false);
    expect(registry.close(handle)).toBe(false);
  });

  it('does not reissue a closed handle right away', () => {
    const registry = new ConnectionHandleRegistry();
    const first = registry.open();
    registry.close(first);
    expect(registry.open()).not.toBe(first);
  });

  it.each<[string, number]>([
    ['0 (the invalid handle)', 0],
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['NaN', NaN],
    ['a handle never issued', 77],
  ])('does not take %s for an open handle', (_label, handle) => {
    const registry = new ConnectionHandleRegistry();
    registry.open();
    expect(registry.isOpen(handle)).toBe(false);
  });

  it('wraps from 4294967295 to 1, never issuing 0', () => {
    const registry = new ConnectionHandleRegistry(0xfffffffe);
    expect([registry.open(), registry.open(), registry.open()]).toEqual([
      0xfffffffe, 0xffffffff, 1,
    ]);
  });

  it.each<[number]>([[0], [2 ** 32], [1.5], [-1]])(
    'rejects the first handle %p with a RangeError',
    (first) => {
      expect(() => new ConnectionHandleRegistry(first)).toThrow(RangeError);
    },
  );
});
