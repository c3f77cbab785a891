/**
 * Backend selection: the `backend` option, turned into the backend that answers and a record of
 * how it was chosen. A list of providers is tried in order, and every provider passed over is
 * visible: a log line now, `backendSelection.fallbacks` later, and `net.status` in the console.
 */
import { describeValue, RelaylaneError } from '@relaylane/core';

import { type BackendEnvironment, type BackendProvider } from '../port/backend-provider.js';
import { type NetworkingUtilsBackend } from '../port/networking-utils-backend.js';
import { type BackendFallback, type BackendSelectionInfo } from '../service/service-options.js';

/**
 * What the `backend` option takes:
 * - a provider (`simulatedBackend({...})`, `steamBackend({...})`): that backend, or an error;
 * - a list of providers, tried in order: the first that starts answers (`[steamBackend(),
 *   simulatedBackend()]` is "Steam when it runs, else the simulation");
 * - a backend object of the game's own, used as it is.
 */
export type BackendChoice = BackendProvider | readonly BackendProvider[] | NetworkingUtilsBackend;

/** The backend that answers, and how it was chosen. */
export interface BackendSelection {
  readonly backend: NetworkingUtilsBackend;
  readonly info: BackendSelectionInfo;
}

/**
 * The stable codes of {@link BackendSelectionError}:
 * - `BACKEND_START_FAILED`: the one provider given could not start its backend (`cause` is why);
 * - `BACKEND_NONE_STARTED`: no provider of a list could (the message gives every reason).
 */
export type BackendSelectionErrorCode = 'BACKEND_START_FAILED' | 'BACKEND_NONE_STARTED';

/** Thrown when the `backend` option gives no backend that starts; the message says why. */
export class BackendSelectionError extends RelaylaneError {
  declare readonly code: BackendSelectionErrorCode;

  constructor(code: BackendSelectionErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/**
 * Builds the backend `choice` asks for in `environment`.
 *
 * @throws BackendSelectionError when no provider starts; TypeError when `choice` is none of the
 *   accepted forms (or an empty list).
 */
export function selectBackend(
  choice: BackendChoice,
  environment: BackendEnvironment,
): BackendSelection {
  if (isBackend(choice)) {
    return { backend: choice, info: { requested: ['custom'], kind: choice.kind, fallbacks: [] } };
  }
  if (isProvider(choice)) {
    try {
      const backend = choice.create(environment);
      return { backend, info: { requested: [choice.kind], kind: backend.kind, fallbacks: [] } };
    } catch (error) {
      throw new BackendSelectionError(
        'BACKEND_START_FAILED',
        `The ${choice.kind} backend could not start: ${reasonOf(error)}`,
        { cause: error },
      );
    }
  }
  if (Array.isArray(choice) && choice.length > 0 && choice.every(isProvider)) {
    return firstThatStarts(choice, environment);
  }
  throw new TypeError(
    'backend must be a backend provider (simulatedBackend(), steamBackend()), a non-empty list ' +
      `of providers tried in order, or a NetworkingUtilsBackend object; got ${describeValue(choice)}`,
  );
}

function firstThatStarts(
  providers: readonly BackendProvider[],
  environment: BackendEnvironment,
): BackendSelection {
  const requested = providers.map((provider) => provider.kind);
  const fallbacks: BackendFallback[] = [];
  for (const [index, provider] of providers.entries()) {
    let backend: NetworkingUtilsBackend;
    try {
      backend = provider.create(environment);
    } catch (error) {
      const reason = reasonOf(error);
      fallbacks.push({ kind: provider.kind, reason });
      const next = providers[index + 1];
      if (next !== undefined) {
        environment.log(
          `[relaylane] The ${provider.kind} backend is not available, trying ${next.kind}: ${reason}`,
        );
      }
      continue;
    }
    return { backend, info: { requested, kind: backend.kind, fallbacks } };
  }
  throw new BackendSelectionError(
    'BACKEND_NONE_STARTED',
    `No backend could start: ${fallbacks.map(({ kind, reason }) => `${kind}: ${reason}`).join('; ')}`,
  );
}

function isBackend(value: unknown): value is NetworkingUtilsBackend {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Partial<NetworkingUtilsBackend>).runCallbacks === 'function'
  );
}

function isProvider(value: unknown): value is BackendProvider {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<BackendProvider>).create === 'function' &&
    typeof (value as Partial<BackendProvider>).kind === 'string'
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
