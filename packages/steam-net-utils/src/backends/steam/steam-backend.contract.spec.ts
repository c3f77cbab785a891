/**
 * The service's shared suites (the contract and the fuzz test), run on the Steam backend over the
 * test double: the same expectations as on the simulated relay network, through koffi and the C
 * ABI. The double records misuse of its API (a wrong self, dispatch out of order, a callback not
 * freed...) as violations: none may occur.
 */
import { describeNetworkingUtilsContract } from '../../test-support/networking-utils-contract.js';
import { describeNetworkingUtilsFuzz } from '../../test-support/networking-utils-fuzz.js';
import { type NetworkingUtilsHarness } from '../../test-support/harness.js';
import { loadSteamDouble, steamDoubleHarness } from './test-support/steam-double-backend.js';

const steam = loadSteamDouble();
const violations: string[] = [];

/** A fresh harness; what the double saw go wrong since the last one is kept for the check below. */
function harness(): NetworkingUtilsHarness {
  violations.push(...steam.double.violations());
  return steamDoubleHarness(steam);
}

describeNetworkingUtilsContract('Steam backend over the test double', harness, {
  oneServiceAtATime: true,
});

describeNetworkingUtilsFuzz('Steam backend over the test double', harness, { numRuns: 60 });

afterAll(() => {
  violations.push(...steam.double.violations());
  expect(violations).toEqual([]);
});
