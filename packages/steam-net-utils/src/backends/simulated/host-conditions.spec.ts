import { thrownBy } from '../../../../core/src/test-support/errors.js';
import { HostConditions } from './host-conditions.js';
import { DEFAULT_SIMULATION_SETTINGS, type SimulationSettings } from './simulation-settings.js';

const settings = (changes: Partial<SimulationSettings> = {}): SimulationSettings => ({
  ...DEFAULT_SIMULATION_SETTINGS,
  ...changes,
});

describe('HostConditions', () => {
  it('starts online, without loss: the config is reachable and a probe is certain', () => {
    const conditions = new HostConditions();
    expect(conditions.offline).toBe(false);
    expect(conditions.packetLossPercent).toBe(0);
    expect(conditions.configReachable(settings())).toBe(true);
    expect(conditions.certain(settings())).toBe(true);
  });

  it('says whether setOffline changed anything', () => {
    const conditions = new HostConditions();
    expect(conditions.setOffline(true)).toBe(true);
    expect(conditions.setOffline(true)).toBe(false);
    expect(conditions.configReachable(settings())).toBe(false);
    expect(conditions.certain(settings())).toBe(false);
    expect(conditions.setOffline(false)).toBe(true);
  });

  it('combines its own loss with the fake loss config values', () => {
    const conditions = new HostConditions();
    conditions.setPacketLoss(50);
    expect(conditions.lossProbability(settings({ lossSendPercent: 50 }))).toBeCloseTo(0.75);
    expect(conditions.certain(settings())).toBe(false);
    conditions.setPacketLoss(100);
    expect(conditions.configReachable(settings())).toBe(false);
  });

  it('is not certain while fake lag delays probes', () => {
    expect(new HostConditions().certain(settings({ lagSendMs: 20 }))).toBe(false);
  });

  it.each([
    ['a string', 'yes', TypeError],
    ['a number', 1, TypeError],
  ])('refuses %s for offline, naming the control', (_label, value, ErrorClass) => {
    const error = thrownBy(() => new HostConditions().setOffline(value as never), ErrorClass);
    expect(error.message).toMatch(/^SimulationControls\.setOffline\(offline\): offline must be/);
  });

  it.each([-1, 101, Number.NaN, Infinity])('refuses a packet loss of %p', (percent) => {
    const conditions = new HostConditions();
    const error = thrownBy(() => conditions.setPacketLoss(percent), RangeError);
    expect(error.message).toMatch(/^SimulationControls\.setPacketLoss\(percent\): percent must be/);
    expect(conditions.packetLossPercent).toBe(0);
  });
});
