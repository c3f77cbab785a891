import { serviceToken } from '@relaylane/core';

import { type NetworkingUtils } from './networking-utils.js';

/**
 * The services of this package in an engine's container, by typed token (`NetworkingUtilsPlugin`
 * binds them): `engine.container.get(NetworkingUtilsTokens.NetworkingUtils)`.
 */
export const NetworkingUtilsTokens = {
  /** The `NetworkingUtils` service (the engine singleton `Steam` is an alias of this binding). */
  NetworkingUtils: serviceToken<NetworkingUtils>('steam-net-utils', 'NetworkingUtils'),
} as const;
