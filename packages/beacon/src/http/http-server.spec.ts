/** The HTTP API of a running beacon on loopback: endpoints, CORS, methods and errors. */
import { request } from '../test-support/http-request.js';
import { ManualClock } from '../test-support/manual-clock.js';
import { closeTestBeacons, startTestBeacon } from '../test-support/test-beacons.js';

afterEach(closeTestBeacons);

describe('the HTTP API', () => {
  it('serves /beacon: the code, description, location and where to probe', async () => {
    const { beacon } = await startTestBeacon({ code: 'fra', desc: 'Frankfurt' });
    const answer = await request(`${beacon.httpUrl}/beacon`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({
      code: 'fra',
      desc: 'Frankfurt',
      geo: [8.68, 50.12],
      probe: { udp: `127.0.0.1:${beacon.udpPort}`, ws: `ws://127.0.0.1:${beacon.httpPort}/ping` },
    });
  });

  it("serves /network-config in Valve's shape", async () => {
    const clock = new ManualClock({ epochMs: Date.UTC(2030, 0, 1) });
    const { beacon } = await startTestBeacon({ code: 'fra', desc: 'Frankfurt', clock });
    const config = JSON.parse((await request(`${beacon.httpUrl}/network-config`)).body) as unknown;
    expect(config).toEqual({
      revision: Date.UTC(2030, 0, 1) / 1000,
      pops: {
        fra: {
          desc: 'Frankfurt',
          geo: [8.68, 50.12],
          relays: [],
          probe: {
            udp: `127.0.0.1:${beacon.udpPort}`,
            ws: `ws://127.0.0.1:${beacon.httpPort}/ping`,
          },
        },
      },
      typical_pings: [],
      backbone: [],
    });
    expect(config).toEqual(beacon.networkConfig());
  });

  it('serves /health with the counts, the uptime on its clock, and the peers', async () => {
    const clock = new ManualClock();
    const { beacon } = await startTestBeacon({ clock });
    clock.advance(12_345);
    expect(JSON.parse((await request(`${beacon.httpUrl}/health`)).body)).toEqual({
      status: 'ok',
      code: 'fra',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      uptime_s: 12.3,
      udp: {
        port: beacon.udpPort,
        received: 0,
        answered: 0,
        dropped: 0,
        rate_limited: 0,
        emulated_loss: 0,
      },
      ws: { connections: 0, received: 0, answered: 0, rate_limited: 0, dropped: 0, refused: 0 },
      peers: [],
    });
  });

  it('lets every origin read every answer, errors included', async () => {
    const { beacon } = await startTestBeacon();
    for (const path of ['/beacon', '/network-config', '/health', '/nope']) {
      const answer = await request(`${beacon.httpUrl}${path}`, 'GET', {
        origin: 'https://game.example',
      });
      expect(answer.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('answers a CORS preflight 204', async () => {
    const { beacon } = await startTestBeacon();
    const answer = await request(`${beacon.httpUrl}/network-config`, 'OPTIONS', {
      origin: 'https://game.example',
      'access-control-request-method': 'GET',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
    expect(answer.body).toBe('');
  });

  it('answers HEAD like GET, without the body', async () => {
    const { beacon } = await startTestBeacon();
    const get = await request(`${beacon.httpUrl}/beacon`);
    const head = await request(`${beacon.httpUrl}/beacon`, 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([
      200,
      '',
      String(Buffer.byteLength(get.body)),
    ]);
  });

  it('answers other methods 405 and other paths 404, in JSON', async () => {
    const { beacon } = await startTestBeacon();
    const post = await request(`${beacon.httpUrl}/network-config`, 'POST');
    expect([post.status, post.headers.allow, JSON.parse(post.body)]).toEqual([
      405,
      'GET, HEAD, OPTIONS',
      { error: 'POST is not allowed; use GET.' },
    ]);
    const missing = await request(`${beacon.httpUrl}/config?x=1`);
    expect([missing.status, JSON.parse(missing.body)]).toEqual([
      404,
      {
        error:
          'No endpoint /config. Endpoints: /network-config, /health, /beacon, /ping (WebSocket).',
      },
    ]);
  });

  it('ignores a query string on the endpoints', async () => {
    const { beacon } = await startTestBeacon();
    expect((await request(`${beacon.httpUrl}/health?probe=1`)).status).toBe(200);
  });
});
