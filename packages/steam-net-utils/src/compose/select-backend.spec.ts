import { ManualClock } from '@relaylane/core';

import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { SimulationControlsCapability } from '../backends/simulated/simulation-controls.js';
import { SimulatedWorld } from '../backends/simulated/simulated-world.js';
import { type BackendEnvironment, type BackendProvider } from '../port/backend-provider.js';
import { ScriptedBackend } from '../test-support/scripted-backend.js';
import { thrownBy } from '../../../core/src/test-support/errors.js';
import { createNetworkingUtils } from './create-networking-utils.js';
import { BackendSelectionError, selectBackend } from './select-backend.js';

function environment(log: (line: string) => void = () => {}): BackendEnvironment {
  return { gameClock: new ManualClock(), realTimeClock: new ManualClock(), log };
}

/** A provider whose backend cannot start, as Steam's does without a Steam client. */
function failing(kind: string, message: string): BackendProvider & { attempts: number } {
  const provider = {
    kind,
    attempts: 0,
    create(): never {
      provider.attempts++;
      throw new Error(message);
    },
  };
  return provider;
}

/** A provider of a scripted backend. */
function scripted(kind = 'scripted'): BackendProvider & { made: ScriptedBackend[] } {
  const made: ScriptedBackend[] = [];
  return {
    kind,
    made,
    create: () => {
      const backend = new ScriptedBackend();
      made.push(backend);
      return backend;
    },
  };
}

describe('selectBackend', () => {
  it('creates the backend of one provider, in the environment it is given', () => {
    const gameClock = new ManualClock();
    const env = { ...environment(), gameClock };
    const world = new SimulatedWorld({ seed: 3 });
    const { backend, info } = selectBackend(simulatedBackend({ world, location: 'Sydney' }), env);
    expect(info).toEqual({ requested: ['simulated'], kind: 'simulated', fallbacks: [] });
    const controls = backend.capability?.(SimulationControlsCapability);
    expect(controls?.world).toBe(world);
    expect(controls?.host.locationName).toMatch(/^Sydney/);
    // The simulation runs on the environment's game clock.
    gameClock.advance(700);
    expect(controls?.peekRelayNetworkStatus()).toBeDefined();
    expect(controls?.now).toBe(700);
    backend.shutdown();
  });

  it('uses a backend object as it is', () => {
    const custom = new ScriptedBackend();
    const { backend, info } = selectBackend(custom, environment());
    expect(backend).toBe(custom);
    expect(info).toEqual({ requested: ['custom'], kind: custom.kind, fallbacks: [] });
  });

  it("wraps one provider's failure, keeping it as the cause", () => {
    const error = thrownBy<BackendSelectionError>(() =>
      selectBackend(failing('steam', 'SteamAPI_InitFlat: no steamclient.so'), environment()),
    );
    expect(error).toBeInstanceOf(BackendSelectionError);
    expect(error.code).toBe('BACKEND_START_FAILED');
    expect(error.message).toBe(
      'The steam backend could not start: SteamAPI_InitFlat: no steamclient.so',
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('falls back along a list visibly: a log line per fallback, and every reason kept', () => {
    const log = jest.fn();
    const steam = failing('steam', 'cannot open steamclient.so');
    const beacons = failing('beacons', 'no beacon answered');
    const last = scripted('simulated');
    const { backend, info } = selectBackend([steam, beacons, last], environment(log));
    expect(steam.attempts).toBe(1);
    expect(beacons.attempts).toBe(1);
    expect(backend).toBe(last.made[0]);
    expect(info).toEqual({
      requested: ['steam', 'beacons', 'simulated'],
      kind: last.made[0]!.kind,
      fallbacks: [
        { kind: 'steam', reason: 'cannot open steamclient.so' },
        { kind: 'beacons', reason: 'no beacon answered' },
      ],
    });
    expect(log.mock.calls).toEqual([
      [
        '[relaylane] The steam backend is not available, trying beacons: cannot open steamclient.so',
      ],
      ['[relaylane] The beacons backend is not available, trying simulated: no beacon answered'],
    ]);
  });

  it('stops at the first provider that starts, never creating the rest', () => {
    const first = scripted('first');
    const second = scripted('second');
    const { info } = selectBackend([first, second], environment());
    expect(info.requested).toEqual(['first', 'second']);
    expect(info.fallbacks).toEqual([]);
    expect(second.made).toEqual([]);
  });

  it('says every reason when no provider of a list starts', () => {
    const error = thrownBy<BackendSelectionError>(() =>
      selectBackend([failing('steam', 'no client'), failing('beacons', 'offline')], environment()),
    );
    expect(error.code).toBe('BACKEND_NONE_STARTED');
    expect(error.message).toBe('No backend could start: steam: no client; beacons: offline');
  });

  it.each([
    ['a name', 'simulated'],
    ['an empty list', []],
    ['null', null],
    ['a list with a non-provider', [simulatedBackend(), {}]],
  ])('rejects %s with a TypeError that lists the choices', (_label, choice) => {
    const error = thrownBy<TypeError>(() => selectBackend(choice as never, environment()));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^backend must be a backend provider \(simulatedBackend\(\)/);
  });
});

describe('createNetworkingUtils', () => {
  it('builds a ready service on the simulation by default, reporting how it was chosen', () => {
    const networkingUtils = createNetworkingUtils({ gameClock: new ManualClock() });
    expect(networkingUtils.backendKind).toBe('simulated');
    expect(networkingUtils.backendSelection).toEqual({
      requested: ['simulated'],
      kind: 'simulated',
      fallbacks: [],
    });
    networkingUtils.dispose();
  });

  it('runs the simulation on the game clock it is given', () => {
    const gameClock = new ManualClock();
    const networkingUtils = createNetworkingUtils({ gameClock });
    networkingUtils.initRelayNetworkAccess();
    gameClock.advance(20_000);
    networkingUtils.runCallbacks();
    expect(networkingUtils.getPOPCount()).toBeGreaterThan(0);
    networkingUtils.dispose();
  });

  it('announces a fallback through its log option', () => {
    const log = jest.fn();
    const networkingUtils = createNetworkingUtils({
      backend: [failing('steam', 'no client'), simulatedBackend()],
      gameClock: new ManualClock(),
      log,
    });
    expect(networkingUtils.backendSelection.fallbacks).toEqual([
      { kind: 'steam', reason: 'no client' },
    ]);
    expect(log).toHaveBeenCalledTimes(1);
    networkingUtils.dispose();
  });
});
