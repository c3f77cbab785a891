import { NetworkingUtils } from './networking-utils.js';
import { describeNetworkingUtilsFuzz } from '../test-support/networking-utils-fuzz.js';
import { ScriptedBackend } from '../test-support/scripted-backend.js';

// The service's own checks, over a backend that always answers the same valid results: whatever
// the input, only documented results and TypeError/RangeError naming the method come out.
describeNetworkingUtilsFuzz('scripted backend', () => ({
  service: new NetworkingUtils(new ScriptedBackend()),
  advance: () => undefined,
}));
