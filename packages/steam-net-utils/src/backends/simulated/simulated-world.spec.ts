import { ManualClock } from '@relaylane/core';

import { parse } from '../../estimator/ping-location-text.js';
import { pingLocationFromBytes } from '../../estimator/ping-location-bytes.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld, type WorldObserver } from './simulated-world.js';
import { fiberBoundRttMs } from './world/index.js';
import { popIdFromCode } from '../../estimator/pop-id.js';

describe('SimulatedWorld hosts', () => {
  it('labels hosts host-1, host-2, ... unless given a label', () => {
    const world = new SimulatedWorld();
    expect(world.createHost({ location: 'Paris' }).label).toBe('host-1');
    expect(world.createHost({ location: 'Paris', label: 'me' }).label).toBe('me');
    expect(world.createHost({ location: 'Paris' }).label).toBe('host-2');
    expect(world.hosts().map((host) => host.label)).toEqual(['host-1', 'me', 'host-2']);
  });

  it('refuses a label already in the world, and frees it when the host is removed', () => {
    const world = new SimulatedWorld();
    const host = world.createHost({ location: 'Paris', label: 'a' });
    expect(() => world.createHost({ location: 'Rome', label: 'a' })).toThrow(
      expect.objectContaining({ code: 'SIMULATION_DUPLICATE_HOST_LABEL' }),
    );
    expect(world.removeHost(host)).toBe(true);
    expect(world.removeHost(host)).toBe(false);
    expect(world.createHost({ location: 'Rome', label: 'a' }).locationName).toBe('Rome (Italy)');
  });

  it('defaults to a fibre connection', () => {
    expect(new SimulatedWorld().createHost({ location: 'Paris' }).connection).toBe('fiber');
  });

  it('moving a host gives it new round trips and new random streams', () => {
    const world = new SimulatedWorld();
    const host = world.createHost({ location: 'Paris' });
    const before = host.model;
    world.moveHost(host, 'Tokyo');
    expect(host.moves).toBe(1);
    expect(host.model.label).toBe('host-1@1');
    expect(host.model.popRttMs).not.toEqual(before.popRttMs);
    expect(host.locationName).toBe('Tokyo (Japan)');
  });

  it("refuses another world's host", () => {
    const host = new SimulatedWorld().createHost({ location: 'Paris' });
    expect(() => new SimulatedWorld().locationStringFor(host)).toThrow(
      expect.objectContaining({ code: 'SIMULATION_FOREIGN_HOST' }),
    );
  });
});

describe('SimulatedWorld faults', () => {
  it('takes a POP down and back up, by code in any case', () => {
    const world = new SimulatedWorld();
    world.setPopDown('FRA', true);
    expect(world.isPopDown('fra')).toBe(true);
    expect(world.isPopDown(popIdFromCode('fra'))).toBe(true);
    expect(world.downPops()).toEqual(['fra']);
    expect(world.livePops().some((pop) => pop.code === 'fra')).toBe(false);
    world.setPopDown('fra', false);
    expect(world.downPops()).toEqual([]);
  });

  it('names the known POPs for an unknown code, and explains a malformed one', () => {
    const world = new SimulatedWorld();
    expect(() => world.setPopDown('xyz', true)).toThrow(
      expect.objectContaining({
        code: 'SIMULATION_UNKNOWN_POP',
        message: expect.stringContaining('fra'),
      }),
    );
    expect(() => world.setPopDown('fr-a', true)).toThrow(
      expect.objectContaining({ code: 'POP_CODE_INVALID' }),
    );
  });

  it('tells observers before and after a change, and not when nothing changes', () => {
    const world = new SimulatedWorld();
    const calls: string[] = [];
    const observer: WorldObserver = {
      beforeWorldChange: () => calls.push(`before:${world.allRelaysUnreachable}`),
      afterWorldChange: (change) => calls.push(`after:${change.kind}`),
    };
    const unobserve = world.observe(observer);
    world.setAllRelaysUnreachable(true);
    world.setAllRelaysUnreachable(true);
    expect(calls).toEqual(['before:false', 'after:allRelaysUnreachable']);
    expect(() => world.observe(observer)).toThrow(
      expect.objectContaining({ code: 'SIMULATION_OBSERVER_ALREADY_REGISTERED' }),
    );
    unobserve();
    world.setPopDown('fra', true);
    expect(calls).toHaveLength(2);
  });

  it('a POP down reaches every simulated host of the world', () => {
    const world = new SimulatedWorld({ seed: 2 });
    const clock = new ManualClock();
    const a = new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt' });
    const b = new SimulatedRelayNetwork({ world, clock, location: 'Munich' });
    a.initRelayNetworkAccess();
    b.initRelayNetworkAccess();
    clock.advance(8000);
    world.setPopDown('fra', true);
    expect(a.getDirectPingToPOP(popIdFromCode('fra'))).toBe(-1);
    expect(b.getDirectPingToPOP(popIdFromCode('fra'))).toBe(-1);
  });
});

describe('SimulatedWorld locations for lobbies', () => {
  const world = new SimulatedWorld({ seed: 6 });
  const tokyo = world.createHost({ location: 'Tokyo' });

  it('locationStringFor gives Steam text of 12 entries without any lifecycle', () => {
    const text = world.locationStringFor(tokyo);
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.size).toBe(12);
    expect(String(parsed)).toBe(text);
    expect(String(pingLocationFromBytes(world.pingLocationFor(tokyo))!)).toBe(text);
  });

  it("uses the model's noise-free pings: the nearest entry is its base round trip, rounded", () => {
    const nearest = world.pingLocationOf(tokyo).entries()[0]!;
    expect(nearest.via).toBeUndefined();
    expect(nearest.direct!.ms).toBe(Math.round(world.model.popRttMs(tokyo.model, nearest.popId)));
    expect(nearest.direct!.extra).toBe(Math.floor(nearest.direct!.ms / 10));
  });

  it("lists only the POPs of the host's partner network", () => {
    const entries = world.pingLocationOf(tokyo).entries();
    for (const entry of entries) {
      expect(world.model.pops.find((pop) => pop.id === entry.popId)!.partners & 1).toBe(1);
    }
    const shanghai = world.createHost({ location: 'Shanghai' });
    for (const entry of world.pingLocationOf(shanghai).entries()) {
      expect(world.model.pops.find((pop) => pop.id === entry.popId)!.partners & 2).toBe(2);
    }
  });

  it('reaches a POP without relays only through another POP', () => {
    const seattle = world.createHost({ location: 'Seattle' });
    const eat = world
      .pingLocationOf(seattle)
      .entries()
      .find((entry) => entry.code === 'eat')!;
    expect(eat.direct).toBeUndefined();
    expect(eat.via).toBeDefined();
    expect(String(world.pingLocationOf(seattle))).toMatch(/(^|,)eat=\/\d+\+\d+(,|$)/);
  });

  it('is deterministic: the same seed gives the same string', () => {
    const again = new SimulatedWorld({ seed: 6 });
    expect(again.locationStringFor(again.createHost({ location: 'Tokyo' }))).toBe(
      world.locationStringFor(tokyo),
    );
  });

  it('leaves out POPs that are down, and has no entries when no relay answers', () => {
    const own = new SimulatedWorld({ seed: 6 });
    const host = own.createHost({ location: 'Tokyo' });
    const nearest = own.pingLocationOf(host).entries()[0]!.popId;
    const code = own.model.pops.find((pop) => pop.id === nearest)!.code;
    own.setPopDown(code, true);
    const entries = own.pingLocationOf(host).entries();
    expect(entries.some((e) => e.popId === nearest || e.relayPopId === nearest)).toBe(false);
    own.setAllRelaysUnreachable(true);
    expect(own.pingLocationOf(host).entries()).toEqual([]);
  });

  it('truePingBetween is the relayed ground truth, symmetric and above the fibre bound', () => {
    const paris = world.createHost({ location: 'Paris' });
    const there = world.truePingBetween(tokyo, paris);
    expect(world.truePingBetween(paris, tokyo)).toBeCloseTo(there, 9);
    expect(there).toBeGreaterThanOrEqual(fiberBoundRttMs(tokyo.place, paris.place));
  });
});
