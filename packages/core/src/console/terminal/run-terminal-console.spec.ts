import { PassThrough } from 'node:stream';
import { type CommandRegistry } from '../command-registry.js';
import { CLEAR_SCREEN } from './print-result.js';
import { runTerminalConsole } from './run-terminal-console.js';
import { sampleRegistry } from '../test-support/sample-registry.js';

/** A writable stream that keeps what it receives and can wait, event-driven, for some text. */
class Capture extends PassThrough {
  text = '';

  constructor() {
    super();
    this.on('data', (chunk: Buffer) => {
      this.text += chunk.toString();
    });
  }

  /** The text without terminal control sequences. */
  get plain(): string {
    // eslint-disable-next-line no-control-regex
    return this.text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  }

  /** Resolves once the (plain) text received so far satisfies `predicate`. */
  until(predicate: (plain: string) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate(this.plain)) return;
        this.off('data', check);
        resolve();
      };
      this.on('data', check);
      check();
    });
  }

  /** Resolves once `text` has appeared `times` times. */
  untilSeen(text: string, times = 1): Promise<void> {
    return this.until((plain) => plain.split(text).length - 1 >= times);
  }
}

describe('runTerminalConsole, piped', () => {
  function piped(
    registry: CommandRegistry,
    text: string,
  ): { done: Promise<number>; output: Capture; errors: Capture } {
    const input = new PassThrough();
    const output = new Capture();
    const errors = new Capture();
    const done = runTerminalConsole({
      registry,
      input,
      output,
      errorOutput: errors,
      isTerminal: false,
    });
    input.end(text);
    return { done, output, errors };
  }

  it('runs each line in order, prints the results without prompt and exits 0', async () => {
    const { done, output, errors } = piped(sampleRegistry(), 'plugins\nnet.pops\n\nhelp net.ping');
    await expect(done).resolves.toBe(0);
    expect(output.text).toBe('1. relay\nfra\nsea\nUsage: net.ping\nPing.\n');
    expect(errors.text).toBe('');
  });

  it('prints failures to the error stream and exits 1 if any command failed', async () => {
    const { done, output, errors } = piped(sampleRegistry(), 'fail\nplugins\nplugin\n');
    await expect(done).resolves.toBe(1);
    expect(output.text).toBe('1. relay\n');
    expect(errors.text).toBe(
      "fail: it broke\nUnknown command 'plugin'. Did you mean 'plugins'? Type 'help' for the list.\n",
    );
  });

  it('runs the next line only once an async command is done', async () => {
    const registry = sampleRegistry();
    const events: string[] = [];
    let finishSlow: (() => void) | undefined;
    const slowStarted = new Promise<void>((started) => {
      registry.register({
        name: 'slow',
        help: '',
        handler: () => {
          events.push('slow started');
          started();
          return new Promise<string>((resolve) => {
            finishSlow = () => resolve('slow done');
          });
        },
      });
    });
    registry.register({ name: 'quick', help: '', handler: () => void events.push('quick ran') });
    const { done, output } = piped(registry, 'slow\nquick\n');
    await slowStarted;
    // Give the line reader every chance to start the next line early (it must not).
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(events).toEqual(['slow started']);
    finishSlow!();
    await expect(done).resolves.toBe(0);
    expect(events).toEqual(['slow started', 'quick ran']);
    expect(output.text).toBe('slow done\n');
  });

  it('stops at exit, leaving the rest of the input unread', async () => {
    const { done, output } = piped(sampleRegistry(), 'plugins\nexit\nfail\n');
    await expect(done).resolves.toBe(0);
    expect(output.text).toBe('1. relay\n');
  });

  it('records the lines in the registry history and does not clear a piped output', async () => {
    const registry = sampleRegistry();
    const { done, output } = piped(registry, 'plugins\nclear\n');
    await done;
    expect(registry.history).toEqual(['plugins', 'clear']);
    expect(output.text).not.toContain(CLEAR_SCREEN);
  });

  it('prints tables as aligned text', async () => {
    const registry = sampleRegistry();
    registry.register({
      name: 'pings',
      help: '',
      handler: () => ({
        columns: ['POP', 'Ping'],
        rows: [
          ['fra', 7],
          ['sea', 142],
        ],
      }),
    });
    const { done, output } = piped(registry, 'pings\n');
    await done;
    expect(output.text).toBe('POP  Ping\n---  ----\nfra     7\nsea   142\n');
  });
});

describe('runTerminalConsole, interactive', () => {
  function interactive(registry = sampleRegistry()): {
    input: PassThrough;
    output: Capture;
    done: Promise<number>;
    registry: CommandRegistry;
  } {
    const input = new PassThrough();
    const output = new Capture();
    const done = runTerminalConsole({ registry, input, output, isTerminal: true, prompt: '> ' });
    return { input, output, done, registry };
  }

  it('shows a banner and a prompt, and runs the entered line', async () => {
    const { input, output, done } = interactive();
    await output.untilSeen('> ');
    expect(output.plain).toContain("Type 'help' for the commands");
    input.write('plugins\r');
    await output.untilSeen('1. relay');
    input.end();
    await expect(done).resolves.toBe(0);
  });

  it('completes a command name on Tab, through a namespace', async () => {
    const { input, output, done, registry } = interactive();
    input.write('n\t');
    await output.untilSeen('net.');
    input.write('po\t');
    await output.untilSeen('net.pops ');
    input.write('\r');
    await output.untilSeen('sea');
    expect(registry.history).toEqual(['net.pops']);
    input.end();
    await done;
  });

  it('lists the candidates on a second Tab when they share no longer prefix', async () => {
    const { input, output, done } = interactive();
    input.write('net.p\t');
    input.write('\t');
    await output.until((plain) => /net\.ping\s+net\.pops/.test(plain));
    input.end();
    await done;
  });

  it('clears the line on Ctrl-C without running it', async () => {
    const { input, output, done, registry } = interactive();
    input.write('net.ping');
    input.write('\x03');
    await output.untilSeen('^C');
    input.write('plugins\r');
    await output.untilSeen('1. relay');
    expect(registry.history).toEqual(['plugins']);
    input.end();
    await done;
  });

  it('exits on a second Ctrl-C on an empty line', async () => {
    const { input, output, done } = interactive();
    input.write('\x03');
    await output.untilSeen('press Ctrl+C again');
    input.write('\x03');
    await expect(done).resolves.toBe(0);
  });

  it('does not exit on Ctrl-C when other keys came between two Ctrl-C', async () => {
    const { input, output, done } = interactive();
    input.write('\x03');
    await output.untilSeen('press Ctrl+C again');
    input.write('plugins\r');
    await output.untilSeen('1. relay');
    input.write('\x03');
    await output.untilSeen('press Ctrl+C again', 2);
    input.write('plugins\r');
    await output.untilSeen('1. relay', 2);
    input.end();
    await expect(done).resolves.toBe(0);
  });

  it('exits on Ctrl-D on an empty line', async () => {
    const { input, done } = interactive();
    input.write('\x04');
    await expect(done).resolves.toBe(0);
  });

  it('exits on exit', async () => {
    const { input, done } = interactive();
    input.write('exit\r');
    await expect(done).resolves.toBe(0);
  });

  it('recalls earlier lines, the registry history included, with Up', async () => {
    const registry = sampleRegistry();
    await registry.execute('net.ping');
    const { input, output, done } = interactive(registry);
    input.write('plugins\r');
    await output.untilSeen('1. relay');
    input.write('\x1b[A\x1b[A\r');
    await output.untilSeen('pong');
    expect(registry.history).toEqual(['net.ping', 'plugins', 'net.ping']);
    input.end();
    await done;
  });

  it('clears the screen on clear', async () => {
    const { input, output, done } = interactive();
    input.write('clear\r');
    await output.until(() => output.text.includes(CLEAR_SCREEN));
    input.end();
    await done;
  });

  it('finishes a running command before it exits', async () => {
    const registry = sampleRegistry();
    let finish: (() => void) | undefined;
    const started = new Promise<void>((resolveStarted) => {
      registry.register({
        name: 'slow',
        help: '',
        handler: () => {
          resolveStarted();
          return new Promise<string>((resolve) => (finish = () => resolve('slow done')));
        },
      });
    });
    const { input, output, done } = interactive(registry);
    let exited = false;
    void done.then(() => (exited = true));
    input.write('slow\r');
    input.end();
    await started;
    for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(exited).toBe(false);
    finish!();
    await expect(done).resolves.toBe(0);
    expect(output.plain).toContain('slow done');
  });
});
