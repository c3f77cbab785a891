/**
 * The demo's start-up options, read from the page address: `?seed=7&location=Sydney`, or
 * `?beacons=http://127.0.0.1:8081/network-config` for real pings to beacons instead of the
 * simulated relay network (`bash scripts/demo.sh --beacons` starts local ones and opens that).
 * Bad values never stop the page: each is replaced by its default and reported as a warning the
 * page shows (in the dev console), so a mistyped link still opens the demo.
 */
import { DEFAULT_SIMULATION_SEED } from '@relaylane/steam-net-utils';
import { findCity, suggestCities } from '@relaylane/steam-net-utils/simulated';

/** Where the player starts when the address does not say. */
export const DEFAULT_DEMO_LOCATION = 'Frankfurt';
/** The world seed when the address does not say: the service's own default, as everywhere. */
export const DEFAULT_DEMO_SEED = DEFAULT_SIMULATION_SEED;

/** What the page starts with. */
export interface DemoOptions {
  /** Seeds the simulated world (POP access latencies, probe jitter) and the lobby list. */
  readonly seed: number;
  /** A catalogue city name, or `{ lat, lon }`. */
  readonly location: string | { readonly lat: number; readonly lon: number };
  /**
   * A beacon's `/network-config` URL: the player's pings are then measured to those beacons (the
   * beacons backend) instead of simulated. Undefined: the simulated relay network.
   */
  readonly beaconsConfigUrl: string | undefined;
  /** One line per parameter that was ignored, saying why and what was used instead. */
  readonly warnings: readonly string[];
}

const LAT_LON = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

/**
 * Reads `seed` (an integer from 0 to 2^32-1) and `location` (a city of the catalogue, or
 * `lat,lon`) from a query string. Returns the defaults ({@link DEFAULT_DEMO_SEED},
 * {@link DEFAULT_DEMO_LOCATION}) for missing parameters, and for invalid ones too, with a warning.
 * Never throws.
 */
export function readDemoOptions(search: string): DemoOptions {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];

  let seed = DEFAULT_DEMO_SEED;
  const seedText = params.get('seed');
  if (seedText !== null) {
    const parsed = Number(seedText);
    if (seedText.trim() !== '' && Number.isInteger(parsed) && parsed >= 0 && parsed <= 0xffffffff) {
      seed = parsed;
    } else {
      warnings.push(
        `?seed=${seedText} is not an integer from 0 to 4294967295; using seed ${DEFAULT_DEMO_SEED}.`,
      );
    }
  }

  let location: DemoOptions['location'] = DEFAULT_DEMO_LOCATION;
  const locationText = params.get('location');
  if (locationText !== null) {
    const coordinates = LAT_LON.exec(locationText);
    if (coordinates !== null) {
      const lat = Number(coordinates[1]);
      const lon = Number(coordinates[2]);
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        location = { lat, lon };
      } else {
        warnings.push(
          `?location=${locationText} is off the globe (latitude -90 to 90, longitude -180 to 180); starting in ${DEFAULT_DEMO_LOCATION}.`,
        );
      }
    } else if (findCity(locationText) !== undefined) {
      location = locationText;
    } else {
      const suggestions = suggestCities(locationText, 3).map((city) => city.name);
      warnings.push(
        `?location=${locationText} is not a city the simulation knows` +
          (suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '') +
          `; starting in ${DEFAULT_DEMO_LOCATION}. Use a city name or "lat,lon".`,
      );
    }
  }

  let beaconsConfigUrl: string | undefined;
  const beaconsText = params.get('beacons');
  if (beaconsText !== null) {
    let url: URL | undefined;
    try {
      url = new URL(beaconsText);
    } catch {
      url = undefined;
    }
    if (url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:')) {
      beaconsConfigUrl = url.href;
    } else {
      warnings.push(
        `?beacons=${beaconsText} is not an http:// or https:// URL of a beacon's /network-config; using the simulated relay network.`,
      );
    }
  }

  return { seed, location, beaconsConfigUrl, warnings };
}
