/**
 * A beacon as a real process: the built `relaylane-beacon` bin started with `node`, its
 * "listening" log line read for the ports it got, stopped with SIGTERM. For the specs that run the
 * beacon as a studio does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The built bin (the test command builds it first). */
export const BEACON_BIN = path.resolve(__dirname, '..', '..', '..', 'beacon', 'dist', 'cli.js');

/** How long a beacon process may take to say it listens, ms. */
const START_LIMIT_MS = 10_000;

export interface BeaconProcess {
  readonly child: ChildProcess;
  readonly udpPort: number;
  readonly httpPort: number;
  /** `http://127.0.0.1:<port>`. */
  readonly httpUrl: string;
  /** `127.0.0.1:<port>`. */
  readonly udpAddress: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `relaylane-beacon <args>` on 127.0.0.1, on `ports` (default: the system's choice), from
 * `bin` (default: the workspace's build).
 */
export async function startBeaconProcess(
  args: readonly string[],
  ports: { readonly udp: number; readonly http: number } = { udp: 0, http: 0 },
  bin: string = BEACON_BIN,
): Promise<BeaconProcess> {
  const child = spawn(
    process.execPath,
    [
      bin,
      '--host',
      '127.0.0.1',
      '--udp-port',
      String(ports.udp),
      '--http-port',
      String(ports.http),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = await new Promise<{ udp: string; http: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`relaylane-beacon ${args.join(' ')} did not start within ${START_LIMIT_MS} ms`),
      );
    }, START_LIMIT_MS);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relaylane-beacon ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const record = JSON.parse(line) as { msg?: string; udp?: string; http?: string };
      if (record.msg !== 'listening') return;
      clearTimeout(timer);
      resolve({ udp: record.udp!, http: record.http! });
    });
  });
  const udpPort = Number(listening.udp.split(':').at(-1));
  const httpPort = Number(new URL(listening.http).port);
  return {
    child,
    udpPort,
    httpPort,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    udpAddress: `127.0.0.1:${udpPort}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
