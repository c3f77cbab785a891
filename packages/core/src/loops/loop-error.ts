import { RelaylaneError } from '../errors.js';

/**
 * The base of the errors a host-loop adapter throws when it cannot attach (codes `LOOP_*`):
 * `AnimationFrameUnavailableError`, and `BabylonSceneDisposedError` from `@relaylane/core/babylon`.
 * Once attached, an adapter never throws into the host's loop: it reports through `reportError`.
 */
export class LoopError extends RelaylaneError {}
