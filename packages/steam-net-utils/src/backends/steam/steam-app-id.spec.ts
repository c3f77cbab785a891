import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  applySteamAppId,
  isSteamAppId,
  resolveSteamAppId,
  STEAM_APP_ID_FILE,
} from './steam-app-id.js';

describe('resolveSteamAppId', () => {
  it('prefers the option over the environment', () => {
    expect(resolveSteamAppId(480, { SteamAppId: '730' })).toBe(480);
  });

  it('reads a numeric SteamAppId from the environment', () => {
    expect(resolveSteamAppId(undefined, { SteamAppId: ' 730 ' })).toBe(730);
  });

  it.each([undefined, '', 'abc', '0', '-5', '4294967296', '12.5'])(
    'gives no app id for SteamAppId %p',
    (value) => {
      expect(resolveSteamAppId(undefined, { SteamAppId: value })).toBeUndefined();
    },
  );
});

describe('isSteamAppId', () => {
  it.each([1, 480, 0xffffffff])('accepts %p', (id) => expect(isSteamAppId(id)).toBe(true));
  it.each([0, -1, 1.5, 2 ** 32, '480', NaN])('refuses %p', (id) =>
    expect(isSteamAppId(id)).toBe(false),
  );
});

describe('applySteamAppId', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relaylane-appid-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sets SteamAppId and SteamGameId, and restores them as they were', () => {
    const env: Record<string, string | undefined> = { SteamAppId: '730' };
    const restore = applySteamAppId(480, env, { writeFile: false, cwd: dir });
    expect(env).toEqual({ SteamAppId: '480', SteamGameId: '480' });
    restore();
    expect(env).toEqual({ SteamAppId: '730' });
    expect('SteamGameId' in env).toBe(false);
  });

  it('writes steam_appid.txt only when asked', () => {
    applySteamAppId(480, {}, { writeFile: false, cwd: dir });
    expect(existsSync(path.join(dir, STEAM_APP_ID_FILE))).toBe(false);
    applySteamAppId(480, {}, { writeFile: true, cwd: dir });
    expect(readFileSync(path.join(dir, STEAM_APP_ID_FILE), 'utf8')).toBe('480\n');
  });
});
