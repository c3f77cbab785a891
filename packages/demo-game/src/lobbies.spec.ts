import { ManualClock } from '@relaylane/core';
import { createNetworkingUtils, simulatedBackend } from '@relaylane/steam-net-utils';
import { SimulatedWorld } from '@relaylane/steam-net-utils/simulated';

import { createSimulatedLobbies, LOBBY_COUNT } from './lobbies.js';

describe('createSimulatedLobbies', () => {
  test('one host per lobby in the given world, each publishing its location string', () => {
    const world = new SimulatedWorld({ seed: 3 });
    const lobbies = createSimulatedLobbies(world, 3);
    expect(lobbies).toHaveLength(LOBBY_COUNT);
    expect(new Set(lobbies.map((lobby) => lobby.id)).size).toBe(LOBBY_COUNT);
    for (const lobby of lobbies) {
      const host = world.findHost(lobby.id);
      expect(host).toBeDefined();
      expect(lobby.pingLocation).toBe(world.locationStringFor(host!));
    }
  });

  test("every lobby's location string parses, so a player can estimate the ping to it", () => {
    const world = new SimulatedWorld({ seed: 3 });
    const lobbies = createSimulatedLobbies(world, 3);
    const networkingUtils = createNetworkingUtils({
      backend: simulatedBackend({ world, location: 'Paris' }),
      gameClock: new ManualClock(),
    });
    for (const lobby of lobbies) {
      expect(networkingUtils.parsePingLocationString(lobby.pingLocation).success).toBe(true);
    }
    networkingUtils.dispose();
  });

  test('hosts come from cities on every inhabited continent, far apart', () => {
    const lobbies = createSimulatedLobbies(new SimulatedWorld(), 1);
    const cities = new Set(lobbies.map((lobby) => lobby.hostCity));
    expect(cities.size).toBe(LOBBY_COUNT);
    expect(Math.min(...lobbies.map((l) => l.lat))).toBeLessThan(-30);
    expect(Math.max(...lobbies.map((l) => l.lat))).toBeGreaterThan(50);
    expect(Math.min(...lobbies.map((l) => l.lon))).toBeLessThan(-100);
    expect(Math.max(...lobbies.map((l) => l.lon))).toBeGreaterThan(150);
  });

  test('players are between 1 and the lobby size; the same seed gives the same lobbies', () => {
    const a = createSimulatedLobbies(new SimulatedWorld({ seed: 9 }), 9);
    const b = createSimulatedLobbies(new SimulatedWorld({ seed: 9 }), 9);
    expect(a).toEqual(b);
    for (const lobby of a) {
      expect(lobby.players).toBeGreaterThanOrEqual(1);
      expect(lobby.players).toBeLessThanOrEqual(lobby.maxPlayers);
    }
  });

  test('a world that already has the lobby hosts refuses them again', () => {
    const world = new SimulatedWorld();
    createSimulatedLobbies(world, 1);
    expect(() => createSimulatedLobbies(world, 1)).toThrow(/lobby-01/);
  });
});
