/**
 * Ping-location strings that real Steam clients wrote, read by the simulated backend and
 * estimated against simulated hosts: the simulation speaks the same text as Steam, so a lobby
 * string from a real player works in a game tested on it.
 */
import { ManualClock } from '@relaylane/core';

import { REAL_PING_LOCATIONS } from '../../estimator/test-support/real-ping-locations.js';
import { SimulatedRelayNetwork } from './simulated-relay-network.js';
import { SimulatedWorld } from './simulated-world.js';
import { runFrames } from './test-support/drive.js';
import { RecordingSink } from '../../test-support/recording-sink.js';

/** Simulated lobby hosts, one per region the real strings come from. */
const HOST_CITIES = ['London', 'Seattle', 'Los Angeles', 'Hong Kong', 'Stockholm', 'Sydney'];

/** Where each real string's player is, judged from its nearest POPs. */
function expectedNearestHost(text: string): string {
  const first = text.slice(0, text.indexOf('='));
  const byPop: Record<string, string> = {
    lhr: 'London',
    sea: 'Seattle',
    lax: 'Los Angeles',
    hkg: 'Hong Kong',
    sto: 'Stockholm',
    dfw: 'Los Angeles', // the firewalled player: Texas, nearest simulated host of the list
  };
  return byPop[first]!;
}

describe('real Steam strings on the simulated network', () => {
  const world = new SimulatedWorld({ seed: 8 });
  const clock = new ManualClock();
  const player = new SimulatedRelayNetwork({ world, clock, location: 'Frankfurt', label: 'me' });
  player.initRelayNetworkAccess();
  runFrames(clock, [{ network: player, sink: new RecordingSink(clock) }], 8000, 250);
  const hosts = HOST_CITIES.map((location) => ({
    city: location,
    bytes: world.pingLocationFor(world.createHost({ location, label: location })),
  }));

  it.each(REAL_PING_LOCATIONS.map(({ text, source }) => [source, text]))(
    'reads and writes back byte for byte: %s',
    (_source, text) => {
      const bytes = new Uint8Array(512);
      expect(player.parsePingLocationString(text, bytes)).toBe(true);
      expect(player.convertPingLocationToString(bytes)).toBe(text);
    },
  );

  it.each(REAL_PING_LOCATIONS.map(({ text, source }) => [source, text]))(
    'estimates plausibly against simulated hosts, nearest where the player is: %s',
    (_source, text) => {
      const real = new Uint8Array(512);
      player.parsePingLocationString(text, real);
      const estimates = hosts.map(({ city, bytes }) => ({
        city,
        ms: player.estimatePingTimeBetweenTwoLocations(real, bytes),
      }));
      for (const { ms } of estimates) {
        expect(ms).toBeGreaterThan(0);
        expect(ms).toBeLessThan(1000);
      }
      const nearest = estimates.reduce((best, next) => (next.ms < best.ms ? next : best));
      expect(nearest.city).toBe(expectedNearestHost(text));
      // From the local host (a player in Frankfurt) too.
      const fromHere = player.estimatePingTimeFromLocalHost(real);
      expect(fromHere).toBeGreaterThan(0);
      expect(fromHere).toBeLessThan(1000);
    },
  );
});
