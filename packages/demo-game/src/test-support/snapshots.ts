/** Hand-made snapshots for the views' tests: only what a test sets differs from a quiet default. */
import {
  NETWORKING_AVAILABILITY_CURRENT,
  popIdFromCode,
  type RegionCandidate,
} from '@relaylane/steam-net-utils';

import { type DemoSnapshot } from '../demo-plugin.js';
import { type SimulatedLobby } from '../lobbies.js';

/** A lobby with the given id and host city. */
export function lobby(id: string, hostCity = 'Paris'): SimulatedLobby {
  return {
    id,
    name: `Lobby ${id}`,
    mode: 'Duel',
    map: 'Harbor',
    players: 1,
    maxPlayers: 2,
    hostCity,
    hostCountry: 'France',
    lat: 48.86,
    lon: 2.35,
    pingLocation: 'par=10+1',
  };
}

/** A reachable POP candidate, relayed directly. */
export function candidate(code: string, ping: number, reachable = ping >= 0): RegionCandidate {
  const popId = popIdFromCode(code);
  return {
    popId,
    code,
    ping,
    relayPopId: reachable ? popId : 0,
    reachable,
    loss: undefined,
    score: ping,
  };
}

/** A CURRENT snapshot with no lobbies and no region, changed by `overrides`. */
export function snapshot(overrides: Partial<DemoSnapshot> = {}): DemoSnapshot {
  return {
    atMs: 10_000,
    status: {
      available: NETWORKING_AVAILABILITY_CURRENT,
      ping_measurement: 0,
      available_config: NETWORKING_AVAILABILITY_CURRENT,
      available_relay: NETWORKING_AVAILABILITY_CURRENT,
      debug_message: 'ok',
    },
    statusHistory: [],
    remeasuring: false,
    localLocation: 'fra=5+0',
    localLocationAge: 2,
    backend: { requested: ['simulated'], kind: 'simulated', fallbacks: [] },
    player: { name: 'Frankfurt (Germany)', lat: 50.11, lon: 8.68 },
    region: {
      current: undefined,
      fastest: undefined,
      candidates: [],
      unreachable: [],
      pinned: undefined,
      changes: [],
    },
    lobbies: [],
    rankRevision: 1,
    ...overrides,
  };
}
