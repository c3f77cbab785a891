/**
 * The Steam app id: Steam reads it from the `SteamAppId` environment variable of the process (or
 * from `steam_appid.txt` in the working directory, which is meant for development only). The
 * backend sets the variable when the app id is given as an option, and writes the file only when
 * asked to.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** The environment the app id is read from and written to (`process.env` unless injected). */
export type SteamEnvironment = Record<string, string | undefined>;

/** The file Steam looks for in the working directory when `SteamAppId` is not set. */
export const STEAM_APP_ID_FILE = 'steam_appid.txt';

const APP_ID_TEXT = /^[1-9][0-9]{0,9}$/;

/** True for a valid `AppId_t`: an integer from 1 to 4294967295. */
export function isSteamAppId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 0xffffffff;
}

/**
 * The app id to start Steam with: the option when given, else the environment's `SteamAppId`.
 *
 * @returns the app id, or undefined when neither gives one (an unset, empty or non-numeric
 *   `SteamAppId` gives none; Steam then falls back to `steam_appid.txt`).
 */
export function resolveSteamAppId(
  option: number | undefined,
  env: SteamEnvironment,
): number | undefined {
  if (option !== undefined) {
    return option;
  }
  const text = env['SteamAppId']?.trim();
  if (text === undefined || !APP_ID_TEXT.test(text)) {
    return undefined;
  }
  const appId = Number(text);
  return isSteamAppId(appId) ? appId : undefined;
}

/**
 * Makes `appId` the one Steam sees: sets `SteamAppId` and `SteamGameId` in `env` (Steam reads
 * both; GodotSteam sets both too) and, when `writeFile` is true, writes `steam_appid.txt` in `cwd`.
 *
 * @returns a function that puts both variables back as they were (the file stays: it was asked
 *   for). `init()` calls it when Steam refuses to start, so a failed start changes no variable.
 * @throws the file system's error when the file cannot be written.
 */
export function applySteamAppId(
  appId: number,
  env: SteamEnvironment,
  options: { readonly writeFile: boolean; readonly cwd: string },
): () => void {
  if (options.writeFile) {
    writeFileSync(path.join(options.cwd, STEAM_APP_ID_FILE), `${appId}\n`);
  }
  const saved = { SteamAppId: env['SteamAppId'], SteamGameId: env['SteamGameId'] };
  env['SteamAppId'] = String(appId);
  env['SteamGameId'] = String(appId);
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        // `delete` (not `= undefined`): process.env would store the string 'undefined'.
        delete env[name];
      } else {
        env[name] = value;
      }
    }
  };
}
