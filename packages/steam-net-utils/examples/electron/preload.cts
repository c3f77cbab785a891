/**
 * The preload script: the only bridge between the sandboxed renderer and the main process. It
 * exposes `window.relaylane` (see bridge.ts) through `contextBridge`, so the renderer gets plain
 * functions and never `ipcRenderer` itself.
 *
 * A sandboxed preload is CommonJS and may require only Electron's own modules, so it imports
 * nothing of ours at run time: the channel names are written out here, and the compiler holds them
 * to `RelaylaneChannels` (a type-only import, erased).
 */
import { contextBridge, ipcRenderer } from 'electron';

import type { RelaylaneBridge, RelaylaneChannels, RelayStatus } from './bridge.js';

const channels: typeof RelaylaneChannels = {
  status: 'relaylane:status',
  pops: 'relaylane:pops',
  localLocation: 'relaylane:local-location',
  estimate: 'relaylane:estimate',
  statusChanged: 'relaylane:status-changed',
};

const bridge: RelaylaneBridge = {
  status: () => ipcRenderer.invoke(channels.status) as Promise<RelayStatus>,
  pops: () => ipcRenderer.invoke(channels.pops) as ReturnType<RelaylaneBridge['pops']>,
  localLocation: () => ipcRenderer.invoke(channels.localLocation) as Promise<string>,
  estimate: (location) => ipcRenderer.invoke(channels.estimate, location) as Promise<number>,
  onStatusChanged: (listener) => {
    const forward = (_event: unknown, status: RelayStatus): void => listener(status);
    ipcRenderer.on(channels.statusChanged, forward);
    return () => ipcRenderer.removeListener(channels.statusChanged, forward);
  },
};

contextBridge.exposeInMainWorld('relaylane', bridge);
