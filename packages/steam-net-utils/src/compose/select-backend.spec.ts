import { ManualClock } from '@relaylane/core';

import { ScriptedBackend } from '../test-support/scripted-backend.js';
import { SimulatedRelayNetwork } from '../backends/simulated/simulated-relay-network.js';
import { SimulatedWorld } from '../backends/simulated/simulated-world.js';
import {
  BackendSelectionError,
  selectBackend,
  type SteamBackendProvider,
} from './select-backend.js';
import { createNetworkingUtils } from './create-networking-utils.js';

function failingSteam(message: string): SteamBackendProvider & { created: number } {
  const provider = {
    created: 0,
    createSteamBackend() {
      provider.created++;
      const backend = new ScriptedBackend() as unknown as ReturnType<
        SteamBackendProvider['createSteamBackend']
      >;
      backend.init = () => {
        throw new Error(message);
      };
      return backend;
    },
  };
  return provider;
}

describe('selectBackend', () => {
  const clock = new ManualClock();

  it('defaults to the simulated relay network in Frankfurt', () => {
    const { backend, selection } = selectBackend({ clock });
    expect(backend).toBeInstanceOf(SimulatedRelayNetwork);
    expect((backend as SimulatedRelayNetwork).host.locationName).toMatch(/^Frankfurt/);
    expect(selection).toEqual({ requested: 'simulated', kind: 'simulated' });
  });

  it('puts the simulated host where the options say, in the world they give', () => {
    const world = new SimulatedWorld({ seed: 3 });
    const { backend } = selectBackend({ clock, world, location: 'Sydney' });
    expect((backend as SimulatedRelayNetwork).world).toBe(world);
    expect((backend as SimulatedRelayNetwork).host.locationName).toMatch(/^Sydney/);
  });

  it('uses a backend object as it is', () => {
    const custom = new ScriptedBackend();
    const { backend, selection } = selectBackend({ backend: custom });
    expect(backend).toBe(custom);
    expect(selection.requested).toBe('custom');
  });

  it("refuses 'steam' without the provider, saying how to pass it", () => {
    expect(() => selectBackend({ backend: 'steam' })).toThrow(BackendSelectionError);
    expect(() => selectBackend({ backend: 'steam' })).toThrow(
      /@relaylane\/steam-net-utils\/steam.*`steam` option/,
    );
  });

  it("wraps Steam's own failure for 'steam', keeping it as the cause", () => {
    let thrown: unknown;
    try {
      selectBackend({
        backend: 'steam',
        steam: failingSteam('SteamAPI_InitFlat: no steamclient.so'),
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BackendSelectionError);
    expect((thrown as BackendSelectionError).code).toBe('STEAM_BACKEND_FAILED');
    expect((thrown as Error).message).toContain('steamclient.so');
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });

  it("falls back from 'auto' to the simulation visibly: a log line and the reason", () => {
    const log = jest.fn();
    const steam = failingSteam('SteamAPI_InitFlat failed: cannot open steamclient.so');
    const { backend, selection } = selectBackend({ backend: 'auto', steam, log, clock });
    expect(steam.created).toBe(1);
    expect(backend).toBeInstanceOf(SimulatedRelayNetwork);
    expect(selection).toEqual({
      requested: 'auto',
      kind: 'simulated',
      fallbackReason: expect.stringContaining('steamclient.so'),
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/simulated relay network.*steamclient\.so/);
  });

  it("says why 'auto' fell back when no Steam provider was given", () => {
    const log = jest.fn();
    const { selection } = selectBackend({ backend: 'auto', log, clock });
    expect(selection.fallbackReason).toMatch(/not provided/);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("picks Steam for 'auto' when it starts", () => {
    const scripted = new ScriptedBackend();
    const init = jest.fn();
    const steam: SteamBackendProvider = {
      createSteamBackend: () => Object.assign(scripted, { init }),
    };
    const { backend, selection } = selectBackend({ backend: 'auto', steam, log: jest.fn() });
    expect(backend).toBe(scripted);
    expect(init).toHaveBeenCalledTimes(1);
    expect(selection).toEqual({ requested: 'auto', kind: scripted.kind });
  });

  it('rejects an unknown backend name with a TypeError that lists the choices', () => {
    expect(() => selectBackend({ backend: 'stem' as never })).toThrow(
      /'simulated', 'steam', 'auto' or a NetworkingUtilsBackend object, got "stem"/,
    );
  });
});

describe('createNetworkingUtils', () => {
  it('builds a ready service that reports how its backend was chosen', () => {
    const steam = createNetworkingUtils({
      backend: 'auto',
      log: () => {},
      location: 'Tokyo',
      clock: new ManualClock(),
    });
    expect(steam.backendKind).toBe('simulated');
    expect(steam.backendSelection.requested).toBe('auto');
    expect(steam.backendSelection.fallbackReason).toBeDefined();
    steam.dispose();
  });
});
