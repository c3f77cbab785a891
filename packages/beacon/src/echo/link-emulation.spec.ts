import { EmulatedLink } from './link-emulation.js';

describe('EmulatedLink (tests and demos only)', () => {
  it('sends at once without an emulation', () => {
    const link = new EmulatedLink(undefined, 10);
    const sent: number[] = [];
    expect(link.deliver(() => sent.push(1))).toBe('sent');
    expect(sent).toEqual([1]);
  });

  it('loses the share of answers the random numbers say', () => {
    const draws = [0.05, 0.5, 0.09, 0.95];
    const link = new EmulatedLink({ loss: 0.1, random: () => draws.shift()! }, 10);
    const outcomes = [1, 2].map(() => link.deliver(() => undefined));
    expect(outcomes).toEqual(['lost', 'sent']);
  });

  it('delays an answer by delay + jitter x random, in real time', async () => {
    const link = new EmulatedLink({ delayMs: 20, jitterMs: 10, random: () => 0.5 }, 10);
    const start = performance.now();
    const sentAfter = new Promise<number>((resolve) => {
      expect(link.deliver(() => resolve(performance.now() - start))).toBe('delayed');
    });
    expect(link.pending).toBe(1);
    // The answer itself is what the test waits for; setTimeout may fire up to 1 ms early.
    expect(await sentAfter).toBeGreaterThanOrEqual(24);
    expect(link.pending).toBe(0);
  });

  it('holds at most maxPending answers and drops them all on close', () => {
    const link = new EmulatedLink({ delayMs: 60_000 }, 2);
    const sent: number[] = [];
    expect([1, 2, 3].map((n) => link.deliver(() => sent.push(n)))).toEqual([
      'delayed',
      'delayed',
      'refused',
    ]);
    link.close();
    expect(link.pending).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe('EmulatedLink with a delay per source', () => {
  it('delays each answer by what delayForSource gives its source, 0 for a bad value', async () => {
    const delays: Record<string, number> = { '127.0.0.1': 25, '127.0.0.2': 0, '127.0.0.3': NaN };
    const link = new EmulatedLink({ delayForSource: (source) => delays[source] ?? -1 }, 10);
    expect(link.deliver(() => undefined, '127.0.0.2')).toBe('sent');
    expect(link.deliver(() => undefined, '127.0.0.3')).toBe('sent');
    expect(link.deliver(() => undefined, '10.0.0.1')).toBe('sent');
    const start = performance.now();
    const elapsed = await new Promise<number>((resolve) => {
      expect(link.deliver(() => resolve(performance.now() - start), '127.0.0.1')).toBe('delayed');
    });
    expect(elapsed).toBeGreaterThanOrEqual(24);
    link.close();
  });
});
