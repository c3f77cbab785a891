/**
 * One refresh of a peer: its /beacon (who it is, where to probe), the probe host resolved to an
 * address, and its /network-config (what it knows of the mesh). Any failure rejects with an
 * `Error` whose message says which step failed and why.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { formatHostPort, isLoopbackAddress, parseHostPort } from '../net/address.js';
import type { BeaconDescription } from './documents.js';
import { fetchJson } from './fetch-json.js';
import { type PeerReport, readBeaconDescription, readPeerReport } from './read-peer-documents.js';
import type { ProbeTarget } from './udp-prober.js';

/** The largest document read from a peer. */
export const MAX_PEER_DOCUMENT_BYTES = 1024 * 1024;

export interface PeerFetch {
  readonly description: BeaconDescription;
  readonly target: ProbeTarget;
  readonly report: PeerReport;
}

export interface PeerFetchOptions {
  /** The bound on each HTTP exchange, real milliseconds. */
  readonly timeoutMs: number;
  /** Aborts the fetch (the beacon is closing). */
  readonly signal: AbortSignal;
  /** The beacon's clock, to date the config. */
  readonly now: () => number;
}

/** Fetches and checks what the beacon at `baseUrl` (ending in `/`) says of itself and the mesh. */
export async function fetchPeer(baseUrl: string, options: PeerFetchOptions): Promise<PeerFetch> {
  const bounds = {
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_PEER_DOCUMENT_BYTES,
    signal: options.signal,
  };
  const description = readBeaconDescription(await fetchJson(new URL('beacon', baseUrl), bounds));
  const target = await probeTarget(description, new URL(baseUrl).hostname);
  const report = readPeerReport(
    await fetchJson(new URL('network-config', baseUrl), bounds),
    options.now(),
  );
  return { description, target, report };
}

/**
 * The address of the peer's UDP echo. A loopback address is refused unless the peer itself was
 * reached on loopback: a beacon that advertises 127.0.0.1 was started without --advertise-host,
 * and probing 127.0.0.1 from another machine would measure this machine.
 */
async function probeTarget(description: BeaconDescription, urlHost: string): Promise<ProbeTarget> {
  const { host, port } = parseHostPort(description.probe.udp)!;
  let address: string;
  try {
    address = isIP(host) === 0 ? (await lookup(host)).address : host;
  } catch (error) {
    throw new Error(`its UDP echo host ${host} does not resolve: ${(error as Error).message}`);
  }
  const urlAddress = urlHost.replace(/^\[|\]$/g, '');
  if (isLoopbackAddress(address) && !isLoopbackAddress(urlAddress) && urlAddress !== 'localhost') {
    throw new Error(
      `it advertises the loopback address ${formatHostPort(address, port)} for its UDP echo; ` +
        'start it with --advertise-host set to an address this beacon can reach',
    );
  }
  return { address, port };
}
