/**
 * The renderer: a page that shows the relay status and the data centers by ping, through
 * `window.relaylane` alone. It imports no Relaylane package; the constants it needs are numbers
 * of Steam's API (100 is NETWORKING_AVAILABILITY_CURRENT).
 */
import { type RelaylaneBridge, type RelayStatus } from './bridge.js';

declare global {
  interface Window {
    readonly relaylane: RelaylaneBridge;
  }
}

const AVAILABILITY_CURRENT = 100;

function show(status: RelayStatus): void {
  const line = document.querySelector('#status');
  if (line !== null) {
    line.textContent =
      status.available === AVAILABILITY_CURRENT
        ? `Relay network ready (${status.backend})`
        : `Relay network: ${status.debugMessage || status.available} (${status.backend})`;
  }
  if (status.available === AVAILABILITY_CURRENT) void listPops();
}

async function listPops(): Promise<void> {
  const list = document.querySelector('#pops');
  if (list === null) return;
  const pops = (await window.relaylane.pops()).filter((pop) => pop.pingMs >= 0);
  pops.sort((a, b) => a.pingMs - b.pingMs);
  list.replaceChildren(
    ...pops.map((pop) => {
      const item = document.createElement('li');
      item.textContent =
        pop.viaCode === pop.code
          ? `${pop.code}: ${pop.pingMs} ms`
          : `${pop.code}: ${pop.pingMs} ms via ${pop.viaCode}`;
      return item;
    }),
  );
}

window.relaylane.onStatusChanged(show);
void window.relaylane.status().then(show);
