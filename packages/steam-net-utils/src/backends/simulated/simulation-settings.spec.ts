import {
  NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG,
  NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV,
  NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND,
  NETWORKING_CONFIG_SCOPE_GLOBAL,
  NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
  NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
  NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
  NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
  NETWORKING_CONFIG_TYPE_FLOAT,
  NETWORKING_CONFIG_TYPE_INT32,
  NETWORKING_CONFIG_TYPE_STRING,
} from '../../constants/index.js';
import { ConfigStore } from '../../config-store/index.js';
import {
  DEFAULT_SIMULATION_SETTINGS,
  parseFakeClusterPing,
  parseRelayClusterList,
  readSimulationSettings,
  type SimulationConfigReader,
  SimulationSettingsCache,
} from './simulation-settings.js';

const G = NETWORKING_CONFIG_SCOPE_GLOBAL;

describe('parseRelayClusterList', () => {
  it('reads codes separated by commas or spaces, lower-cased, without duplicates', () => {
    expect(parseRelayClusterList(' IAD, fra ams,,fra ')).toEqual(['iad', 'fra', 'ams']);
    expect(parseRelayClusterList('')).toEqual([]);
  });
});

describe('parseFakeClusterPing', () => {
  it('reads Steam\'s "code=ms,code=ms" format', () => {
    expect(parseFakeClusterPing('sto=32,iad=100').pings).toEqual(
      new Map([
        ['sto', 32],
        ['iad', 100],
      ]),
    );
  });

  it('allows spaces, lower-cases codes and lets a later pair win', () => {
    expect(parseFakeClusterPing(' FRA = 5 , fra=7').pings).toEqual(new Map([['fra', 7]]));
  });

  it('returns the pairs it cannot read, and never throws', () => {
    const { pings, invalid } = parseFakeClusterPing('fra=,=5,ams=9,toolong=1,x=-3,y=1.5');
    expect(pings).toEqual(new Map([['ams', 9]]));
    expect(invalid).toEqual(['fra=', '=5', 'toolong=1', 'x=-3', 'y=1.5']);
  });
});

describe('readSimulationSettings', () => {
  it('gives the simulation defaults for a store where nothing was set', () => {
    expect(readSimulationSettings(new ConfigStore())).toEqual(DEFAULT_SIMULATION_SETTINGS);
  });

  it('reads every honoured value', () => {
    const store = new ConfigStore();
    store.set(NETWORKING_CONFIG_FAKE_PACKET_LOSS_SEND, G, 0, NETWORKING_CONFIG_TYPE_FLOAT, 12.5);
    store.set(NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV, G, 0, NETWORKING_CONFIG_TYPE_INT32, 40);
    store.set(NETWORKING_CONFIG_FAKE_PACKET_JITTER_SEND_AVG, G, 0, NETWORKING_CONFIG_TYPE_FLOAT, 3);
    store.set(
      NETWORKING_CONFIG_SDR_CLIENT_FORCE_RELAY_CLUSTER,
      G,
      0,
      NETWORKING_CONFIG_TYPE_STRING,
      'iad',
    );
    store.set(
      NETWORKING_CONFIG_SDR_CLIENT_FAKE_CLUSTER_PING,
      G,
      0,
      NETWORKING_CONFIG_TYPE_STRING,
      'sto=32',
    );
    store.set(
      NETWORKING_CONFIG_SDR_CLIENT_LIMIT_PING_PROBES_TO_NEAREST_N,
      G,
      0,
      NETWORKING_CONFIG_TYPE_INT32,
      5,
    );
    store.set(
      NETWORKING_CONFIG_SDR_CLIENT_MIN_PINGS_BEFORE_PING_ACCURATE,
      G,
      0,
      NETWORKING_CONFIG_TYPE_INT32,
      4,
    );
    const settings = readSimulationSettings(store);
    expect(settings.lossSendPercent).toBe(12.5);
    expect(settings.lagRecvMs).toBe(40);
    expect(settings.jitterSend.averageMs).toBe(3);
    expect(settings.forcedClusters).toEqual(['iad']);
    expect(settings.fakeClusterPings).toEqual(new Map([['sto', 32]]));
    expect(settings.probeNearestN).toBe(5);
    expect(settings.minPingsBeforeAccurate).toBe(4);
  });

  it('falls back to its defaults for relay counts of 0 or less', () => {
    const reader: SimulationConfigReader = {
      revision: 0,
      effectiveInt32: () => 0,
      effectiveFloat: () => 0,
      effectiveString: () => '',
    };
    const settings = readSimulationSettings(reader);
    expect(settings.minPingsBeforeAccurate).toBe(
      DEFAULT_SIMULATION_SETTINGS.minPingsBeforeAccurate,
    );
    expect(settings.timeoutsFail).toBe(DEFAULT_SIMULATION_SETTINGS.timeoutsFail);
    expect(settings.probeNearestN).toBe(0);
  });
});

describe('SimulationSettingsCache', () => {
  it('reads the store again only when its revision moves', () => {
    const store = new ConfigStore();
    const reads = jest.spyOn(store, 'effectiveString');
    const cache = new SimulationSettingsCache(store);
    const first = cache.current;
    expect(cache.current).toBe(first);
    const count = reads.mock.calls.length;
    store.set(NETWORKING_CONFIG_FAKE_PACKET_LAG_RECV, G, 0, NETWORKING_CONFIG_TYPE_INT32, 10);
    expect(cache.current.lagRecvMs).toBe(10);
    expect(reads.mock.calls.length).toBeGreaterThan(count);
  });
});
