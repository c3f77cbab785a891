import { SourceRateLimiter } from './source-rate-limiter.js';

function limiter(
  limit: Partial<{ ratePerSecond: number; burst: number; maxSources: number }> = {},
) {
  const time = { now: 0 };
  const subject = new SourceRateLimiter(
    { ratePerSecond: 10, burst: 5, maxSources: 100, ...limit },
    () => time.now,
  );
  return { subject, time };
}

/** How many of `count` requests from `source` at the current time are allowed. */
function allowed(subject: SourceRateLimiter, source: string, count: number): number {
  let passed = 0;
  for (let i = 0; i < count; i++) if (subject.allow(source)) passed += 1;
  return passed;
}

describe('SourceRateLimiter', () => {
  it('allows a burst, then the rate', () => {
    const { subject, time } = limiter({ ratePerSecond: 10, burst: 5 });
    expect(allowed(subject, 'a', 20)).toBe(5);
    time.now += 500; // 5 tokens at 10/s
    expect(allowed(subject, 'a', 20)).toBe(5);
    time.now += 100;
    expect(allowed(subject, 'a', 20)).toBe(1);
    time.now += 60_000; // never more than the burst
    expect(allowed(subject, 'a', 20)).toBe(5);
  });

  it('limits each source on its own', () => {
    const { subject } = limiter({ burst: 3 });
    expect(allowed(subject, 'a', 10)).toBe(3);
    expect(allowed(subject, 'b', 10)).toBe(3);
  });

  it('remembers at most maxSources sources, however many appear', () => {
    const { subject, time } = limiter({ maxSources: 100 });
    for (let i = 0; i < 20_000; i++) {
      subject.allow(`198.51.${i >> 8}.${i & 255}`);
      if (i % 1000 === 0) time.now += 1;
      expect(subject.trackedSources).toBeLessThanOrEqual(100);
    }
    expect(subject.trackedSources).toBe(100);
  });

  it('makes a flood of new sources share one bucket while the table is busy', () => {
    const { subject } = limiter({ maxSources: 10, burst: 5 });
    // Ten sources, each partly drained: none may be forgotten.
    for (let i = 0; i < 10; i++) subject.allow(`busy-${i}`);
    let passed = 0;
    for (let i = 0; i < 5000; i++) if (subject.allow(`fresh-${i}`)) passed += 1;
    expect(passed).toBe(5); // the overflow bucket's burst, for all 5000 together
    expect(subject.overflowed).toBe(5000);
    expect(subject.trackedSources).toBe(10);
  });

  it('forgets a refilled source to make room, which costs it nothing', () => {
    const { subject, time } = limiter({ maxSources: 2, ratePerSecond: 10, burst: 5 });
    subject.allow('a');
    subject.allow('b');
    time.now += 1000; // both full again
    expect(subject.allow('c')).toBe(true);
    expect(subject.overflowed).toBe(0);
    expect(subject.trackedSources).toBe(2);
    // 'a' was forgotten; it comes back with a full bucket, as it would have had anyway.
    expect(allowed(subject, 'a', 10)).toBe(5);
  });

  it('never forgets a drained source, so a flood of others cannot reset its limit', () => {
    const { subject, time } = limiter({ maxSources: 3, ratePerSecond: 10, burst: 5 });
    expect(allowed(subject, 'attacker', 10)).toBe(5);
    for (let i = 0; i < 1000; i++) subject.allow(`spoofed-${i}`);
    time.now += 100; // one token back
    expect(allowed(subject, 'attacker', 10)).toBe(1);
  });

  it('looks past a drained oldest source for a refilled one, and moves the drained one back', () => {
    const { subject, time } = limiter({ maxSources: 2, ratePerSecond: 10, burst: 5 });
    expect(allowed(subject, 'busy', 5)).toBe(5); // the oldest, drained
    subject.allow('quiet');
    time.now += 100; // 'busy' has 1 token of 5; 'quiet' is full again
    expect(subject.allow('new')).toBe(true);
    expect(subject.overflowed).toBe(0);
    // 'quiet' made room; 'busy' kept its drained bucket.
    expect(allowed(subject, 'busy', 10)).toBe(1);
  });
});
