import { SampleWindow } from './sample-window.js';

describe('SampleWindow', () => {
  it('gives the median, p90, loss and the newest answer of the answered probes', () => {
    const window = new SampleWindow(10, 1000);
    const rtts = [20, 22, 21, 80, 20, 23, 19, 21, 20, 22];
    rtts.forEach((rtt, sequence) => {
      window.recordSent(sequence, sequence * 1000);
      expect(window.recordAnswer(sequence, sequence * 1000 + rtt)).toBe(rtt);
    });
    const statistics = window.statistics(10_000)!;
    expect(statistics.medianMs).toBe(21);
    expect(statistics.p90Ms).toBeCloseTo(28.7, 6);
    expect([statistics.samples, statistics.lost, statistics.loss]).toEqual([10, 0, 0]);
    expect(statistics.newestAnswerAt).toBe(9022);
  });

  it('counts a probe lost only once its timeout has passed', () => {
    const window = new SampleWindow(10, 1000);
    window.recordSent(0, 0);
    window.recordAnswer(0, 10);
    window.recordSent(1, 1000);
    expect(window.statistics(1500)).toMatchObject({ samples: 1, lost: 0, loss: 0 });
    expect(window.statistics(2001)).toMatchObject({ samples: 1, lost: 1, loss: 0.5 });
  });

  it('refuses a late answer, a second answer and an answer to a probe it never sent', () => {
    const window = new SampleWindow(10, 1000);
    window.recordSent(0, 0);
    expect(window.recordAnswer(0, 1001)).toBeUndefined();
    window.recordSent(1, 0);
    expect(window.recordAnswer(1, 5)).toBe(5);
    expect(window.recordAnswer(1, 6)).toBeUndefined();
    expect(window.recordAnswer(7, 6)).toBeUndefined();
    expect(window.statistics(5000)).toMatchObject({ samples: 1, lost: 1 });
  });

  it('keeps only the last `size` probes', () => {
    const window = new SampleWindow(3, 1000);
    for (let sequence = 0; sequence < 6; sequence++) {
      window.recordSent(sequence, sequence);
      window.recordAnswer(sequence, sequence + (sequence < 3 ? 100 : 10));
    }
    expect(window.statistics(10)).toMatchObject({ medianMs: 10, samples: 3 });
    // Probe 0's slot now holds probe 3: a late answer to 0 is refused.
    expect(window.recordAnswer(0, 20)).toBeUndefined();
  });

  it('has no statistics without an answer, and none after clear', () => {
    const window = new SampleWindow(3, 1000);
    window.recordSent(0, 0);
    expect(window.statistics(5000)).toBeUndefined();
    window.recordAnswer(0, 1);
    window.clear();
    expect(window.statistics(5000)).toBeUndefined();
    expect(window.lastAnswerAt).toBe(1);
  });
});
