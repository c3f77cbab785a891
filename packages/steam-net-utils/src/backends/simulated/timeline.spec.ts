import { Timeline } from './timeline.js';

describe('Timeline', () => {
  it('takes actions out in due-time order', () => {
    const timeline = new Timeline<string>();
    for (const [at, name] of [
      [30, 'c'],
      [10, 'a'],
      [50, 'e'],
      [20, 'b'],
      [40, 'd'],
    ] as const) {
      timeline.schedule(at, name);
    }
    const order: string[] = [];
    for (let due = timeline.takeDue(100); due !== undefined; due = timeline.takeDue(100)) {
      order.push(due.action);
    }
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps scheduling order among actions due at the same time', () => {
    const timeline = new Timeline<number>();
    for (let i = 0; i < 20; i++) timeline.schedule(5, i);
    const order: number[] = [];
    for (let due = timeline.takeDue(5); due !== undefined; due = timeline.takeDue(5)) {
      order.push(due.action);
    }
    expect(order).toEqual([...Array(20).keys()]);
  });

  it('gives nothing before its time, and says when the next action is due', () => {
    const timeline = new Timeline<string>();
    timeline.schedule(10, 'later');
    expect(timeline.takeDue(9.999)).toBeUndefined();
    expect(timeline.nextTime()).toBe(10);
    expect(timeline.takeDue(10)).toMatchObject({ at: 10, action: 'later' });
    expect(timeline.size).toBe(0);
    expect(timeline.nextTime()).toBeUndefined();
  });

  it('clear drops every action', () => {
    const timeline = new Timeline<string>();
    timeline.schedule(1, 'x');
    timeline.clear();
    expect(timeline.takeDue(Infinity)).toBeUndefined();
  });

  it('refuses a time that could never come due', () => {
    const timeline = new Timeline<string>();
    expect(() => timeline.schedule(Number.NaN, 'x')).toThrow(RangeError);
    expect(() => timeline.schedule(Infinity, 'x')).toThrow(/finite/);
  });
});
