/**
 * Waiting for work already queued in this process (datagrams in a socket's receive queue) without
 * waiting for time: let the event loop turn, a bounded number of times, until `condition` holds.
 */
import { setImmediate } from 'node:timers/promises';

export async function turnsUntil(condition: () => boolean, maxTurns = 10_000): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await setImmediate();
  }
  throw new Error(`The condition did not hold after ${maxTurns} turns of the event loop.`);
}
