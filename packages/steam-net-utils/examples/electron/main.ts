/**
 * Electron's main process owns the service: koffi is a native addon and Steam's client library is
 * loaded into one process, so the renderer never imports the `/steam` entry. It asks over IPC
 * (`ipcMain.handle`, see preload.ts) and hears status changes pushed with `webContents.send`.
 *
 * Steam first, the simulation when Steam does not start (no client running, no app id): the
 * fallback and its reason are in `backendSelection` and in the log.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  createNetworkingUtils,
  type NetworkingUtils,
  popCodeFromId,
  simulatedBackend,
} from '@relaylane/steam-net-utils';
import { steamBackend } from '@relaylane/steam-net-utils/steam';
import { app, BrowserWindow, ipcMain } from 'electron';

import { type PopPing, RelaylaneChannels, type RelayStatus } from './bridge.js';

/** This file's folder: the compiled main.js, preload.cjs, renderer.js and index.html sit together. */
const here = path.dirname(fileURLToPath(import.meta.url));

/** Your Steam app id (480 is Valve's test app, Spacewar). */
const STEAM_APP_ID = 480;
/** How often the main process pumps Steam's callbacks: every frame of a 60 Hz loop. */
const CALLBACK_INTERVAL_MS = 1000 / 60;

function relayStatus(networkingUtils: NetworkingUtils): RelayStatus {
  const details = networkingUtils.getRelayNetworkStatusDetails();
  return {
    backend: networkingUtils.backendKind,
    available: details.available,
    availableConfig: details.available_config,
    availableRelay: details.available_relay,
    debugMessage: details.debug_message,
  };
}

function popPings(networkingUtils: NetworkingUtils): PopPing[] {
  return networkingUtils.getPOPList().map((popId) => {
    const route = networkingUtils.getPingToDataCenter(popId);
    return {
      code: popCodeFromId(popId),
      pingMs: route.ping,
      viaCode: route.pop_relay === 0 ? popCodeFromId(popId) : popCodeFromId(route.pop_relay),
    };
  });
}

function serve(networkingUtils: NetworkingUtils, window: BrowserWindow): void {
  ipcMain.handle(RelaylaneChannels.status, () => relayStatus(networkingUtils));
  ipcMain.handle(RelaylaneChannels.pops, () => popPings(networkingUtils));
  ipcMain.handle(RelaylaneChannels.localLocation, () =>
    networkingUtils.convertPingLocationToString(networkingUtils.getLocalPingLocation().location),
  );
  // The renderer's argument is untrusted input: the service answers anything that is not a
  // location string with NETWORKING_PING_FAILED, so only its type is checked here.
  ipcMain.handle(RelaylaneChannels.estimate, (_event, location: unknown) => {
    if (typeof location !== 'string') throw new TypeError('estimate: location must be a string');
    const parsed = networkingUtils.parsePingLocationString(location);
    return networkingUtils.estimatePingTimeFromLocalHost(parsed.ping_location);
  });
  networkingUtils.connect('relay_network_status', () => {
    if (!window.isDestroyed()) {
      window.webContents.send(RelaylaneChannels.statusChanged, relayStatus(networkingUtils));
    }
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const networkingUtils = createNetworkingUtils({
    backend: [
      // In a packaged app, libsteam_api sits next to the executable, outside the asar archive.
      steamBackend({ appId: STEAM_APP_ID, executableDir: path.dirname(app.getPath('exe')) }),
      simulatedBackend(),
    ],
  });
  networkingUtils.initRelayNetworkAccess();
  const pump = setInterval(() => networkingUtils.runCallbacks(), CALLBACK_INTERVAL_MS);

  const window = new BrowserWindow({
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
    },
  });
  serve(networkingUtils, window);
  await window.loadFile(path.join(here, 'index.html'));

  // Before quitting: stop pumping, then dispose, which shuts Steam down and releases every native
  // callback after Steam has dropped it.
  app.on('will-quit', () => {
    clearInterval(pump);
    networkingUtils.dispose();
  });
}

void start();
