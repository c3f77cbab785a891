import { runHeapSession, runHeapSoakBenchmark } from './heap-soak.js';

describe('heap soak (smoke)', () => {
  const options = { rounds: 1, simulatedSeconds: 2, lobbyCount: 4, seed: 2 };

  it('ticks the demo plugin set at 60 Hz, ranks the lobbies and reads the heap twice', () => {
    const session = runHeapSession(options);
    expect(session.ticks).toBe(120);
    expect(session.rankings).toBeGreaterThanOrEqual(1);
    expect(session.heapAfterFirstSecond).toBeGreaterThan(0);
    expect(session.heapAtEnd).toBeGreaterThan(0);
  });

  it('gives one row with the growth against the 1 MB target', () => {
    const [row] = runHeapSoakBenchmark(options);
    expect(row!.subject.unit).toBe('bytes');
    expect(row!.note).toMatch(/^growth [+-]/);
    expect(typeof row!.met).toBe('boolean');
  });

  it('refuses a session too short to have a first second and an end', () => {
    expect(() => runHeapSession({ ...options, simulatedSeconds: 1 })).toThrow(RangeError);
  });
});
