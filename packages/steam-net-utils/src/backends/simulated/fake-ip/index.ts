/**
 * Steam's FakeIPs in the simulated world: the address ranges (`fakeIPTypeOf`, `isFakeIPv4`) and
 * the allocator that hands global FakeIPs to SteamIDs and resolves them back.
 */
export {
  DEFAULT_FAKE_IP_POOL_FIRST,
  DEFAULT_FAKE_IP_POOL_LAST,
  DEFAULT_FAKE_IP_POOL_SIZE,
  FAKE_IP_FIRST_PORT,
  FAKE_IP_MAX_REQUESTED_PORTS,
  FAKE_IP_MAX_RETURN_PORTS,
  type FakeIPAllocation,
  FakeIPAllocator,
  type FakeIPAllocatorOptions,
  type FakeIPHolding,
  type FakeIPResolution,
} from './fake-ip-allocator.js';
export {
  FAKE_IP_MAX,
  FAKE_IP_MAX_GLOBAL,
  FAKE_IP_MIN,
  FAKE_IP_MIN_LOCAL,
  fakeIPTypeOf,
  isFakeIPv4,
} from '../../../port/fake-ip-range.js';
