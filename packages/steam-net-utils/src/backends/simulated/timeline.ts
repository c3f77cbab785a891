/**
 * The simulated relay network's agenda: actions due at given simulated times, taken out in time
 * order. It is what makes the simulation independent of how often the host loop looks at it: one
 * jump of a minute and three thousand frames of 20 ms run the same actions in the same order.
 */

interface Entry<Action> {
  readonly at: number;
  /** Scheduling order; breaks ties between actions due at the same time. */
  readonly seq: number;
  readonly action: Action;
}

/**
 * A queue of actions ordered by due time (a binary min-heap). Actions due at the same time come
 * out in the order they were scheduled, so a run is deterministic.
 */
export class Timeline<Action> {
  readonly #heap: Entry<Action>[] = [];
  #seq = 0;

  /** How many actions are waiting. */
  get size(): number {
    return this.#heap.length;
  }

  /**
   * Adds `action`, due at `at` (ms on the simulation's clock).
   *
   * @throws RangeError when `at` is not a finite number (an action that could never come due).
   */
  schedule(at: number, action: Action): void {
    if (!Number.isFinite(at)) {
      throw new RangeError(
        `Timeline.schedule(at, action): at must be a finite time in ms, got ${String(at)}.`,
      );
    }
    const heap = this.#heap;
    heap.push({ at, seq: this.#seq++, action });
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(heap[child]!, heap[parent]!)) break;
      swap(heap, child, parent);
      child = parent;
    }
  }

  /** The due time of the next action, or undefined when nothing is waiting. */
  nextTime(): number | undefined {
    return this.#heap[0]?.at;
  }

  /**
   * Removes and returns the next action if it is due at or before `limit`, with its due time;
   * undefined otherwise (nothing waiting, or the next action is later).
   */
  takeDue(limit: number): { readonly at: number; readonly action: Action } | undefined {
    const heap = this.#heap;
    const first = heap[0];
    if (first === undefined || first.at > limit) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === parent) break;
        swap(heap, parent, smallest);
        parent = smallest;
      }
    }
    // The entry itself: it has left the heap, so nothing else refers to it (no allocation).
    return first;
  }

  /** Drops every waiting action. */
  clear(): void {
    this.#heap.length = 0;
  }
}

function before<Action>(a: Entry<Action>, b: Entry<Action>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function swap<T>(items: T[], i: number, j: number): void {
  const item = items[i]!;
  items[i] = items[j]!;
  items[j] = item;
}
