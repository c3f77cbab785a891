// `@relaylane/core/console-overlay`: the in-game dev console overlay (browser; plain DOM).
export {
  type ConsoleOverlay,
  type ConsoleOverlayOptions,
  DEFAULT_SCROLLBACK_LIMIT,
  DEFAULT_TOGGLE_KEY,
  mountConsoleOverlay,
} from './console-overlay.js';
export { OVERLAY_CLASS } from './overlay-styles.js';
