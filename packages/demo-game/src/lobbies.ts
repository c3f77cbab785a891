/**
 * The demo's lobby list: game lobbies hosted by simulated players in cities around the world, in
 * the same simulated world as the local player. Each lobby publishes its host's ping location
 * string, as a game puts it in its lobby metadata (`SetLobbyData("ping_location", ...)`), and the
 * local player estimates the ping to each host from that string alone.
 */
import {
  type ConnectionType,
  findCity,
  type SimulatedWorld,
  type WorldHost,
} from '@relaylane/steam-net-utils/simulated';

/** One lobby of the browser. */
export interface SimulatedLobby {
  /** Stable id, e.g. `'lobby-07'`. */
  readonly id: string;
  /** The lobby's title, as its host typed it. */
  readonly name: string;
  /** Game mode and map, for the row's second line. */
  readonly mode: string;
  readonly map: string;
  /** Players in the lobby and its size. */
  readonly players: number;
  readonly maxPlayers: number;
  /** Where the host plays from (catalogue city, country, coordinates). */
  readonly hostCity: string;
  readonly hostCountry: string;
  readonly lat: number;
  readonly lon: number;
  /** The host's ping location string (`world.locationStringFor(host)`), the lobby metadata field. */
  readonly pingLocation: string;
}

/** Where each lobby's host plays from and how it is connected. */
const LOBBY_HOSTS: readonly (readonly [city: string, connection: ConnectionType])[] = [
  ['Frankfurt', 'fiber'],
  ['London', 'cable'],
  ['Paris', 'fiber'],
  ['Madrid', 'dsl'],
  ['Stockholm', 'fiber'],
  ['Warsaw', 'cable'],
  ['Moscow', 'cable'],
  ['Istanbul', 'dsl'],
  ['Dubai', 'fiber'],
  ['Mumbai', 'mobile'],
  ['Singapore', 'fiber'],
  ['Hong Kong', 'fiber'],
  ['Tokyo', 'fiber'],
  ['Seoul', 'fiber'],
  ['Sydney', 'cable'],
  ['Auckland', 'dsl'],
  ['Los Angeles', 'cable'],
  ['Seattle', 'fiber'],
  ['Chicago', 'cable'],
  ['New York', 'fiber'],
  ['Atlanta', 'cable'],
  ['Dallas', 'fiber'],
  ['Toronto', 'cable'],
  ['Mexico City', 'dsl'],
  ['São Paulo', 'cable'],
  ['Buenos Aires', 'dsl'],
  ['Santiago', 'fiber'],
  ['Lima', 'mobile'],
  ['Johannesburg', 'dsl'],
  ['Cairo', 'mobile'],
  ['Lagos', 'mobile'],
  ['Nairobi', 'mobile'],
  ['Manila', 'dsl'],
  ['Jakarta', 'mobile'],
  ['Bangkok', 'cable'],
  ['Perth', 'cable'],
];

const LOBBY_NAMES: readonly string[] = [
  'Friday Night Frag',
  'Casual CTF, all welcome',
  'Ranked grind 2k+',
  'No rush 5 min',
  'Chill builders',
  'Tournament scrim',
  'EU late night',
  'Newbies only',
  'Speedrun practice',
  'Clan war prep',
  'Sunrise session',
  'Weekend league',
  'Sniper duels',
  'Co-op campaign',
  'Hardcore survival',
  'Mic required',
  'Retro maps rotation',
  'Quick matches',
  'Team deathmatch 24/7',
  'Custom rules, read desc',
  'Open lobby',
  'Stream lobby',
  'Training ground',
  'Last one standing',
  'Map testing',
  'Old school',
  'Late shift',
  'Pro league qualifiers',
  'Relaxed objective',
  'Night owls',
  'Drop-in drop-out',
  'Classic 5v5',
  'Fun & games',
  'Rookies welcome',
  'Endurance race',
  'Community night',
];

const MODES: readonly (readonly [mode: string, maxPlayers: number])[] = [
  ['Capture the Flag', 16],
  ['Team Deathmatch', 12],
  ['Co-op', 4],
  ['Battle Royale', 64],
  ['Duel', 2],
  ['Domination', 10],
];

const MAPS: readonly string[] = [
  'Harbor',
  'Dustbowl',
  'Skyline',
  'Glacier',
  'Foundry',
  'Canopy',
  'Outpost',
  'Reactor',
];

/**
 * A small deterministic generator (mulberry32): the lobby sizes and maps depend on the seed only.
 * Returns floats in [0, 1).
 */
function seededFloats(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The number of lobbies {@link createSimulatedLobbies} makes. */
export const LOBBY_COUNT = LOBBY_HOSTS.length;

/**
 * Creates one simulated host per lobby in `world` (labels `lobby-01` ...) and returns the lobbies,
 * each carrying its host's ping location string. The same seed gives the same sizes, modes and
 * maps. The hosts' locations are those of a perfect measurement (no lifecycle runs for them).
 *
 * @throws SimulatedWorldError `DUPLICATE_HOST_LABEL` when the world already has lobby hosts.
 */
export function createSimulatedLobbies(world: SimulatedWorld, seed: number): SimulatedLobby[] {
  const random = seededFloats(seed);
  return LOBBY_HOSTS.map(([city, connection], index): SimulatedLobby => {
    const id = `lobby-${String(index + 1).padStart(2, '0')}`;
    const host: WorldHost = world.createHost({ location: city, connection, label: id });
    const place = findCity(city);
    const [mode, maxPlayers] = MODES[Math.floor(random() * MODES.length)]!;
    // At least one player (the host), never more than the size.
    const players = 1 + Math.floor(random() * maxPlayers);
    return {
      id,
      name: LOBBY_NAMES[index % LOBBY_NAMES.length]!,
      mode,
      map: MAPS[Math.floor(random() * MAPS.length)]!,
      players,
      maxPlayers,
      hostCity: place?.name ?? city,
      hostCountry: place?.country ?? '',
      lat: host.place.lat,
      lon: host.place.lon,
      pingLocation: world.locationStringFor(host),
    };
  });
}
