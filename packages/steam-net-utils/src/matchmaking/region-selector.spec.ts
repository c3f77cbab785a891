import { ManualClock, MessageQueue } from '@relaylane/core';

import {
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_TYPE_STRING,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '../constants/index.js';
import { NetworkingUtils } from '../service/networking-utils.js';
import { ScriptedBackend } from '../test-support/scripted-backend.js';
import { popIdFromCode } from '../estimator/pop-id.js';
import { RegionSelectorError } from './matchmaking-errors.js';
import {
  RegionSelector,
  type RegionSelectorOptions,
  UNPIN_REMEASURE_LIMIT_MS,
} from './region-selector.js';

/** The scripted backend with one exact ping per POP: the POP list is the table's codes. */
class PopsBackend extends ScriptedBackend {
  readonly pings = new Map<number, number>();

  /** Lists exactly these POPs with these pings. */
  setPings(pings: Record<string, number>): void {
    this.pings.clear();
    for (const [code, ping] of Object.entries(pings)) this.pings.set(popIdFromCode(code), ping);
    this.answers.getPOPList = [...this.pings.keys()];
  }

  override getPingToDataCenter(popId: number): { ping: number; relayPopId: number } {
    super.getPingToDataCenter(popId); // recorded
    const ping = this.pings.get(popId) ?? NETWORKING_PING_UNKNOWN;
    return { ping, relayPopId: ping >= 0 ? popId : 0 };
  }

  /** The values given to SDRClient_ForceRelayCluster, in order. */
  forcedClusters(): unknown[] {
    return this.argsOf('setConfigValue')
      .filter(([id]) => id === NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER)
      .map((args) => args[4]);
  }
}

function setUp(pings: Record<string, number>, options: RegionSelectorOptions = {}) {
  const backend = new PopsBackend();
  backend.setPings(pings);
  const networkingUtils = new NetworkingUtils(backend, { messageQueue: new MessageQueue() });
  const clock = new ManualClock();
  const selector = new RegionSelector(networkingUtils, { clock, refreshIntervalMs: 0, ...options });
  const changes: string[] = [];
  selector.signals.region_changed.connect((_popId, code, ping, reason) => {
    changes.push(`${code}:${ping}:${reason}`);
  });
  /** Advances the clock by `ms` (default 0), then updates. */
  const at = (ms = 0): void => {
    clock.advance(ms);
    selector.update();
  };
  return { backend, networkingUtils, clock, selector, changes, at };
}

const MIN_BETTER = 3000;

describe('RegionSelector: picking', () => {
  it('queries nothing until the first update', () => {
    const { backend } = setUp({ fra: 10 });
    expect(backend.calls).toEqual([]);
  });

  it('takes the best reachable POP on the first update, reason initial', () => {
    const { selector, changes, at } = setUp({ sto: 40, fra: 9, par: 15 });
    at();
    expect(changes).toEqual(['fra:9:initial']);
    expect(selector.current).toEqual({
      popId: popIdFromCode('fra'),
      code: 'fra',
      ping: 9,
      relayPopId: popIdFromCode('fra'),
      pinned: false,
    });
  });

  it('breaks a ping tie by code, whatever order the POP list comes in', () => {
    for (const pings of [
      { par: 20, ams: 20, lhr: 20 },
      { lhr: 20, ams: 20, par: 20 },
    ]) {
      const { changes, at } = setUp(pings);
      at();
      expect(changes).toEqual(['ams:20:initial']);
    }
  });

  it('lists every POP as a candidate, best first', () => {
    const { selector, at } = setUp({ sto: 40, fra: 9, par: NETWORKING_PING_FAILED });
    at();
    expect(selector.candidates.map((c) => [c.code, c.reachable])).toEqual([
      ['fra', true],
      ['sto', true],
      ['par', false],
    ]);
  });

  it('picks nothing while no POP has a ping', () => {
    const { selector, changes, at } = setUp({ fra: NETWORKING_PING_UNKNOWN });
    at();
    expect(selector.current).toBeUndefined();
    expect(changes).toEqual([]);
    expect(selector.unreachable).toEqual([]); // not measured is not unreachable
  });

  it('follows the current POP ping without emitting', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    backend.setPings({ fra: 14, par: 30 });
    at(100);
    expect(selector.current?.ping).toBe(14);
    expect(changes).toEqual(['fra:10:initial']);
  });
});

describe('RegionSelector: hysteresis', () => {
  it('switches once another POP has beaten the current one by the threshold for minBetterMs', () => {
    const { backend, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    backend.setPings({ fra: 80, par: 30 }); // 80 > 30 × 1.1 + 5
    at(100);
    at(MIN_BETTER - 1);
    expect(changes).toEqual(['fra:10:initial']);
    at(1);
    expect(changes).toEqual(['fra:10:initial', 'par:30:better']);
  });

  it('does not switch on a brief dip, and a dip restarts the wait', () => {
    const { backend, changes, at } = setUp({ fra: 20, par: 30 });
    at();
    backend.setPings({ fra: 90, par: 30 });
    at(100);
    at(MIN_BETTER - 500);
    backend.setPings({ fra: 20, par: 30 }); // the dip ends before minBetterMs
    at(100);
    at(10_000);
    expect(changes).toEqual(['fra:20:initial']);
    backend.setPings({ fra: 90, par: 30 }); // better again: the wait starts from here
    at(100);
    at(MIN_BETTER - 1);
    expect(changes).toEqual(['fra:20:initial']);
    at(1);
    expect(changes.at(-1)).toBe('par:30:better');
  });

  it('does not switch exactly at the threshold (current = other × 1.1 + 5), however long', () => {
    for (const [current, other] of [
      [60, 50],
      [38, 30],
      [115, 100],
      [27, 20],
    ] as const) {
      const { backend, changes, at } = setUp({ fra: 1, par: other });
      at();
      backend.setPings({ fra: current, par: other });
      at(100);
      at(60_000);
      expect(changes).toEqual(['fra:1:initial']);
    }
  });

  it('does not switch exactly at the threshold when the product rounds below it', () => {
    // 45 × 1.4 is 62.99999999999999 in binary floating point, not 63.
    const { backend, changes, at } = setUp({ fra: 1, par: 45 }, { switchRatio: 1.4 });
    at();
    backend.setPings({ fra: 68, par: 45 }); // exactly 45 × 1.4 + 5
    at(100);
    at(60_000);
    expect(changes).toEqual(['fra:1:initial']);
  });

  it('switches just above the threshold', () => {
    const { backend, changes, at } = setUp({ fra: 1, par: 50 });
    at();
    backend.setPings({ fra: 60.01, par: 50 });
    at(100);
    at(MIN_BETTER);
    expect(changes.at(-1)).toBe('par:50:better');
  });

  it('does not switch to a POP that is better but not by the threshold', () => {
    const { backend, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    backend.setPings({ fra: 40, par: 30 }); // 30 ms better is needed past 30 × 1.1 + 5 = 38: 40 > 38
    at(100);
    at(MIN_BETTER);
    expect(changes.at(-1)).toBe('par:30:better');
    const second = setUp({ fra: 10, par: 30 });
    second.at();
    second.backend.setPings({ fra: 37, par: 30 }); // 37 < 38: not enough
    second.at(100);
    second.at(60_000);
    expect(second.changes).toEqual(['fra:10:initial']);
  });

  it('honours its own ratio, margin and wait', () => {
    const { backend, changes, at } = setUp(
      { fra: 10, par: 30 },
      { switchRatio: 1.5, switchMarginMs: 10, minBetterMs: 200 },
    );
    at();
    backend.setPings({ fra: 55, par: 30 }); // 55 = 30 × 1.5 + 10: not enough
    at(100);
    at(1000);
    expect(changes).toEqual(['fra:10:initial']);
    backend.setPings({ fra: 56, par: 30 });
    at(100);
    at(199);
    expect(changes).toEqual(['fra:10:initial']);
    at(1);
    expect(changes.at(-1)).toBe('par:30:better');
  });

  it('when several POPs have waited long enough, takes the best of them', () => {
    const { backend, changes, at } = setUp({ fra: 10, par: 30, ams: 40 });
    at();
    backend.setPings({ fra: 200, par: 30, ams: 40 });
    at(100);
    at(MIN_BETTER);
    expect(changes.at(-1)).toBe('par:30:better');
  });

  it('keeps the wait of a challenger that stays better while the best one changes', () => {
    const { backend, changes, at } = setUp({ fra: 10, par: 50, ams: 60 });
    at();
    backend.setPings({ fra: 200, par: 50, ams: 60 });
    at(100); // both start waiting here
    backend.setPings({ fra: 200, par: 50, ams: 45 });
    at(MIN_BETTER); // ams only now became the best, but has beaten fra since the start
    expect(changes.at(-1)).toBe('ams:45:better');
  });

  it('starts the race again against the new region after a switch', () => {
    const { backend, changes, at } = setUp({ fra: 10, par: 30, ams: 100 });
    at();
    backend.setPings({ fra: 200, par: 30, ams: 100 });
    at(100);
    at(MIN_BETTER);
    backend.setPings({ fra: 200, par: 30, ams: 20 }); // beats par (30 > 20 × 1.1 + 5 = 27)
    at(100);
    at(MIN_BETTER - 1);
    expect(changes.at(-1)).toBe('par:30:better');
    at(1);
    expect(changes.at(-1)).toBe('ams:20:better');
  });
});

describe('RegionSelector: unreachable POPs', () => {
  it('switches at once when the current POP fails, and reports it', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30, ams: 35 });
    at();
    backend.setPings({ fra: NETWORKING_PING_FAILED, par: 30, ams: 35 });
    at(16);
    expect(changes).toEqual(['fra:10:initial', 'par:30:unreachable']);
    expect(selector.unreachable).toEqual(['fra']);
  });

  it('switches at once when the current POP drops out of the list', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    backend.setPings({ par: 30 });
    at(16);
    expect(changes.at(-1)).toBe('par:30:unreachable');
    expect(selector.unreachable).toEqual(['fra']);
  });

  it('never picks an unreachable POP, however good its last ping was', () => {
    const { selector, at } = setUp({ fra: NETWORKING_PING_FAILED, sto: 60 });
    at();
    expect(selector.current?.code).toBe('sto');
    expect(selector.unreachable).toEqual(['fra']);
  });

  it('reports no region when nothing is reachable, then picks again as initial', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    backend.setPings({ fra: NETWORKING_PING_FAILED, par: NETWORKING_PING_FAILED });
    at(16);
    expect(selector.current).toBeUndefined();
    expect(changes.at(-1)).toBe(`:${NETWORKING_PING_FAILED}:unreachable`);
    at(16);
    expect(changes).toHaveLength(2); // no region stays no region, silently
    backend.setPings({ fra: 12, par: 30 });
    at(16);
    expect(changes.at(-1)).toBe('fra:12:initial');
  });
});

describe('RegionSelector: pin and unpin', () => {
  it('pins a POP: sets SDRClient_ForceRelayCluster to its code and emits pinned', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    selector.pin('par');
    expect(backend.argsOf('setConfigValue')).toEqual([
      [
        NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
        NETWORKING_CONFIG_SCOPE_GLOBAL,
        0,
        NETWORKING_CONFIG_TYPE_STRING,
        'par',
      ],
    ]);
    expect(changes.at(-1)).toBe('par:30:pinned');
    expect(selector.pinned).toBe('par');
    expect(selector.current).toMatchObject({ code: 'par', pinned: true });
    expect(selector.relayClusterForced).toBe(true);
  });

  it('never switches away from a pinned POP on its own', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    selector.pin('par');
    backend.setPings({ fra: 1, par: 300 });
    at(100);
    at(60_000);
    expect(changes.at(-1)).toBe('par:30:pinned');
    expect(selector.current).toMatchObject({ code: 'par', ping: 300, pinned: true });
  });

  it('pinning the POP already pinned does nothing', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10 });
    at();
    selector.pin('fra');
    selector.pin('fra');
    expect(changes).toEqual(['fra:10:initial', 'fra:10:pinned']);
    expect(backend.forcedClusters()).toEqual(['fra']);
  });

  it('unpin clears SDRClient_ForceRelayCluster to an empty string and takes the best POP at once', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    selector.pin('par');
    selector.unpin();
    expect(backend.forcedClusters()).toEqual(['par', '']);
    expect(changes.at(-1)).toBe('fra:10:unpinned');
    expect(selector.pinned).toBeUndefined();
    expect(selector.current).toMatchObject({ code: 'fra', pinned: false });
    expect(selector.relayClusterForced).toBe(false);
  });

  it('after an unpin, a backend that never reports a new measurement does not freeze the choice', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10, par: 30 });
    at();
    selector.pin('par');
    selector.unpin();
    expect(changes.at(-1)).toBe('fra:10:unpinned');
    // This backend measures nothing again (no ping_measurement ever): par becomes much better.
    backend.setPings({ fra: 80, par: 20 });
    at(UNPIN_REMEASURE_LIMIT_MS - 1);
    expect(selector.current?.code).toBe('fra'); // still waiting for the new measurement
    at(1);
    at(MIN_BETTER);
    expect(changes.at(-1)).toBe('par:20:better');
  });

  it('unpin with nothing pinned does nothing', () => {
    const { backend, selector, changes, at } = setUp({ fra: 10 });
    at();
    selector.unpin();
    expect(changes).toEqual(['fra:10:initial']);
    expect(backend.forcedClusters()).toEqual([]);
  });

  it('refuses to pin a code the relay network has not listed, leaving the config alone', () => {
    const { backend, selector, at } = setUp({ fra: 10, par: 30 });
    at();
    expect(() => selector.pin('xyz')).toThrow(RegionSelectorError);
    expect(() => selector.pin('xyz')).toThrow(/'xyz' is not a POP of the relay network.*fra, par/);
    expect(() => selector.pin('FRA')).toThrow(/Did you mean 'fra'\?/);
    expect(backend.forcedClusters()).toEqual([]);
    expect(selector.pinned).toBeUndefined();
  });

  it('refuses to pin before any POP list has arrived, saying to wait for CURRENT', () => {
    const { selector } = setUp({});
    let error: unknown;
    try {
      selector.pin('fra');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RegionSelectorError);
    expect((error as RegionSelectorError).code).toBe('REGION_SELECTOR_UNKNOWN_POP');
    expect((error as Error).message).toMatch(/not listed any POP yet.*CURRENT \(100\)/);
  });

  it('refuses a code that is not a string with a TypeError', () => {
    const { selector } = setUp({ fra: 10 });
    expect(() => selector.pin(7 as unknown as string)).toThrow(TypeError);
  });

  it('can pin a known POP that is unreachable: the choice stands with its sentinel ping', () => {
    const { selector, changes, at } = setUp({ fra: 10, par: NETWORKING_PING_FAILED });
    at();
    selector.pin('par');
    expect(changes.at(-1)).toBe(`par:${NETWORKING_PING_FAILED}:pinned`);
    expect(selector.current).toMatchObject({ code: 'par', relayPopId: 0, pinned: true });
  });

  it('keeps the pin when the backend refuses the config value, and says so', () => {
    const { backend, selector, at } = setUp({ fra: 10, par: 30 });
    at();
    backend.answers.setConfigValue = false;
    selector.pin('par');
    expect(selector.pinned).toBe('par');
    expect(selector.relayClusterForced).toBe(false);
  });
});

describe('RegionSelector: signals, refresh and lifecycle', () => {
  function statusEvent(backend: PopsBackend): void {
    backend.queueEvent((sink) =>
      sink.relayNetworkStatus({
        available: NETWORKING_AVAILABILITY_CURRENT,
        pingMeasurementInProgress: 0,
        availableNetworkConfig: NETWORKING_AVAILABILITY_CURRENT,
        availableAnyRelay: NETWORKING_AVAILABILITY_CURRENT,
        debugMessage: '',
      }),
    );
  }

  it('updates by itself on relay_network_status', () => {
    const { backend, networkingUtils, changes } = setUp({ fra: 10 });
    statusEvent(backend);
    networkingUtils.runCallbacks();
    expect(changes).toEqual(['fra:10:initial']);
  });

  it('re-reads the pings at most every refreshIntervalMs, and at once on relay_network_status', () => {
    const { backend, networkingUtils, selector, at } = setUp(
      { fra: 10 },
      { refreshIntervalMs: 500 },
    );
    at();
    backend.setPings({ fra: 25 });
    at(499);
    expect(selector.current?.ping).toBe(10);
    at(1);
    expect(selector.current?.ping).toBe(25);
    backend.setPings({ fra: 33 });
    statusEvent(backend);
    networkingUtils.runCallbacks();
    expect(selector.current?.ping).toBe(33);
  });

  it('dispose disconnects from relay_network_status and from its own listeners', () => {
    const { backend, networkingUtils, selector, changes } = setUp({ fra: 10 });
    selector.dispose();
    expect(networkingUtils.signals.relay_network_status.getConnections()).toHaveLength(0);
    expect(selector.signals.region_changed.getConnections()).toHaveLength(0);
    statusEvent(backend);
    networkingUtils.runCallbacks();
    expect(changes).toEqual([]);
  });

  it('dispose clears the forced relay cluster it set', () => {
    const { backend, selector, at } = setUp({ fra: 10 });
    at();
    selector.pin('fra');
    selector.dispose();
    expect(backend.forcedClusters()).toEqual(['fra', '']);
  });

  it('dispose after the service was disposed does not touch the service', () => {
    const { networkingUtils, selector, at } = setUp({ fra: 10 });
    at();
    selector.pin('fra');
    networkingUtils.dispose();
    expect(() => selector.dispose()).not.toThrow();
  });

  it('every method but dispose throws REGION_SELECTOR_DISPOSED after dispose; dispose twice is fine', () => {
    const { selector } = setUp({ fra: 10 });
    selector.dispose();
    selector.dispose();
    for (const call of [
      () => selector.update(),
      () => selector.pin('fra'),
      () => selector.unpin(),
    ]) {
      expect(call).toThrow(RegionSelectorError);
      expect(call).toThrow(/after dispose\(\)/);
    }
  });

  it('refuses options out of range or of the wrong type', () => {
    const networkingUtils = new NetworkingUtils(new PopsBackend(), {
      messageQueue: new MessageQueue(),
    });
    expect(() => new RegionSelector(networkingUtils, { switchRatio: 0.9 })).toThrow(
      /options\.switchRatio must be a finite number >= 1, got 0\.9/,
    );
    expect(() => new RegionSelector(networkingUtils, { switchMarginMs: -1 })).toThrow(RangeError);
    expect(() => new RegionSelector(networkingUtils, { minBetterMs: NaN })).toThrow(RangeError);
    expect(() => new RegionSelector(networkingUtils, { refreshIntervalMs: Infinity })).toThrow(
      RangeError,
    );
    expect(
      () => new RegionSelector(networkingUtils, { minBetterMs: '3' as unknown as number }),
    ).toThrow(TypeError);
    expect(() => new RegionSelector(networkingUtils, { clock: {} as ManualClock })).toThrow(
      TypeError,
    );
    expect(() => new RegionSelector({} as NetworkingUtils)).toThrow(TypeError);
  });
});
