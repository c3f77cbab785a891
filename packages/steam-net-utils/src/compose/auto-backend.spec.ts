import { ManualClock } from '@relaylane/core';

import { autoBackend as autoBackendInBrowsers } from '../auto.js';
import { autoBackend } from '../auto-node.js';
import { createNetworkingUtils } from './create-networking-utils.js';

const beacons = {
  beacons: [{ code: 'fra', desc: 'Frankfurt', geo: [8.68, 50.12] as const, udp: '127.0.0.1:9' }],
};

function start(backend: NonNullable<Parameters<typeof createNetworkingUtils>[0]>['backend']): {
  lines: string[];
  service: ReturnType<typeof createNetworkingUtils>;
} {
  const lines: string[] = [];
  const service = createNetworkingUtils({
    backend,
    gameClock: new ManualClock(),
    log: (line) => lines.push(line),
  });
  return { lines, service };
}

describe('autoBackend in Node', () => {
  it('lists Steam, the beacons when configured, then the simulation', () => {
    expect(autoBackend().map((provider) => provider.kind)).toEqual(['steam', 'simulated']);
    expect(autoBackend({ beacons }).map((provider) => provider.kind)).toEqual([
      'steam',
      'beacons',
      'simulated',
    ]);
  });

  it('falls back from Steam (no Steam client here) to the beacons, and says why', () => {
    const { lines, service } = start(autoBackend({ beacons }));
    try {
      expect(service.backendKind).toBe('beacons');
      const [fallback] = service.backendSelection.fallbacks;
      expect(fallback?.kind).toBe('steam');
      expect(fallback?.reason.length).toBeGreaterThan(0);
      expect(lines).toEqual([
        `[relaylane] The steam backend is not available, trying beacons: ${fallback!.reason}`,
      ]);
    } finally {
      service.dispose();
    }
  });

  it('falls back to the simulation when no beacons are configured', () => {
    const { service } = start(autoBackend());
    try {
      expect(service.backendKind).toBe('simulated');
      expect(service.backendSelection.requested).toEqual(['steam', 'simulated']);
    } finally {
      service.dispose();
    }
  });
});

describe('autoBackend in browsers', () => {
  it('has no Steam, and passes over beacons that cannot start (no WebSocket) with the reason', () => {
    expect(autoBackendInBrowsers({ beacons }).map((provider) => provider.kind)).toEqual([
      'beacons',
      'simulated',
    ]);
    // A platform without WebSocket (Node 20; Node 22 has one, so it is taken away here).
    const platform = globalThis as { WebSocket?: unknown };
    const webSocket = platform.WebSocket;
    delete platform.WebSocket;
    const { lines, service } = start(autoBackendInBrowsers({ beacons }));
    if (webSocket !== undefined) platform.WebSocket = webSocket;
    try {
      expect(service.backendKind).toBe('simulated');
      expect(service.backendSelection.fallbacks).toEqual([
        {
          kind: 'beacons',
          reason:
            'beaconsBackend: this platform has no WebSocket; pass a transport in the options.',
        },
      ]);
      expect(lines).toHaveLength(1);
    } finally {
      service.dispose();
    }
  });
});
