/**
 * Where a simulated host is: a city of the catalogue by name (`'Frankfurt'`, `'Portland, United
 * States'`) or a latitude and longitude.
 */
import {
  describeUnknownCity,
  findCity,
  formatLatLon,
  isValidLatLon,
  type LatLon,
  type Place,
  WorldRangeError,
} from './world/index.js';

/** A host location as the simulation's options take it: a city name or coordinates. */
export type HostLocation = string | LatLon;

/** A location resolved to a place of the latency model, with the name to show for it. */
export interface ResolvedLocation {
  /** The point, with the city's country when it is a catalogue city. */
  readonly place: Place;
  /** `'Frankfurt (Germany)'`, or the coordinates (`'50.11°N 8.68°E'`). */
  readonly name: string;
}

/**
 * Resolves a city name or coordinates.
 *
 * @throws RangeError ({@link WorldRangeError} `SIMULATION_UNKNOWN_CITY`) naming close matches when the city
 *   is not in the catalogue; `SIMULATION_INVALID_LOCATION` when coordinates are off the globe or the value
 *   is neither a string nor `{ lat, lon }`.
 */
export function resolveHostLocation(location: HostLocation): ResolvedLocation {
  if (typeof location === 'string') {
    const city = findCity(location);
    if (city === undefined) {
      throw new WorldRangeError('SIMULATION_UNKNOWN_CITY', describeUnknownCity(location));
    }
    return {
      place: { lat: city.lat, lon: city.lon, countryCode: city.countryCode },
      name: `${city.name} (${city.country})`,
    };
  }
  if (
    typeof location !== 'object' ||
    location === null ||
    typeof location.lat !== 'number' ||
    typeof location.lon !== 'number' ||
    !isValidLatLon(location)
  ) {
    throw new WorldRangeError(
      'SIMULATION_INVALID_LOCATION',
      `A host location must be a city name such as 'Frankfurt' or { lat, lon } with lat in ` +
        `[-90, 90] and lon in [-180, 180]; got ${describeValue(location)}.`,
    );
  }
  return { place: { lat: location.lat, lon: location.lon }, name: formatLatLon(location) };
}

function describeValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return 'an object';
    }
  }
  return String(value);
}
