/**
 * Draws {@link DemoSnapshot}s on the {@link GlobeView}: the player, every POP in its band colour
 * (POPs not measured yet in the "unknown" colour), and the route to the region in use. Only what
 * changed is sent to the globe, so a snapshot that changes nothing rebuilds no mesh.
 */
import { getPopInfo, POP_CATALOGUE } from '@relaylane/steam-net-utils/simulated';

import { type DemoSnapshot } from '../demo-plugin.js';
import { BAND_COLORS, bandOf, formatPing } from '../ui/ping-style.js';
import { type GlobePop, type GlobeRoute, type GlobeView } from './globe.js';

/** Keeps a globe in step with the snapshots it is given. */
export class GlobePresenter {
  #popsKey = '';
  #routeKey = '';
  #playerKey = '';

  readonly #globe: GlobeView;

  constructor(globe: GlobeView) {
    this.#globe = globe;
  }

  /** Sends the snapshot's changes to the globe. */
  draw(snapshot: DemoSnapshot): void {
    const player = snapshot.player;
    const playerKey = player === undefined ? '' : `${player.lat},${player.lon},${player.name}`;
    if (playerKey !== this.#playerKey) {
      this.#playerKey = playerKey;
      this.#globe.setPlayer(player, player === undefined ? '' : `You · ${player.name}`);
      this.#routeKey = ''; // routes start at the player: draw again
    }

    const colors = new Map<string, string>();
    for (const candidate of snapshot.region.candidates) {
      colors.set(
        candidate.code,
        BAND_COLORS[candidate.reachable ? bandOf(candidate.ping) : 'unknown'],
      );
    }
    const pops: GlobePop[] = POP_CATALOGUE.map((pop) => ({
      code: pop.code,
      lat: pop.lat,
      lon: pop.lon,
      color: colors.get(pop.code) ?? BAND_COLORS.unknown,
    }));
    const popsKey = pops.map((pop) => pop.color).join();
    if (popsKey !== this.#popsKey) {
      this.#popsKey = popsKey;
      this.#globe.setPops(pops);
    }

    const route = routeOf(snapshot);
    const routeKey =
      route === undefined
        ? ''
        : `${route.label}|${route.color}|${route.relay.lat},${route.relay.lon}|${route.destination.lat},${route.destination.lon}`;
    if (routeKey !== this.#routeKey) {
      this.#routeKey = routeKey;
      this.#globe.setRoute(route);
    }
  }
}

/** The route to the region in use, or undefined when there is none or its POP is not catalogued. */
export function routeOf(snapshot: DemoSnapshot): GlobeRoute | undefined {
  const choice = snapshot.region.current;
  if (choice === undefined) return undefined;
  const destination = getPopInfo(choice.popId);
  if (destination === undefined) return undefined;
  const relay =
    choice.relayPopId === 0 ? destination : (getPopInfo(choice.relayPopId) ?? destination);
  return {
    destination,
    relay,
    direct: relay.id === destination.id,
    color: BAND_COLORS[bandOf(choice.ping)],
    label: `${choice.code.toUpperCase()} · ${formatPing(choice.ping)}`,
  };
}
