import {
  FAKE_IP_TYPE_GLOBAL_IPV4,
  RESULT_BUSY,
  RESULT_INVALID_PARAM,
  RESULT_LIMIT_EXCEEDED,
  RESULT_NO_MATCH,
  RESULT_OK,
} from '../../../constants/index.js';
import { SeededRandom } from '../world/random.js';
import {
  FAKE_IP_FIRST_PORT,
  FAKE_IP_MAX_RETURN_PORTS,
  DEFAULT_FAKE_IP_POOL_FIRST,
  DEFAULT_FAKE_IP_POOL_LAST,
  DEFAULT_FAKE_IP_POOL_SIZE,
  FakeIPAllocator,
  type FakeIPAllocatorOptions,
} from './fake-ip-allocator.js';
import {
  FAKE_IP_MAX_GLOBAL,
  FAKE_IP_MIN,
  FAKE_IP_MIN_LOCAL,
  fakeIPTypeOf,
} from '../../../port/fake-ip-range.js';

const ALICE = 76561197960287930n;
const BOB = 76561197960287931n;
const CAROL = 76561197960287932n;

function allocator(
  seed: string | number = 'world',
  options: FakeIPAllocatorOptions = {},
): FakeIPAllocator {
  return new FakeIPAllocator(new SeededRandom(seed), options);
}

function steamIds(count: number): bigint[] {
  return Array.from({ length: count }, (_, i) => 76561197960265728n + BigInt(i));
}

describe('FakeIPAllocator.allocate', () => {
  it.each([1, 2, 3, 4])(
    'grants a global FakeIP from the pool and %i consecutive ports, then zeros up to 8 slots',
    (portCount) => {
      const { result, ip, ports } = allocator().allocate(ALICE, portCount);
      expect(result).toBe(RESULT_OK);
      expect(ip).toBeGreaterThanOrEqual(DEFAULT_FAKE_IP_POOL_FIRST);
      expect(ip).toBeLessThanOrEqual(DEFAULT_FAKE_IP_POOL_LAST);
      expect(fakeIPTypeOf(ip)).toBe(FAKE_IP_TYPE_GLOBAL_IPV4);
      expect(ports).toHaveLength(FAKE_IP_MAX_RETURN_PORTS);
      const granted = ports.slice(0, portCount);
      expect(granted[0]).toBeGreaterThanOrEqual(FAKE_IP_FIRST_PORT);
      expect(granted[portCount - 1]).toBeLessThanOrEqual(0xffff);
      expect(granted).toEqual(granted.map((_, i) => granted[0]! + i));
      expect(ports.slice(portCount)).toEqual(
        new Array(FAKE_IP_MAX_RETURN_PORTS - portCount).fill(0),
      );
    },
  );

  it('is deterministic for a seed: the same seed gives the same IPs and ports', () => {
    const ids = steamIds(20);
    const first = ids.map((id) => allocator(7).allocate(id, 2));
    const second = ids.map((id) => allocator(7).allocate(id, 2));
    expect(second).toEqual(first);
  });

  it('depends on the seed', () => {
    const ids = steamIds(10);
    const a = allocator('a');
    const b = allocator('b');
    expect(ids.map((id) => b.allocate(id, 1).ip)).not.toEqual(
      ids.map((id) => a.allocate(id, 1).ip),
    );
  });

  it('does not depend on the order in which identities ask', () => {
    const ids = steamIds(50);
    const forward = allocator();
    const backward = allocator();
    const forwardIps = ids.map((id) => forward.allocate(id, 1).ip);
    const backwardIps = [...ids]
      .reverse()
      .map((id) => backward.allocate(id, 1).ip)
      .reverse();
    expect(backwardIps).toEqual(forwardIps);
  });

  it('never gives two identities the same IP, so no IP/port pair is shared', () => {
    const fakeIPs = allocator();
    const ids = steamIds(2000);
    const ips = ids.map((id) => fakeIPs.allocate(id, 4).ip);
    expect(new Set(ips).size).toBe(ids.length);
    ids.forEach((id, i) =>
      expect(fakeIPs.resolve(ips[i]!, 0)).toEqual({ result: RESULT_OK, steamId: id }),
    );
  });

  it('fills the whole pool with distinct addresses, then answers LIMIT_EXCEEDED', () => {
    // 169.254.224.0-169.254.224.31: small enough that most identities collide and walk on.
    const pool = { first: 0xa9fee000, last: 0xa9fee01f };
    const fakeIPs = allocator('full', { pool });
    const ips = steamIds(32).map((id) => fakeIPs.allocate(id, 1).ip);
    expect([...ips].sort((a, b) => a - b)).toEqual(ips.map((_, i) => pool.first + i));
    expect(fakeIPs.allocate(1n, 1).result).toBe(RESULT_LIMIT_EXCEEDED);
  });

  it('allocates only inside the pool it is given', () => {
    const pool = { first: 0xa9fe0a00, last: 0xa9fe0aff };
    const fakeIPs = allocator('world', { pool });
    for (const id of steamIds(100)) {
      const { ip } = fakeIPs.allocate(id, 1);
      expect(ip).toBeGreaterThanOrEqual(pool.first);
      expect(ip).toBeLessThanOrEqual(pool.last);
    }
  });

  it('gives an identity that asks again the same IP and the same leading ports', () => {
    const fakeIPs = allocator();
    const first = fakeIPs.allocate(ALICE, 2);
    fakeIPs.allocate(BOB, 3);
    const again = fakeIPs.allocate(ALICE, 2);
    expect(again).toEqual(first);
  });

  it('extends an identity to more ports of the same block and keeps earlier ports resolvable after a smaller request', () => {
    const fakeIPs = allocator();
    const one = fakeIPs.allocate(ALICE, 1);
    const four = fakeIPs.allocate(ALICE, 4);
    expect(four.ip).toBe(one.ip);
    expect(four.ports[0]).toBe(one.ports[0]);
    const two = fakeIPs.allocate(ALICE, 2);
    expect(two.ports.slice(0, 2)).toEqual(four.ports.slice(0, 2));
    expect(two.ports[2]).toBe(0);
    expect(fakeIPs.resolve(four.ip, four.ports[3]!)).toEqual({ result: RESULT_OK, steamId: ALICE });
  });

  it.each([0, 5, -1, 8])(
    'answers INVALID_PARAM with IP 0 and zero ports for %i ports',
    (portCount) => {
      const fakeIPs = allocator();
      expect(fakeIPs.allocate(ALICE, portCount)).toEqual({
        result: RESULT_INVALID_PARAM,
        ip: 0,
        ports: [0, 0, 0, 0, 0, 0, 0, 0],
      });
      expect(fakeIPs.size).toBe(0);
    },
  );

  it('answers INVALID_PARAM for SteamID 0 (no identity)', () => {
    expect(allocator().allocate(0n, 1).result).toBe(RESULT_INVALID_PARAM);
  });

  it('throws on programming errors: a non-integer port count, a SteamID that is not a uint64 bigint', () => {
    const fakeIPs = allocator();
    expect(() => fakeIPs.allocate(ALICE, 1.5)).toThrow(RangeError);
    expect(() => fakeIPs.allocate(ALICE, Number.NaN)).toThrow(/portCount must be an integer/);
    expect(() => fakeIPs.allocate(1 as unknown as bigint, 1)).toThrow(TypeError);
    expect(() => fakeIPs.allocate(-1n, 1)).toThrow(RangeError);
    expect(() => fakeIPs.allocate(1n << 64n, 1)).toThrow(/steamId must be a uint64/);
  });
});

describe('FakeIPAllocator limits and faults', () => {
  it('answers LIMIT_EXCEEDED to a new identity once maxIdentities hold a FakeIP, but not to a holder', () => {
    const fakeIPs = allocator('world', { maxIdentities: 2 });
    expect(fakeIPs.allocate(ALICE, 1).result).toBe(RESULT_OK);
    expect(fakeIPs.allocate(BOB, 1).result).toBe(RESULT_OK);
    expect(fakeIPs.allocate(CAROL, 1)).toEqual({
      result: RESULT_LIMIT_EXCEEDED,
      ip: 0,
      ports: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(fakeIPs.allocate(ALICE, 2).result).toBe(RESULT_OK);
    expect(fakeIPs.release(BOB)).toBe(true);
    expect(fakeIPs.allocate(CAROL, 1).result).toBe(RESULT_OK);
  });

  it.each([0, -1, 1.5, DEFAULT_FAKE_IP_POOL_SIZE + 1])(
    'refuses maxIdentities %p',
    (maxIdentities) => {
      expect(() => allocator('world', { maxIdentities })).toThrow(RangeError);
      expect(() => allocator('world', { maxIdentities })).toThrow(
        /options\.maxIdentities must be an integer/,
      );
    },
  );

  it('refuses maxIdentities above the size of the pool it is given', () => {
    const pool = { first: 0xa9fe0100, last: 0xa9fe0103 };
    expect(() => allocator('world', { pool, maxIdentities: 5 })).toThrow(/from 1 to 4/);
  });

  it.each([
    ['a pool reaching into the local range', FAKE_IP_MAX_GLOBAL, FAKE_IP_MIN_LOCAL],
    ['a pool starting below 169.254.0.0', FAKE_IP_MIN - 1, FAKE_IP_MIN + 10],
    ['reversed bounds', FAKE_IP_MIN + 10, FAKE_IP_MIN],
    ['a fractional bound', FAKE_IP_MIN + 0.5, FAKE_IP_MIN + 10],
  ])('refuses %s', (_label, first, last) => {
    expect(() => allocator('world', { pool: { first, last } })).toThrow(RangeError);
    expect(() => allocator('world', { pool: { first, last } })).toThrow(/options\.pool must be/);
  });

  it('fails the next request with BUSY by default after injectFailure(), and allocates nothing', () => {
    const fakeIPs = allocator();
    fakeIPs.injectFailure();
    expect(fakeIPs.allocate(ALICE, 1)).toEqual({
      result: RESULT_BUSY,
      ip: 0,
      ports: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    expect(fakeIPs.size).toBe(0);
    expect(fakeIPs.allocationOf(ALICE)).toBeUndefined();
    expect(fakeIPs.allocate(ALICE, 1).result).toBe(RESULT_OK);
  });

  it('queues injected failures in order, counting each one', () => {
    const fakeIPs = allocator();
    fakeIPs.injectFailure(RESULT_BUSY, 2);
    fakeIPs.injectFailure(RESULT_LIMIT_EXCEEDED);
    expect(fakeIPs.pendingFailures).toBe(3);
    const results = [ALICE, BOB, CAROL, ALICE].map((id) => fakeIPs.allocate(id, 1).result);
    expect(results).toEqual([RESULT_BUSY, RESULT_BUSY, RESULT_LIMIT_EXCEEDED, RESULT_OK]);
    expect(fakeIPs.pendingFailures).toBe(0);
  });

  it('forgets injected failures on clearInjectedFailures()', () => {
    const fakeIPs = allocator();
    fakeIPs.injectFailure(RESULT_BUSY, 5);
    fakeIPs.clearInjectedFailures();
    expect(fakeIPs.allocate(ALICE, 1).result).toBe(RESULT_OK);
  });

  it('refuses to inject a result that is not a documented FakeIP failure, or a bad count', () => {
    const fakeIPs = allocator();
    expect(() => fakeIPs.injectFailure(RESULT_OK)).toThrow(RangeError);
    expect(() => fakeIPs.injectFailure(999)).toThrow(/result must be RESULT_BUSY/);
    expect(() => fakeIPs.injectFailure(RESULT_BUSY, 0)).toThrow(/count must be a positive integer/);
    expect(fakeIPs.pendingFailures).toBe(0);
  });
});

describe('FakeIPAllocator.resolve (GetRealIdentityForFakeIP)', () => {
  it('finds the identity behind every granted port, and behind port 0', () => {
    const fakeIPs = allocator();
    fakeIPs.allocate(BOB, 1);
    const { ip, ports } = fakeIPs.allocate(ALICE, 3);
    for (const port of [0, ...ports.slice(0, 3)]) {
      expect(fakeIPs.resolve(ip, port)).toEqual({ result: RESULT_OK, steamId: ALICE });
    }
  });

  it('answers NO_MATCH for a port of the identity that was not granted', () => {
    const fakeIPs = allocator();
    const { ip, ports } = fakeIPs.allocate(ALICE, 1);
    expect(fakeIPs.resolve(ip, ports[0]! + 1)).toEqual({ result: RESULT_NO_MATCH, steamId: 0n });
  });

  it('answers NO_MATCH for a global FakeIP nobody holds, and for local FakeIPs', () => {
    const fakeIPs = allocator();
    const { ip } = fakeIPs.allocate(ALICE, 1);
    const unused = ip === DEFAULT_FAKE_IP_POOL_FIRST ? ip + 1 : ip - 1;
    expect(fakeIPs.resolve(unused, 0)).toEqual({ result: RESULT_NO_MATCH, steamId: 0n });
    expect(fakeIPs.resolve(FAKE_IP_MIN_LOCAL, 0)).toEqual({ result: RESULT_NO_MATCH, steamId: 0n });
  });

  it('answers INVALID_PARAM for an address that is not a FakeIP', () => {
    const fakeIPs = allocator();
    fakeIPs.allocate(ALICE, 1);
    expect(fakeIPs.resolve(0x01020304, 27015)).toEqual({
      result: RESULT_INVALID_PARAM,
      steamId: 0n,
    });
  });

  it('forgets a released FakeIP at once, and draws the same IP again for the same identity', () => {
    const fakeIPs = allocator();
    const { ip, ports } = fakeIPs.allocate(ALICE, 1);
    expect(fakeIPs.release(ALICE)).toBe(true);
    expect(fakeIPs.release(ALICE)).toBe(false);
    expect(fakeIPs.resolve(ip, ports[0]!).result).toBe(RESULT_NO_MATCH);
    expect(fakeIPs.allocationOf(ALICE)).toBeUndefined();
    expect(fakeIPs.allocate(ALICE, 1).ip).toBe(ip);
  });

  it('reports what an identity holds through allocationOf()', () => {
    const fakeIPs = allocator();
    const { ip, ports } = fakeIPs.allocate(ALICE, 2);
    expect(fakeIPs.allocationOf(ALICE)).toEqual({ ip, ports: ports.slice(0, 2) });
    expect(fakeIPs.allocationOf(BOB)).toBeUndefined();
  });

  it('throws RangeError for an address or port out of range (programming errors)', () => {
    const fakeIPs = allocator();
    expect(() => fakeIPs.resolve(-1, 0)).toThrow(RangeError);
    expect(() => fakeIPs.resolve(2 ** 32, 0)).toThrow(/ip must be a host-order IPv4 address/);
    expect(() => fakeIPs.resolve(DEFAULT_FAKE_IP_POOL_FIRST, 65536)).toThrow(
      /port must be an integer from 0 to 65535/,
    );
  });
});
