import { PingTable, smoothPing } from './ping-measurement.js';

describe('smoothPing (mean of the best 2 of the last 3 answers)', () => {
  it('leaves out the slowest of the last three', () => {
    expect(smoothPing([40, 10, 12])).toBe(11);
  });

  it('only looks at the last three samples', () => {
    expect(smoothPing([1, 1, 30, 20, 10])).toBe(15);
  });

  it('averages both samples when there are two, and returns the one when there is one', () => {
    expect(smoothPing([10, 20])).toBe(15);
    expect(smoothPing([7])).toBe(7);
  });

  it('is undefined without samples', () => {
    expect(smoothPing([])).toBeUndefined();
  });
});

describe('PingTable', () => {
  it('numbers probes per POP from 0 over the whole life of the host', () => {
    const table = new PingTable(2);
    expect(table.takeProbeIndex(0)).toBe(0);
    expect(table.takeProbeIndex(0)).toBe(1);
    expect(table.takeProbeIndex(1)).toBe(0);
    table.startMeasurement();
    expect(table.takeProbeIndex(0)).toBe(2);
  });

  it('counts answers, timeouts in a row and probes in flight', () => {
    const table = new PingTable(1);
    table.takeProbeIndex(0);
    table.takeProbeIndex(0);
    table.takeProbeIndex(0);
    expect(table.inFlight(0)).toBe(3);
    table.recordTimeout(0);
    table.recordTimeout(0);
    expect(table.consecutiveTimeouts(0)).toBe(2);
    table.recordAnswer(0, 12);
    expect(table.consecutiveTimeouts(0)).toBe(0);
    expect(table.inFlight(0)).toBe(0);
    expect(table.answered(0)).toBe(1);
    expect(table.answeredThisMeasurement(0)).toBe(1);
    expect(table.sentThisMeasurement(0)).toBe(3);
  });

  it('keeps lifetime answers and the window across measurements, and resets the per-measurement counts', () => {
    const table = new PingTable(1);
    table.recordAnswer(0, 30);
    table.recordAnswer(0, 10);
    table.startMeasurement();
    expect(table.answered(0)).toBe(2);
    expect(table.answeredThisMeasurement(0)).toBe(0);
    table.recordAnswer(0, 20);
    expect(table.samples(0)).toEqual([30, 10, 20]);
    expect(table.smoothed(0)).toBe(15);
    table.recordAnswer(0, 40);
    expect(table.samples(0)).toEqual([10, 20, 40]);
  });

  it('forgets the samples but keeps the counts when the paths change (a fake lag)', () => {
    const table = new PingTable(2);
    table.recordAnswer(0, 30);
    table.recordAnswer(0, 10);
    table.recordTimeout(1);
    table.forgetSamples();
    expect(table.samples(0)).toEqual([]);
    expect(table.smoothed(0)).toBeUndefined();
    expect(table.answered(0)).toBe(2);
    expect(table.consecutiveTimeouts(1)).toBe(1);
    table.recordAnswer(0, 60);
    expect(table.smoothed(0)).toBe(60);
  });

  it('refuses a POP index out of range', () => {
    expect(() => new PingTable(2).answered(2)).toThrow(RangeError);
  });
});
