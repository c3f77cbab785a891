import { ManualClock } from '@relaylane/core';

import { NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG } from '../../constants/index.js';
import { MAX_PENDING_DEBUG_MESSAGES, PendingEvents } from './pending-events.js';
import { RecordingSink } from './test-support/recording-sink.js';

const status = (available: number) => ({
  available,
  pingMeasurementInProgress: 0,
  availableNetworkConfig: 1,
  availableAnyRelay: 1,
  debugMessage: '',
});

describe('PendingEvents', () => {
  it('delivers in the order pushed, once', () => {
    const events = new PendingEvents();
    events.push({ kind: 'relayNetworkStatus', status: status(1) });
    events.push({ kind: 'debugOutput', type: 5, message: 'm' });
    events.push({ kind: 'relayNetworkStatus', status: status(2) });
    const sink = new RecordingSink(new ManualClock());
    events.deliver(sink, 8);
    expect(sink.events.map((e) => e.kind)).toEqual(['status', 'debug', 'status']);
    events.deliver(sink, 8);
    expect(sink.events).toHaveLength(3);
  });

  it('delivers debug messages only when they pass the output level', () => {
    const events = new PendingEvents();
    events.push({ kind: 'debugOutput', type: 7, message: 'detail' });
    events.push({ kind: 'debugOutput', type: 4, message: 'warning' });
    const sink = new RecordingSink(new ManualClock());
    events.deliver(sink, NETWORKING_SOCKET_DEBUG_OUTPUT_TYPE_MSG);
    expect(sink.debugMessages()).toEqual([{ type: 4, message: 'warning' }]);
  });

  it('keeps the events after one the sink threw on, ahead of newer ones', () => {
    const events = new PendingEvents();
    events.push({ kind: 'relayNetworkStatus', status: status(1) });
    events.push({ kind: 'relayNetworkStatus', status: status(2) });
    const failing = new RecordingSink(new ManualClock());
    failing.relayNetworkStatus = () => {
      events.push({ kind: 'relayNetworkStatus', status: status(3) });
      throw new Error('boom');
    };
    expect(() => events.deliver(failing, 0)).toThrow('boom');
    const sink = new RecordingSink(new ManualClock());
    events.deliver(sink, 0);
    expect(sink.statuses().map((s) => s.available)).toEqual([2, 3]);
  });

  it('drops the oldest debug messages beyond its limit, never statuses', () => {
    const events = new PendingEvents();
    events.push({ kind: 'relayNetworkStatus', status: status(1) });
    for (let i = 0; i < MAX_PENDING_DEBUG_MESSAGES + 5; i++) {
      events.push({ kind: 'debugOutput', type: 5, message: `m${i}` });
    }
    expect(events.size).toBe(MAX_PENDING_DEBUG_MESSAGES + 1);
    const sink = new RecordingSink(new ManualClock());
    events.deliver(sink, 8);
    expect(sink.statuses()).toHaveLength(1);
    expect(sink.debugMessages()[0]!.message).toBe('m5');
  });
});
