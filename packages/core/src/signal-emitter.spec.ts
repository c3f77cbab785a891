import { callable } from './callable.js';
import { ConnectFlags } from './connect-flags.js';
import { type RelaylaneError } from './errors.js';
import { MessageQueue } from './message-queue.js';
import { Signal, SignalError } from './signal.js';
import { SignalEmitter } from './signal-emitter.js';
import { thrownBy } from './test-support/errors.js';

type NetworkSignals = {
  relay_network_status: [available: number, ping_measurement: number, debug_message: string];
  ping_changed: [pop: string, ping: number];
  ready: [];
};

class Network extends SignalEmitter<NetworkSignals> {
  constructor(queue?: MessageQueue) {
    super(
      {
        relay_network_status: ['available', 'ping_measurement', 'debug_message'],
        ping_changed: ['pop', 'ping'],
        ready: [],
      },
      queue === undefined ? {} : { messageQueue: queue },
    );
  }
}

class Hud extends SignalEmitter<{ closed: [] }> {
  readonly pings: string[] = [];

  constructor() {
    super({ closed: [] });
  }

  onPing(pop: string, ping: number): void {
    this.pings.push(`${pop} ${ping}`);
  }

  onReady(): void {
    this.pings.push('ready');
  }
}

describe('SignalEmitter', () => {
  it('makes one typed Signal per declared signal, with its argument names', () => {
    const network = new Network();
    expect(network.signals.ping_changed).toBeInstanceOf(Signal);
    expect(network.signals.ping_changed.name).toBe('ping_changed');
    expect(network.signals.relay_network_status.argNames).toEqual([
      'available',
      'ping_measurement',
      'debug_message',
    ]);
    expect(network.signals.ready).not.toBe(network.signals.ping_changed);
  });

  it('lists its signals and their argument names in declaration order', () => {
    expect(new Network().getSignalList()).toEqual([
      { name: 'relay_network_status', args: ['available', 'ping_measurement', 'debug_message'] },
      { name: 'ping_changed', args: ['pop', 'ping'] },
      { name: 'ready', args: [] },
    ]);
  });

  it("answers hasSignal() for declared names only, not for Object's own properties", () => {
    const network = new Network();
    expect(network.hasSignal('ping_changed')).toBe(true);
    expect(network.hasSignal('pong_changed')).toBe(false);
    expect(network.hasSignal('toString')).toBe(false);
    expect(network.hasSignal('constructor')).toBe(false);
  });

  it('connects, emits and disconnects by signal name on the same Signal objects', () => {
    const network = new Network();
    const hud = new Hud();
    network.connect('ping_changed', callable(hud, 'onPing'));
    expect(network.isConnected('ping_changed', callable(hud, 'onPing'))).toBe(true);
    expect(network.signals.ping_changed.isConnected(callable(hud, 'onPing'))).toBe(true);
    network.emitSignal('ping_changed', 'fra', 21);
    network.signals.ping_changed.emit('sea', 140);
    network.disconnect('ping_changed', callable(hud, 'onPing'));
    network.emitSignal('ping_changed', 'lhr', 9);
    expect(hud.pings).toEqual(['fra 21', 'sea 140']);
    expect(network.isConnected('ping_changed', callable(hud, 'onPing'))).toBe(false);
  });

  it('reports the connections of a signal by name', () => {
    const network = new Network();
    const hud = new Hud();
    network.connect('ready', callable(hud, 'onReady'), ConnectFlags.PERSIST);
    expect(network.getSignalConnectionList('ready')).toEqual([
      {
        signal: 'ready',
        callable: callable(hud, 'onReady'),
        flags: ConnectFlags.PERSIST,
        callableName: 'Hud::onReady',
        refCount: 1,
      },
    ]);
    expect(network.getSignalConnectionList('ping_changed')).toEqual([]);
  });

  it('throws SIGNAL_NOT_FOUND naming the object and its signals for an unknown name', () => {
    const network = new Network() as unknown as SignalEmitter<Record<string, unknown[]>>;
    const error = thrownBy<RelaylaneError>(() => network.connect('relay_status', () => undefined));
    expect(error).toBeInstanceOf(SignalError);
    expect(error.code).toBe('SIGNAL_NOT_FOUND');
    expect(error.message).toContain("Cannot connect signal 'relay_status': Network has no such");
    expect(error.message).toContain('relay_network_status, ping_changed, ready');
    expect(thrownBy<RelaylaneError>(() => network.emitSignal('relay_status')).code).toBe(
      'SIGNAL_NOT_FOUND',
    );
    expect(
      thrownBy<RelaylaneError>(() => network.disconnect('toString', () => undefined)).code,
    ).toBe('SIGNAL_NOT_FOUND');
    expect(thrownBy<RelaylaneError>(() => network.getSignalConnectionList('nope')).code).toBe(
      'SIGNAL_NOT_FOUND',
    );
  });

  it('names itself in its signals’ errors', () => {
    const network = new Network();
    function onReady(): void {}
    network.connect('ready', onReady);
    expect(thrownBy<RelaylaneError>(() => network.connect('ready', onReady)).message).toContain(
      "Signal 'ready' of Network is already connected",
    );
  });

  it('silences every one of its signals while blocking signals', () => {
    const network = new Network();
    const ready = jest.fn();
    const ping = jest.fn();
    network.connect('ready', ready);
    network.signals.ping_changed.connect(ping);
    network.setBlockSignals(true);
    expect(network.isBlockingSignals()).toBe(true);
    network.emitSignal('ready');
    network.signals.ping_changed.emit('fra', 1);
    expect(ready).not.toHaveBeenCalled();
    expect(ping).not.toHaveBeenCalled();
    network.setBlockSignals(false);
    expect(network.isBlockingSignals()).toBe(false);
    network.emitSignal('ready');
    network.signals.ping_changed.emit('fra', 1);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it('blockSignals() is the shorthand: no argument blocks, false unblocks', () => {
    const network = new Network();
    const ready = jest.fn();
    network.connect('ready', ready);
    network.blockSignals();
    network.emitSignal('ready');
    expect(ready).not.toHaveBeenCalled();
    network.blockSignals(false);
    network.emitSignal('ready');
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('blocks only its own signals', () => {
    const network = new Network();
    const other = new Network();
    const ready = jest.fn();
    other.connect('ready', ready);
    network.setBlockSignals(true);
    other.emitSignal('ready');
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('queues its DEFERRED connections on the queue it was given', () => {
    const queue = new MessageQueue();
    const network = new Network(queue);
    const ready = jest.fn();
    network.connect('ready', ready, ConnectFlags.DEFERRED);
    network.emitSignal('ready');
    expect(ready).not.toHaveBeenCalled();
    expect(queue.flush()).toBe(1);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  describe('dispose()', () => {
    it('disconnects every connection of its own signals', () => {
      const network = new Network();
      const hud = new Hud();
      const ready = jest.fn();
      network.connect('ready', ready);
      network.connect('ping_changed', callable(hud, 'onPing'));
      network.dispose();
      expect(network.isDisposed()).toBe(true);
      expect(network.getSignalConnectionList('ready')).toEqual([]);
      expect(network.getSignalConnectionList('ping_changed')).toEqual([]);
      network.emitSignal('ready');
      expect(ready).not.toHaveBeenCalled();
    });

    it('removes its callables from other objects’ signals and leaves other connections', () => {
      const network = new Network();
      const hud = new Hud();
      const otherHud = new Hud();
      const plain = jest.fn();
      network.connect('ping_changed', callable(hud, 'onPing'));
      network.connect('ping_changed', callable(otherHud, 'onPing'));
      network.connect('ready', callable(hud, 'onReady'));
      network.connect('ready', plain);
      const standalone = new Signal('tick');
      standalone.connect(callable(hud, 'onReady'));

      hud.dispose();

      expect(network.getSignalConnectionList('ping_changed').map((c) => c.callable)).toEqual([
        callable(otherHud, 'onPing'),
      ]);
      expect(network.getSignalConnectionList('ready').map((c) => c.callable)).toEqual([plain]);
      expect(standalone.getConnections()).toEqual([]);
      network.emitSignal('ping_changed', 'fra', 3);
      expect(hud.pings).toEqual([]);
      expect(otherHud.pings).toEqual(['fra 3']);
    });

    it('stops an object disposed by an earlier listener from receiving the same emit', () => {
      const network = new Network();
      const hud = new Hud();
      network.connect('ready', () => hud.dispose());
      network.connect('ready', callable(hud, 'onReady'));
      network.emitSignal('ready');
      expect(hud.pings).toEqual([]);
    });

    it('refuses new connections afterwards, saying the owner was disposed', () => {
      const network = new Network();
      network.dispose();
      const error = thrownBy<RelaylaneError>(() => network.connect('ready', () => undefined));
      expect(error).toBeInstanceOf(SignalError);
      expect(error.code).toBe('SIGNAL_OWNER_DISPOSED');
      expect(error.message).toContain('Network was disposed');
      return expect(network.signals.ready.once()).rejects.toMatchObject({
        code: 'SIGNAL_OWNER_DISPOSED',
      });
    });

    it('does nothing the second time', () => {
      const network = new Network();
      network.dispose();
      expect(() => network.dispose()).not.toThrow();
      expect(network.isDisposed()).toBe(true);
    });
  });

  it('types the string-name API by the signal map', () => {
    const network = new Network();
    const received: [number, number, string][] = [];
    network.connect('relay_network_status', (available, ping, debug) => {
      const typed: [number, number, string] = [available, ping, debug];
      received.push(typed);
    });
    network.emitSignal('relay_network_status', 100, 25, 'ok');
    expect(received).toEqual([[100, 25, 'ok']]);

    // Checked by the type-check of the specs only; never run.
    const typeErrors = (): void => {
      // @ts-expect-error -- 'pong' is not a declared signal.
      network.connect('pong', () => undefined);
      // @ts-expect-error -- ping_changed carries (pop: string, ping: number).
      network.emitSignal('ping_changed', 1, 'fra');
      // @ts-expect-error -- ping_changed's listener gets a string first.
      network.connect('ping_changed', (pop: number) => void pop);
      class MissingNames extends SignalEmitter<NetworkSignals> {
        constructor() {
          // @ts-expect-error -- ping_changed has two arguments, so it needs two names.
          super({ relay_network_status: ['a', 'b', 'c'], ping_changed: ['pop'], ready: [] });
        }
      }
      void MissingNames;
    };
    void typeErrors;
  });
});
