import {
  CommandRegistry,
  type ConsoleOutput,
  type ConsoleTable,
  DevConsolePlugin,
  Engine,
  ManualClock,
  MessageQueue,
} from '@relaylane/core';

import { simulatedBackend } from '../backends/simulated/simulated-backend-provider.js';
import { SimulationControlsCapability } from '../backends/simulated/simulation-controls.js';
import { NetConsolePlugin } from '../plugin/net-console-plugin.js';
import { NetworkingUtilsPlugin } from '../plugin/networking-utils-plugin.js';
import { NetworkingUtils } from '../service/networking-utils.js';
import { ScriptedBackend } from '../test-support/scripted-backend.js';
import { registerNetConsoleCommands } from './net-console-commands.js';

function setUp(location = 'Frankfurt') {
  const engine = new Engine({ realTimeClock: new ManualClock(), messageQueue: new MessageQueue() });
  const console = new DevConsolePlugin();
  engine.addPlugin(console);
  engine.addPlugin(new NetworkingUtilsPlugin({ backend: simulatedBackend({ location, seed: 5 }) }));
  engine.addPlugin(new NetConsolePlugin());
  const networkingUtils = engine.getSingleton('Steam');
  const controls = networkingUtils.capability(SimulationControlsCapability);
  if (controls === undefined) throw new Error('expected the simulated backend');
  const run = (ms: number): void => {
    for (let elapsed = 0; elapsed < ms; elapsed += 50) engine.tick(0.05);
  };
  /** Runs a console line; returns its output as text lines (tables rendered as rows of cells). */
  const exec = async (
    line: string,
  ): Promise<{ ok: boolean; lines: string[]; tables: ConsoleTable[] }> => {
    const result = await console.registry.execute(line);
    return {
      ok: result.ok,
      lines: result.output.filter((o): o is string => typeof o === 'string'),
      tables: result.output.filter((o: ConsoleOutput): o is ConsoleTable => typeof o !== 'string'),
    };
  };
  return { engine, networkingUtils, run, exec, network: controls, registry: console.registry };
}

const READY_MS = 15_000;

describe('net.* console commands', () => {
  it('net.status names the backend and the relay status as it moves to CURRENT', async () => {
    const { run, exec } = setUp();
    const before = await exec('net.status');
    expect(before.ok).toBe(true);
    expect(before.lines[0]).toBe('backend: simulated');
    expect(before.lines.join('\n')).not.toMatch(/relay network: CURRENT/);
    run(READY_MS);
    const after = await exec('net.status');
    expect(after.lines.join('\n')).toMatch(
      /relay network: CURRENT \(config CURRENT, any relay CURRENT\)/,
    );
    expect(after.lines.join('\n')).toMatch(/local ping location: \d+\.\d s old/);
  });

  it('net.pops lists the POPs sorted by ping, the nearest first', async () => {
    const { run, exec } = setUp('Frankfurt');
    expect((await exec('net.pops')).lines[0]).toMatch(/No POP is known yet/);
    run(READY_MS);
    const [table] = (await exec('net.pops')).tables;
    expect(table!.columns).toEqual(['POP', 'Place', 'Ping (ms)', 'Via relay', 'Direct (ms)']);
    const pings = table!.rows
      .map((row) => row[2])
      .filter((p): p is number => typeof p === 'number');
    expect(pings.length).toBeGreaterThan(10);
    expect(pings).toEqual([...pings].sort((a, b) => a - b));
    expect(table!.rows[0]![0]).toBe('fra');
  });

  it('net.ping shows one POP, and a clear message for a code that is not a POP', async () => {
    const { run, exec } = setUp();
    run(READY_MS);
    const fra = await exec('net.ping fra');
    expect(fra.ok).toBe(true);
    expect(fra.lines[0]).toMatch(/^fra \(Frankfurt \(Germany\)\): \d+ ms/);
    expect(fra.lines[1]).toMatch(/^direct: \d+ ms$/);
    const bad = await exec('net.ping toolong');
    expect(bad.ok).toBe(false);
    expect(bad.lines[0]).toMatch(/^net\.ping: /);
    // A long argument is not printed back whole.
    const long = await exec(`net.ping ${'a'.repeat(200_000)}`);
    expect(long.ok).toBe(false);
    expect(long.lines[0]!.length).toBeLessThan(200);
    expect(long.lines[0]).toMatch(/… \(200000 characters\)' is not a POP code/);
    // A well-formed code the relay network does not list is an error too, not 'unknown'.
    const unlisted = await exec('net.ping xyz');
    expect(unlisted.ok).toBe(false);
    expect(unlisted.lines[0]).toMatch(
      /^net\.ping: the relay network lists no POP 'xyz'; it lists .*\bfra\b/,
    );
  });

  it('net.location prints the location string, which net.estimate reads back', async () => {
    const { run, exec, networkingUtils, network } = setUp('Frankfurt');
    expect((await exec('net.location')).lines[0]).toMatch(/No ping location yet/);
    run(READY_MS);
    const location = await exec('net.location');
    expect(location.lines[0]).toBe(
      networkingUtils.convertPingLocationToString(networkingUtils.getLocalPingLocation().location),
    );
    const sydney = network.world.createHost({ location: 'Sydney' });
    const sydneyText = network.world.locationStringFor(sydney);
    // Steam's grammar has no spaces: the string is pasted as it is, without quotes.
    expect(location.lines[0]).toMatch(
      /^[a-z][a-z0-9]{2,3}=[0-9+/]*(,[a-z][a-z0-9]{2,3}=[0-9+/]*)*$/,
    );
    const estimate = await exec(`net.estimate ${sydneyText}`);
    expect(estimate.ok).toBe(true);
    const ms = Number(/estimate: (\d+) ms/.exec(estimate.lines[0]!)![1]);
    expect(ms).toBeGreaterThan(230);
    expect(ms).toBeLessThan(330);
    const between = await exec(`net.estimate ${sydneyText} ${location.lines[0]}`);
    expect(between.lines[0]).toMatch(/estimate: \d+ ms/);
    const garbage = await exec('net.estimate fra=12');
    expect(garbage.ok).toBe(false);
    expect(garbage.lines[0]).toMatch(/is not a ping location string \(entry 0: expected '\+'\)/);
  });

  it('net.estimate reads a string a real Steam client wrote', async () => {
    const { run, exec } = setUp('London');
    run(READY_MS);
    // A UK player's location, as a Steam client printed it in its console.
    const ukPlayer =
      'lhr=57+5,ams=63+6/62+5,par=62+6,fra=70+7/69+6,sto=79+9/81+5,mad=81+8/81+6,vie=86+8/82+5,' +
      'sto2=95+9/82+5,waw=87+8/84+6,iad=141+14/138+6,sgp=211+21/212+21,gru=236+23';
    const estimate = await exec(`net.estimate ${ukPlayer}`);
    const ms = Number(/estimate: (\d+) ms/.exec(estimate.lines[0]!)![1]);
    // The player pings London in 57 ms; a host in London meets them there.
    expect(ms).toBeGreaterThanOrEqual(57);
    expect(ms).toBeLessThan(80);
  });

  it('net.config gets, sets (Steam clamps) and lists config values by any of their names', async () => {
    const { exec } = setUp();
    expect((await exec('net.config get TimeoutInitial')).lines[0]).toBe('TimeoutInitial = 10000');
    expect((await exec('net.config get NETWORKING_CONFIG_TIMEOUT_INITIAL')).lines[0]).toBe(
      'TimeoutInitial = 10000',
    );
    expect((await exec('net.config set FakePacketLoss_Send 250')).lines[0]).toBe(
      'FakePacketLoss_Send = 100',
    );
    const notNumber = await exec('net.config set FakePacketLoss_Send lots');
    expect(notNumber.ok).toBe(false);
    expect(notNumber.lines[0]).toMatch(/'lots' is not a number/);
    const unknown = await exec('net.config get NoSuchValue');
    expect(unknown.ok).toBe(false);
    expect(unknown.lines[0]).toMatch(/no config value is called 'NoSuchValue'/);
    const [retail] = (await exec('net.config list')).tables;
    const [dev] = (await exec('net.config list dev')).tables;
    expect(retail!.rows.length).toBeGreaterThan(20);
    expect(dev!.rows.length).toBeGreaterThan(retail!.rows.length);
    expect(retail!.rows.map((row) => row[0])).not.toContain('SDRClient_FakeClusterPing');
    expect(dev!.rows.map((row) => row[0])).toContain('SDRClient_FakeClusterPing');
    // Extra words are refused, not ignored; a read-only value says so.
    expect((await exec('net.config list foo')).lines).toEqual([
      'net.config: usage: net.config list [dev]',
    ]);
    expect((await exec('net.config get TimeoutInitial extra')).lines).toEqual([
      'net.config: usage: net.config get <name>',
    ]);
    expect((await exec('net.config set MTU_DataSize 5')).lines).toEqual([
      'net.config: MTU_DataSize is read-only',
    ]);
  });

  it('net.fakeip classifies addresses and resolves identities, garbage included', async () => {
    const { exec } = setUp();
    expect((await exec('net.fakeip 8.8.8.8')).lines).toEqual([
      '8.8.8.8: NOT_FAKE',
      'real identity: INVALID_PARAM',
    ]);
    expect((await exec('net.fakeip 169.254.10.20')).lines).toEqual([
      '169.254.10.20: GLOBAL_IPV4 (a FakeIP)',
      'real identity: NO_MATCH',
    ]);
    const garbage = await exec('net.fakeip not-an-ip');
    expect(garbage.ok).toBe(false);
    expect(garbage.lines).toEqual([
      "net.fakeip: 'not-an-ip' is not an IPv4 address (a.b.c.d, optionally :port)",
    ]);
  });

  it('net.debug sets the level and shows the messages it collected', async () => {
    const { run, exec } = setUp();
    expect((await exec('net.debug show')).lines[0]).toMatch(/No debug message yet/);
    expect((await exec('net.debug everything')).ok).toBe(true);
    run(READY_MS);
    const shown = await exec('net.debug show 5');
    expect(shown.lines.length).toBeGreaterThan(0);
    expect(shown.lines.length).toBeLessThanOrEqual(5);
    expect(shown.lines[0]).toMatch(/^\[[A-Z]+\] /);
    expect((await exec('net.debug loud')).ok).toBe(false);
    expect((await exec('net.debug show 0')).lines).toEqual([
      'net.debug: count must be at least 1, got 0',
    ]);
    expect((await exec('net.debug msg 5')).lines).toEqual([
      'net.debug: a count goes with show only: net.debug show [count]',
    ]);
  });

  it('completes sub-commands and arguments on Tab, as the overlay and the terminal ask', () => {
    const { registry } = setUp();
    expect(registry.complete('net.config ')).toEqual(['list', 'get', 'set']);
    expect(registry.complete('net.sim.pop fra ')).toEqual(['up', 'down']);
    expect(registry.complete('net.sim.')).toContain('net.sim.where');
    expect(registry.complete('net.debug w')).toEqual(['warning']);
    expect(registry.complete('net.debug ')).not.toContain('5');
  });

  it('net.debug takes a level by its number as well as by its name', async () => {
    const { exec } = setUp();
    const byNumber = await exec('net.debug 5');
    expect(byNumber.ok).toBe(true);
    expect(byNumber.lines[0]).toBe("debug output: msg (5); 'net.debug show' prints the messages");
    expect((await exec('net.debug 9')).ok).toBe(false);
    expect((await exec('net.debug -1')).ok).toBe(false);
  });

  it('net.sim.where moves the player: the nearest POP and the pings change', async () => {
    const { run, exec } = setUp('Frankfurt');
    run(READY_MS);
    const fraBefore = Number(/(\d+) ms/.exec((await exec('net.ping fra')).lines[0]!)![1]);
    const moved = await exec('net.sim.where Sydney');
    expect(moved.ok).toBe(true);
    expect(moved.lines[0]).toMatch(/^Sydney/);
    run(READY_MS);
    const [table] = (await exec('net.pops')).tables;
    expect(table!.rows[0]![0]).toBe('syd');
    const fraAfter = Number(/(\d+) ms/.exec((await exec('net.ping fra')).lines[0]!)![1]);
    expect(fraAfter).toBeGreaterThan(fraBefore + 200);
    expect((await exec('net.sim.where 48.86,2.35')).ok).toBe(true);
  });

  it('net.sim.offline shows the failure statuses, and the network recovers when it clears', async () => {
    const { run, exec, networkingUtils } = setUp();
    run(READY_MS);
    expect((await exec('net.sim.offline on')).ok).toBe(true);
    networkingUtils.initRelayNetworkAccess();
    run(20_000);
    const status = (await exec('net.status')).lines.join('\n');
    expect(status).toMatch(/relay network: (FAILED|RETRYING|PREVIOUSLY)/);
    expect((await exec('net.sim.offline off')).ok).toBe(true);
    networkingUtils.initRelayNetworkAccess();
    run(20_000);
    expect((await exec('net.status')).lines.join('\n')).toMatch(/relay network: CURRENT/);
  });

  it('net.sim.pop takes a POP down, and net.sim.loss sets the loss', async () => {
    const { run, exec } = setUp();
    run(READY_MS);
    expect((await exec('net.sim.pop fra down')).lines[0]).toMatch(/POP fra is down/);
    run(READY_MS);
    const [table] = (await exec('net.pops')).tables;
    expect(table!.rows.map((row) => row[0])).not.toContain('fra');
    expect((await exec('net.sim.loss 25')).lines[0]).toBe('Packet loss: 25%');
    // A wrong value is told in the console's words, under the command's name only.
    const tooMuch = await exec('net.sim.loss 200');
    expect(tooMuch.ok).toBe(false);
    expect(tooMuch.lines).toEqual([
      'net.sim.loss: the loss is a percentage from 0 to 100, got 200',
    ]);
    const offMap = await exec('net.sim.where 95 10');
    expect(offMap.lines).toEqual([
      "net.sim.where: '95 10' is not a place: the latitude goes from -90 to 90 and the longitude from -180 to 180",
    ]);
    expect((await exec('net.sim.teleport')).ok).toBe(false);
  });

  it('offers no net.sim.* command on a backend that does not offer them', async () => {
    const registry = new CommandRegistry();
    const steamLike = new ScriptedBackend();
    Object.defineProperty(steamLike, 'kind', { value: 'steam' });
    const service = new NetworkingUtils(steamLike);
    const unregister = registerNetConsoleCommands(registry, service);
    expect(registry.has('net.status')).toBe(true);
    expect(registry.list().filter((command) => command.name.startsWith('net.sim'))).toEqual([]);
    expect((await registry.execute('net.status')).output[0]).toBe(
      'backend: steam (requested: custom)',
    );
    unregister();
    expect(registry.has('net.status')).toBe(false);
  });

  it('registers nothing when one of its names is taken', () => {
    const registry = new CommandRegistry();
    registry.register({ name: 'net.sim.relays', help: 'taken', handler: () => undefined });
    const gameClock = new ManualClock();
    const backend = simulatedBackend().create({
      gameClock,
      realTimeClock: gameClock,
      log: () => {},
    });
    const service = new NetworkingUtils(backend);
    expect(() => registerNetConsoleCommands(registry, service)).toThrow(/net\.sim\.relays/);
    expect(registry.list().map((command) => command.name)).toEqual(['net.sim.relays']);
    service.dispose();
  });
});
