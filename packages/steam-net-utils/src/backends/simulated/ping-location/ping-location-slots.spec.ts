import { popIdFromCode } from '../../../estimator/pop-id.js';
import { encodePingLocation } from './binary-codec.js';
import {
  MAX_PING_LOCATION_ENTRIES,
  packedPingMs,
  packedPopIndex,
  packedViaIndex,
  PING_LOCATION_SIZE,
} from './layout.js';
import { PingLocationSlots } from './ping-location-slots.js';
import { popTable } from './pop-table.js';

const id = popIdFromCode;

function locationWithPing(pingMs: number): Uint8Array {
  const bytes = new Uint8Array(PING_LOCATION_SIZE);
  encodePingLocation(
    {
      entries: [
        { popId: id('ams'), pingMs },
        { popId: id('fra'), pingMs: pingMs + 1, relayPopId: id('ams') },
      ],
      anchor: { hubIndex: 7, accessMs: 2 },
    },
    bytes,
  );
  return bytes;
}

describe('PingLocationSlots', () => {
  it('decodes a location into its slot', () => {
    const slots = new PingLocationSlots(popTable(), 1);
    const slot = slots.load(locationWithPing(20));
    const base = slot * MAX_PING_LOCATION_ENTRIES;
    expect(slots.count[slot]).toBe(2);
    expect([packedPingMs(slots.packed[base]!), packedPingMs(slots.packed[base + 1]!)]).toEqual([
      20, 21,
    ]);
    expect(packedPopIndex(slots.packed[base]!)).toBe(popTable().indexById.get(id('ams')));
    expect(packedViaIndex(slots.packed[base + 1]!)).toBe(popTable().indexById.get(id('ams')));
    expect(packedViaIndex(slots.packed[base]!)).toBe(0xff);
    expect([slots.hubIndex[slot], slots.accessMs[slot]]).toEqual([7, 2]);
  });

  it('finds the same slot again for the same bytes in another array', () => {
    const slots = new PingLocationSlots(popTable(), 4);
    const slot = slots.load(locationWithPing(20));
    const fills = slots.fills[slot];
    expect(slots.load(locationWithPing(20))).toBe(slot);
    expect(slots.fills[slot]).toBe(fills);
  });

  it('never replaces the slot it is told to keep', () => {
    // One set of four slots: every new location replaces one of them.
    const slots = new PingLocationSlots(popTable(), 1);
    const kept = slots.load(locationWithPing(20));
    for (let ping = 30; ping < 60; ping++) {
      expect(slots.load(locationWithPing(ping), kept)).not.toBe(kept);
    }
    expect(packedPingMs(slots.packed[kept * MAX_PING_LOCATION_ENTRIES]!)).toBe(20);
  });

  it('counts a refill of a slot in fills', () => {
    const slots = new PingLocationSlots(popTable(), 1);
    const slot = slots.load(locationWithPing(20));
    const before = slots.fills[slot]!;
    for (let ping = 30; ping < 34; ping++) slots.load(locationWithPing(ping));
    expect(slots.fills[slot]).toBe(before + 1);
  });

  it('returns -1 for anything that is not a location', () => {
    const slots = new PingLocationSlots(popTable(), 1);
    expect(slots.load(new Uint8Array(PING_LOCATION_SIZE))).toBe(-1);
    expect(slots.load(new Uint8Array(10))).toBe(-1);
    const tampered = locationWithPing(20);
    tampered[14]! ^= 4;
    expect(slots.load(tampered)).toBe(-1);
  });

  it('requires a power of two of sets', () => {
    expect(() => new PingLocationSlots(popTable(), 3)).toThrow(RangeError);
    expect(() => new PingLocationSlots(popTable(), 0)).toThrow(RangeError);
  });
});
