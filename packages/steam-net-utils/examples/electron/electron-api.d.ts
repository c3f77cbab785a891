/**
 * The part of Electron's API this example uses, declared from Electron's documentation so that the
 * example is type-checked without installing Electron (its package downloads a browser binary).
 * In your app, delete this file: the `electron` package brings the full declarations.
 */
declare module 'electron' {
  interface IpcMainInvokeEvent {
    readonly sender: WebContents;
  }

  interface WebContents {
    send(channel: string, ...args: unknown[]): void;
  }

  interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    nodeIntegration?: boolean;
    sandbox?: boolean;
  }

  export class BrowserWindow {
    constructor(options?: { width?: number; height?: number; webPreferences?: WebPreferences });
    readonly webContents: WebContents;
    isDestroyed(): boolean;
    loadFile(filePath: string): Promise<void>;
  }

  export const app: {
    whenReady(): Promise<void>;
    getPath(name: 'exe' | 'userData' | 'appData' | 'temp'): string;
    on(event: 'will-quit' | 'window-all-closed', listener: () => void): void;
    quit(): void;
  };

  export const ipcMain: {
    handle(
      channel: string,
      listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
    ): void;
  };

  export const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, ...args: never[]) => void): void;
    removeListener(channel: string, listener: (event: unknown, ...args: never[]) => void): void;
  };

  export const contextBridge: {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  };
}
