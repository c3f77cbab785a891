/** The `relaylane-beacon` command run in-process: its output, its exit statuses, its signals. */
import { createSocket } from 'node:dgram';
import { EventEmitter } from 'node:events';

import { runBeaconCli, type StopSignal } from './run-cli.js';
import { getJson } from './test-support/http-request.js';
import { UdpTestClient } from './test-support/udp-client.js';
import { BEACON_VERSION } from './version.js';

/** The command's I/O, captured, with a way to send it a signal. */
function harness() {
  const out: string[] = [];
  const err: string[] = [];
  const signals = new EventEmitter();
  let onLine: (() => void) | undefined;
  const io = {
    stdout: (text: string) => {
      out.push(text);
      onLine?.();
    },
    stderr: (text: string) => void err.push(text),
    onStopSignal: (handler: (signal: StopSignal) => void) => {
      signals.on('signal', handler);
      return () => void signals.off('signal', handler);
    },
  };
  /** Resolves with the first line of stdout once it is written (bounded). */
  const firstLine = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error(`no output; stderr: ${err.join('')}`)),
        5000,
      );
      const check = () => {
        if (out.length === 0) return;
        clearTimeout(timeout);
        onLine = undefined;
        resolve(JSON.parse(out[0]!) as Record<string, unknown>);
      };
      onLine = check;
      check();
    });
  return { io, out, err, firstLine, signal: (name: StopSignal) => signals.emit('signal', name) };
}

const START = [
  '--code',
  'fra',
  '--desc',
  'Frankfurt',
  '--geo',
  '8.68,50.12',
  '--udp-port',
  '0',
  '--http-port',
  '0',
];

describe('relaylane-beacon (in-process)', () => {
  it('prints the usage for --help and the version for --version, exiting 0', async () => {
    const help = harness();
    expect(await runBeaconCli(['--help'], {}, help.io)).toBe(0);
    expect(help.out.join('')).toMatch(
      /^Usage: relaylane-beacon --code <pop> --geo <lon,lat> \[options\]/,
    );
    for (const flag of [
      '--code',
      '--geo',
      '--udp-port',
      '--http-port',
      '--peers',
      '--config',
      '--emulate-loss',
    ]) {
      expect(help.out.join('')).toContain(flag);
    }
    const version = harness();
    expect(await runBeaconCli(['--version'], {}, version.io)).toBe(0);
    expect(version.out).toEqual([`${BEACON_VERSION}\n`]);
  });

  it('exits 2 with the reason on stderr for wrong options', async () => {
    const run = harness();
    expect(await runBeaconCli(['--code', 'FRA', '--geo', '1,2'], {}, run.io)).toBe(2);
    expect(run.err.join('')).toMatch(/^relaylane-beacon: --code: 'FRA' is not a POP code\./);
    expect(run.err.join('')).toMatch(/Run relaylane-beacon --help for the options\.\n$/);
    expect(run.out).toEqual([]);

    const unknown = harness();
    expect(
      await runBeaconCli(['--code', 'fra', '--geo', '1,2', '--port', '1'], {}, unknown.io),
    ).toBe(2);
    expect(unknown.err.join('')).toContain('Unknown option --port.');
  });

  it('exits 1 when its UDP port is in use', async () => {
    const taken = createSocket('udp4');
    await new Promise<void>((resolve) => taken.bind(0, '127.0.0.1', resolve));
    const port = taken.address().port;
    const run = harness();
    const argv = [
      '--code',
      'fra',
      '--geo',
      '8.68,50.12',
      '--udp-port',
      String(port),
      '--http-port',
      '0',
    ];
    expect(await runBeaconCli(argv, {}, run.io)).toBe(1);
    expect(run.err).toEqual([
      `relaylane-beacon: UDP port ${port} on 127.0.0.1 is in use: stop what listens there, or choose another port (--udp-port).\n`,
    ]);
    taken.close();
  });

  it('prints one line saying where it listens, serves, and exits 0 on SIGTERM', async () => {
    const run = harness();
    const exit = runBeaconCli(START, {}, run.io);
    const listening = await run.firstLine();
    expect(listening).toMatchObject({ level: 'info', msg: 'listening', code: 'fra' });
    const udpPort = Number(String(listening.udp).split(':')[1]);
    const http = String(listening.http);

    const udp = await UdpTestClient.open();
    const probe = Buffer.from([0xff, 0xff, 0x52, 0x4c, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect((await udp.roundTrip(probe, udpPort)).length).toBe(12);
    await udp.close();
    expect(await getJson(`${http}/beacon`)).toMatchObject({ code: 'fra', desc: 'Frankfurt' });
    expect(run.out).toHaveLength(1);

    run.signal('SIGTERM');
    expect(await exit).toBe(0);
    expect(run.out.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'listening',
      'closing',
      'closed',
    ]);
    expect(run.err).toEqual([]);
  });

  it('takes its settings from the environment and a config file', async () => {
    const run = harness();
    const exit = runBeaconCli(
      ['--config', 'beacon.json'],
      { RELAYLANE_BEACON_HTTP_PORT: '0' },
      {
        ...run.io,
        readTextFile: () =>
          JSON.stringify({ code: 'sgp', geo: [103.8, 1.35], udpPort: 0, httpPort: 1 }),
      },
    );
    const listening = await run.firstLine();
    expect(listening).toMatchObject({ msg: 'listening', code: 'sgp' });
    expect(listening.http).not.toMatch(/:1$/);
    run.signal('SIGINT');
    expect(await exit).toBe(0);
  });

  it('stops as soon as it is up when the signal came during its start', async () => {
    const run = harness();
    const exit = runBeaconCli(START, {}, run.io);
    run.signal('SIGINT');
    expect(await exit).toBe(0);
  });
});
