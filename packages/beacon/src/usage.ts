/** The text of `relaylane-beacon --help`, built from the settings' table. */
import { CONFIG_ENV, CONFIG_FLAG, SETTINGS } from './options/settings.js';

const HEADER = `Usage: relaylane-beacon --code <pop> --geo <lon,lat> [options]
       relaylane-beacon ${CONFIG_FLAG} <file.json> [options]

A ping beacon for one region: a UDP echo in PlayFab's QoS format, and on one TCP port a WebSocket
echo (/ping) and an HTTP API: /network-config (Valve's SDR config shape, with the round trips to
its peers), /health and /beacon. It logs one JSON object per line on stdout.`;

const FOOTER = `Every setting can also be given as an environment variable (its flag in capitals after
RELAYLANE_BEACON_: --udp-port is RELAYLANE_BEACON_UDP_PORT) and as a key of the ${CONFIG_FLAG} file
(its option name: udpPort; the emulation under "emulate": { "delayMs", "jitterMs", "loss" }).
Flags win over the environment, which wins over the file (${CONFIG_ENV} names one too).

Exit status: 0 after a clean shutdown (SIGINT, SIGTERM), 1 when the beacon cannot start or run,
2 when the options are wrong.`;

/** The full `--help` text, ending in a newline. */
export function usageText(): string {
  const rows: [section: string, left: string, right: string][] = SETTINGS.map((setting) => [
    setting.section,
    `${setting.flag} ${setting.valueName}`,
    setting.help,
  ]);
  rows.push(
    ['Other', `${CONFIG_FLAG} <file.json>`, 'read settings from a JSON file'],
    ['Other', '--help, -h', 'print this and exit'],
    ['Other', '--version, -v', 'print the version and exit'],
  );
  const width = Math.max(...rows.map(([, left]) => left.length)) + 2;
  const sections: string[] = [];
  for (const [section, left, right] of rows) {
    const line = `  ${left.padEnd(width)}${right}`;
    const last = sections.at(-1);
    if (last?.startsWith(`${section}:\n`)) sections[sections.length - 1] = `${last}\n${line}`;
    else sections.push(`${section}:\n${line}`);
  }
  return `${HEADER}\n\n${sections.join('\n\n')}\n\n${FOOTER}\n`;
}
