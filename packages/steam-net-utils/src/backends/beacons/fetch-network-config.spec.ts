import { createServer, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

import { fetchNetworkConfig, MAX_CONFIG_BYTES } from './fetch-network-config.js';

describe('fetchNetworkConfig', () => {
  let server: Server;
  let url: string;
  let respond: (response: ServerResponse) => void;
  beforeEach(async () => {
    server = createServer((_request, response) => respond(response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/network-config`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('returns the text of a 2xx answer', async () => {
    respond = (response) => response.writeHead(200).end('{"pops":{}}');
    await expect(fetchNetworkConfig(url)).resolves.toBe('{"pops":{}}');
  });

  it('refuses another status, naming it', async () => {
    respond = (response) => response.writeHead(404, 'Not Found').end('no');
    await expect(fetchNetworkConfig(url)).rejects.toThrow('HTTP 404 Not Found');
  });

  it("says why a fetch failed, not just 'fetch failed' (a refused connection)", async () => {
    // The server is closed first: nothing listens on its port any more.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(fetchNetworkConfig(url)).rejects.toThrow(/fetch failed \(.*ECONNREFUSED/);
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  it('refuses a declared body over the bound without reading it', async () => {
    respond = (response) =>
      response.writeHead(200, { 'content-length': String(MAX_CONFIG_BYTES + 1) }).write('{');
    await expect(fetchNetworkConfig(url)).rejects.toThrow(`larger than ${MAX_CONFIG_BYTES} bytes`);
  });

  it('stops reading a body that runs past the bound, however it is sent', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    respond = (response) => {
      response.writeHead(200);
      // Chunked, no length: sends until the client goes away (bounded: 4 × the limit).
      const more = (): void => {
        while (sent < 4 * MAX_CONFIG_BYTES && response.write(chunk)) sent += chunk.length;
        if (sent < 4 * MAX_CONFIG_BYTES && !response.destroyed) response.once('drain', more);
        else response.end();
      };
      more();
    };
    await expect(fetchNetworkConfig(url)).rejects.toThrow(`larger than ${MAX_CONFIG_BYTES} bytes`);
    expect(sent).toBeLessThan(4 * MAX_CONFIG_BYTES);
  });
});
