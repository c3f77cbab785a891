import { callable } from './callable.js';
import { RelaylaneError } from './errors.js';
import {
  DEFAULT_MESSAGE_QUEUE_CAPACITY,
  MessageQueue,
  MessageQueueError,
  MessageQueueOverflowError,
  MessageQueueReentrantFlushError,
} from './message-queue.js';
import { captureReportedErrors } from './test-support/errors.js';

describe('MessageQueue', () => {
  const reports = captureReportedErrors();

  it('runs the queued calls with their arguments in push order on flush, and counts them', () => {
    const queue = new MessageQueue();
    const log: string[] = [];
    queue.push((a: string, b: number) => log.push(`${a}${b}`), ['a', 1]);
    queue.push((a: string) => log.push(a), ['b']);
    queue.push(() => log.push('c'), []);
    expect(log).toEqual([]);
    expect(queue.size).toBe(3);
    expect(queue.flush()).toBe(3);
    expect(log).toEqual(['a1', 'b', 'c']);
    expect(queue.size).toBe(0);
    expect(queue.flush()).toBe(0);
  });

  it('copies the argument array at push time', () => {
    const queue = new MessageQueue();
    const received: number[][] = [];
    const args: [number, number] = [1, 2];
    queue.push((a: number, b: number) => received.push([a, b]), args);
    args[0] = 99;
    queue.flush();
    expect(received).toEqual([[1, 2]]);
  });

  it('is never flushed by microtasks or macrotasks, only by flush()', async () => {
    const queue = new MessageQueue();
    const fn = jest.fn();
    queue.push(fn, []);
    await Promise.resolve();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(fn).not.toHaveBeenCalled();
    queue.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs calls queued during a flush in the same flush, after the ones already queued', () => {
    const queue = new MessageQueue();
    const log: string[] = [];
    queue.push(() => {
      log.push('first');
      queue.push(() => log.push('queued by first'), []);
    }, []);
    queue.push(() => log.push('second'), []);
    expect(queue.flush()).toBe(3);
    expect(log).toEqual(['first', 'second', 'queued by first']);
    expect(queue.size).toBe(0);
  });

  it('is not reentrant: flush() from a deferred call throws MessageQueueReentrantFlushError', () => {
    const queue = new MessageQueue();
    let nested: unknown;
    let flushingInside = false;
    queue.push(() => {
      flushingInside = queue.isFlushing;
      try {
        queue.flush();
      } catch (error) {
        nested = error;
      }
    }, []);
    queue.flush();
    expect(flushingInside).toBe(true);
    expect(queue.isFlushing).toBe(false);
    expect(nested).toBeInstanceOf(MessageQueueReentrantFlushError);
    expect(nested).toBeInstanceOf(RelaylaneError);
    expect((nested as RelaylaneError).code).toBe('MESSAGE_QUEUE_REENTRANT_FLUSH');
  });

  it('reports a call that throws, with its label, and runs the others', () => {
    const queue = new MessageQueue();
    const failure = new Error('deferred failure');
    const after = jest.fn();
    queue.push(
      () => {
        throw failure;
      },
      [],
      'Lobby.refresh',
    );
    queue.push(after, []);
    expect(queue.flush()).toBe(2);
    expect(after).toHaveBeenCalledTimes(1);
    expect(reports).toEqual([{ error: failure, context: "deferred call 'Lobby.refresh'" }]);
  });

  it('names an unlabelled call by its function name in reports', () => {
    const queue = new MessageQueue();
    queue.push(function refreshPings() {
      throw new Error('x');
    }, []);
    queue.flush();
    expect(reports[0]?.context).toBe("deferred call 'refreshPings'");
  });

  it('names an unlabelled callable() by its class and method, an anonymous call as such', () => {
    class Lobby {
      refresh(): void {
        throw new Error('x');
      }
    }
    const queue = new MessageQueue();
    queue.push(callable(new Lobby(), 'refresh'), []);
    queue.push(
      [
        (): void => {
          throw new Error('y');
        },
      ][0]!,
      [],
    );
    queue.flush();
    expect(reports.map((report) => report.context)).toEqual([
      "deferred call 'Lobby::refresh'",
      "deferred call '<anonymous>'",
    ]);
  });

  it('throws MessageQueueOverflowError naming the call and the capacity when full', () => {
    const queue = new MessageQueue({ capacity: 2 });
    queue.push(() => undefined, []);
    queue.push(() => undefined, []);
    let thrown: unknown;
    try {
      queue.push(() => undefined, [], 'Hud.redraw');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MessageQueueOverflowError);
    expect((thrown as RelaylaneError).code).toBe('MESSAGE_QUEUE_OVERFLOW');
    expect((thrown as Error).message).toContain("'Hud.redraw'");
    expect((thrown as Error).message).toContain('capacity of 2');
    expect((thrown as Error).message).toContain('new MessageQueue({ capacity })');
    expect(queue.size).toBe(2);
  });

  it('ends a flush whose call re-queues itself forever with a reported overflow', () => {
    const queue = new MessageQueue({ capacity: 5 });
    const again = (): void => queue.push(again, [], 'again');
    queue.push(again, []);
    expect(queue.flush()).toBe(5);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.error).toBeInstanceOf(MessageQueueOverflowError);
    // The slots are released when the flush ends: the next frame has the full capacity again.
    for (let i = 0; i < 5; i++) {
      queue.push(() => undefined, []);
    }
    expect(queue.size).toBe(5);
  });

  it('clear() drops pending calls; from inside a flush, calls queued after it still run', () => {
    const queue = new MessageQueue();
    const dropped = jest.fn();
    queue.push(dropped, []);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.flush()).toBe(0);

    const log: string[] = [];
    queue.push(() => {
      queue.clear();
      queue.push(() => log.push('after clear'), []);
    }, []);
    queue.push(dropped, []);
    expect(queue.flush()).toBe(2);
    expect(log).toEqual(['after clear']);
    expect(dropped).not.toHaveBeenCalled();
  });

  it('defaults its capacity and refuses one that is not a positive integer', () => {
    expect(new MessageQueue().capacity).toBe(DEFAULT_MESSAGE_QUEUE_CAPACITY);
    expect(DEFAULT_MESSAGE_QUEUE_CAPACITY).toBe(8192);
    expect(() => new MessageQueue({ capacity: 0 })).toThrow(MessageQueueError);
    expect(() => new MessageQueue({ capacity: 0 })).toThrow(
      expect.objectContaining({ code: 'MESSAGE_QUEUE_INVALID_CAPACITY' }),
    );
    expect(() => new MessageQueue({ capacity: 1.5 })).toThrow('positive integer');
  });

  it('has one process-wide main queue', () => {
    expect(MessageQueue.main).toBeInstanceOf(MessageQueue);
    expect(MessageQueue.main.capacity).toBe(DEFAULT_MESSAGE_QUEUE_CAPACITY);
  });
});
