/**
 * What the container injects into `NetworkingUtils`. Kept apart from `tokens.ts` (which names the
 * service itself) so the service's file never imports the file that imports it.
 */
import { serviceToken } from '@relaylane/core';

import { type NetworkingUtilsBackend } from '../port/networking-utils-backend.js';
import { type NetworkingUtilsOptions } from './service-options.js';

/** The constructor dependencies of `NetworkingUtils`, as container tokens. */
export const NetworkingUtilsInjection = {
  /** The backend the service owns (the plugin binds the selected one). */
  Backend: serviceToken<NetworkingUtilsBackend>('steam-net-utils', 'Backend'),
  /** The service's options: message queue and backend selection record. */
  ServiceOptions: serviceToken<NetworkingUtilsOptions>('steam-net-utils', 'ServiceOptions'),
} as const;
