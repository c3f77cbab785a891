import { PassThrough } from 'node:stream';

import { type Engine, type LoopHandle } from '@relaylane/core';

import { runNetCli } from './net-cli.js';

/**
 * Ticks `engine` 100 ms of game time per event-loop turn: the console's commands run between
 * ticks as they would under the real loop, and nothing waits on the wall clock.
 */
function fastLoop(engine: Engine): LoopHandle {
  let running = true;
  const step = (): void => {
    if (!running) return;
    engine.tick(0.1);
    setImmediate(step);
  };
  setImmediate(step);
  return {
    stop: () => {
      running = false;
    },
    get running() {
      return running;
    },
  };
}

/** Runs the console with `argv`, piping `input` in; returns the exit code and both outputs. */
async function run(
  argv: string[],
  input = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(input);
  const code = await runNetCli(argv, {
    input: stdin,
    output: stdout,
    errorOutput: stderr,
    isTerminal: false,
    startLoop: fastLoop,
  });
  return { code, stdout: out, stderr: err };
}

describe('relaylane-net (in process, piped)', () => {
  it('waits for the relay network, then lists the POPs, from a piped script', async () => {
    const result = await run(['--location', 'Tokyo', '--seed', '3'], 'net.wait 30\nnet.pops\n');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/relay network current after \d+\.\d s/);
    // The nearest POP of a player in Tokyo is in Tokyo.
    expect(result.stdout).toMatch(/tyo/);
  });

  it('runs --eval commands in order, the backend’s own included', async () => {
    const result = await run(['-e', 'net.wait 30', '-e', 'net.sim.where', '-e', 'net.status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Frankfurt/);
    expect(result.stdout).toMatch(/backend: simulated/);
    expect(result.stdout).toMatch(/relay network: CURRENT/);
  });

  it('waits again after a move until the new place is measured: no stale pings', async () => {
    const result = await run([], 'net.wait 30\nnet.sim.where Tokyo\nnet.wait 30\nnet.ping tyo\n');
    expect(result.code).toBe(0);
    expect(result.stdout.match(/relay network current after/g)).toHaveLength(2);
    const ping = /tyo \([^)]*\)\): (\d+) ms/.exec(result.stdout);
    expect(Number(ping?.[1])).toBeLessThan(30);
  });

  it('fails a bounded wait with the status it saw, and the exit code says a command failed', async () => {
    const result = await run([], 'net.sim.offline on\nnet.wait 2\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/net\.wait: the relay network is not current after 2\.\d s/);
  });

  it('refuses a wait longer than ten minutes or not above zero', async () => {
    const result = await run(['-e', 'net.wait 601', '-e', 'net.wait 0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/seconds must be above 0 and at most 600, got 601/);
    expect(result.stderr).toMatch(/got 0/);
  });

  it('prints its version for --version and exits 0', async () => {
    const result = await run(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^relaylane-net \d+\.\d+\.\d+\n$/);
  });

  it('prints its usage for --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: relaylane-net/);
    expect(result.stdout).toMatch(/--backend <name>/);
  });

  it('exits 2 with a message for a bad option, and names itself', async () => {
    const result = await run(['--backend', 'modem']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^relaylane-net: --backend takes/);
    const unknown = await run(['--verbose']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /relaylane-net: unknown argument '--verbose'\. Run relaylane-net --help/,
    );
  });

  it('exits 2 when the Steam backend cannot start here, with Steam’s own reason', async () => {
    const result = await run(['--backend', 'steam', '-e', 'net.status']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /relaylane-net: the steam backend did not start: .*SteamAPI_InitFlat/,
    );
    expect(result.stderr).not.toMatch(/could not enter the tree/);
    expect(result.stderr).toMatch(/--app-id.*--backend simulated, or --backend auto/);
  });

  it('says why the Steam backend cannot start here, and auto falls back to the simulation visibly', async () => {
    const auto = await run(['--backend', 'auto', '-e', 'net.status']);
    expect(auto.code).toBe(0);
    expect(auto.stdout).toMatch(/backend: simulated \(requested: steam, then simulated\)/);
    expect(auto.stdout).toMatch(/fallback: the steam backend is not used because/);
  });
});
