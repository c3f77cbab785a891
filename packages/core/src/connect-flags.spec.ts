import { ALL_CONNECT_FLAGS, ConnectFlags, connectFlagNames } from './connect-flags.js';

describe('ConnectFlags', () => {
  it("has Godot 4's Object.ConnectFlags values", () => {
    expect(ConnectFlags).toEqual({ DEFERRED: 1, PERSIST: 2, ONE_SHOT: 4, REFERENCE_COUNTED: 8 });
  });

  it('ALL_CONNECT_FLAGS has every flag bit and no other', () => {
    const union = Object.values(ConnectFlags).reduce((all, flag) => all | flag, 0);
    expect(ALL_CONNECT_FLAGS).toBe(union);
  });

  it('connectFlagNames lists the set flags in value order and ignores unknown bits', () => {
    expect(connectFlagNames(ConnectFlags.ONE_SHOT | ConnectFlags.DEFERRED)).toEqual([
      'DEFERRED',
      'ONE_SHOT',
    ]);
    expect(connectFlagNames(ConnectFlags.PERSIST | 64)).toEqual(['PERSIST']);
    expect(connectFlagNames(0)).toEqual([]);
  });
});
