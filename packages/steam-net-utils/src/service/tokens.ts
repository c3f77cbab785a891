import { serviceToken } from '@relaylane/core';

import { type NetworkingUtils } from './networking-utils.js';

/** The services `NetworkingUtilsPlugin` binds in the engine's container. */
export const NetworkingUtilsTokens = {
  /** The `NetworkingUtils` service (also the engine singleton `Steam`). */
  NetworkingUtils: serviceToken<NetworkingUtils>('steam-net-utils', 'NetworkingUtils'),
} as const;
