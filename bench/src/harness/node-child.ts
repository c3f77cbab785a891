/**
 * A Node script run in a child process that takes requests over Node's IPC channel and answers
 * each one: the servers and clients of the beacon benchmarks (`echo-server.mjs`,
 * `echo-load.mjs`).
 *
 * The script sends `{ type: 'ready', ... }` once it can take requests. Each request is sent with
 * an `id`; the reply with the same `id` settles it, a reply `{ type: 'error', message }` rejects
 * it. When the child exits before answering, every request waiting rejects with what the child
 * wrote to stderr and stdout (the last few kilobytes).
 */
import { type ChildProcess, fork } from 'node:child_process';

/** A message from the child. */
export interface ChildMessage {
  readonly type: string;
  readonly id?: number;
  readonly [field: string]: unknown;
}

/** How a child is started. */
export interface NodeChildOptions {
  /** Node's own flags (`--expose-gc`); none by default, whatever the parent was started with. */
  readonly execArgv?: readonly string[];
  /** The most the wait for `ready` takes, ms. */
  readonly startTimeoutMs?: number;
}

/** How much of the child's output is kept for error messages, characters. */
const OUTPUT_KEPT = 4096;

export class NodeChild {
  readonly #process: ChildProcess;
  readonly #name: string;
  readonly #pending = new Map<
    number,
    { resolve: (reply: ChildMessage) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  #output = '';
  #exited: Promise<void>;
  #exitCode: number | null | undefined;

  private constructor(script: string, args: readonly string[], options: NodeChildOptions) {
    this.#name = [script.split(/[\\/]/).pop(), ...args.slice(0, 1)].join(' ');
    this.#process = fork(script, [...args], {
      execArgv: [...(options.execArgv ?? [])],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (chunk: Buffer): void => {
      this.#output = (this.#output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    this.#process.stdout?.on('data', keep);
    this.#process.stderr?.on('data', keep);
    this.#process.on('message', (message: ChildMessage) => this.#onMessage(message));
    this.#exited = new Promise((resolve) => {
      this.#process.once('exit', (code) => {
        this.#exitCode = code;
        this.#failPending(`exited (code ${String(code)}) before answering`);
        resolve();
      });
    });
  }

  /**
   * Starts `script` with `args` and waits for its `ready` message, which it returns.
   *
   * @throws Error with the child's output when it exits or says nothing in time.
   */
  static async start(
    script: string,
    args: readonly string[] = [],
    options: NodeChildOptions = {},
  ): Promise<{ readonly child: NodeChild; readonly ready: ChildMessage }> {
    const child = new NodeChild(script, args, options);
    try {
      const ready = await child.#waitFor(0, options.startTimeoutMs ?? 15_000, 'start');
      return { child, ready };
    } catch (error) {
      child.kill();
      throw error;
    }
  }

  /**
   * Sends `message` and resolves with the child's reply.
   *
   * @throws Error when the child answers with an error, exits, or does not answer within
   *   `timeoutMs`.
   */
  request(
    message: { readonly type: string } & Record<string, unknown>,
    timeoutMs: number,
  ): Promise<ChildMessage> {
    const id = this.#nextId++;
    const reply = this.#waitFor(id, timeoutMs, `'${message.type}'`);
    this.#process.send({ ...message, id });
    return reply;
  }

  /** Asks the child to close (`{ type: 'close' }`) and waits for it to exit; kills it if it must. */
  async close(timeoutMs = 10_000): Promise<void> {
    if (this.#exitCode !== undefined) return;
    try {
      await this.request({ type: 'close' }, timeoutMs);
    } catch {
      // It exited already, or hangs: either way it is ended below.
    }
    const cutOff = setTimeout(() => this.kill(), timeoutMs);
    await this.#exited;
    clearTimeout(cutOff);
  }

  /** Ends the child at once (SIGKILL); nothing when it has exited. */
  kill(): void {
    if (this.#exitCode === undefined) this.#process.kill('SIGKILL');
  }

  #waitFor(id: number, timeoutMs: number, what: string): Promise<ChildMessage> {
    return new Promise<ChildMessage>((resolve, reject) => {
      if (this.#exitCode !== undefined) {
        reject(this.#error(`exited (code ${String(this.#exitCode)}) before answering ${what}`));
        return;
      }
      const timeout = setTimeout(() => {
        this.#pending.delete(id);
        reject(this.#error(`did not answer ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timeout);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timeout);
          reject(error);
        },
      });
    });
  }

  #onMessage(message: ChildMessage): void {
    // `ready` settles the wait of `start`, which waits under id 0.
    const id = message.type === 'ready' ? 0 : message.id;
    if (id === undefined) return;
    const waiting = this.#pending.get(id);
    if (waiting === undefined) return;
    this.#pending.delete(id);
    if (message.type === 'error') waiting.reject(this.#error(String(message['message'])));
    else waiting.resolve(message);
  }

  #failPending(why: string): void {
    for (const waiting of this.#pending.values()) waiting.reject(this.#error(why));
    this.#pending.clear();
  }

  #error(why: string): Error {
    const output = this.#output.trim();
    return new Error(
      `The child process '${this.#name}' ${why}.` +
        (output === '' ? '' : `\nIts output:\n${output}`),
    );
  }
}
