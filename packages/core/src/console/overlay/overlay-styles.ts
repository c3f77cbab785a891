/** The class name of the overlay's root element; every other class name starts with it. */
export const OVERLAY_CLASS = 'relaylane-console';

/**
 * The overlay's style sheet, injected as one `<style>` element while the overlay is mounted. Its
 * background is opaque: the page's text must not show through the console's output. All
 * selectors are scoped to the overlay's classes, so the page's own styles are untouched.
 */
export const OVERLAY_CSS = `
.${OVERLAY_CLASS} {
  position: fixed; top: 0; left: 0; right: 0; height: 40vh; z-index: 2147483000;
  display: flex; flex-direction: column; box-sizing: border-box;
  background: rgb(12, 14, 20); color: #d8dee9;
  font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  box-shadow: 0 2px 12px rgba(0, 0, 0, 0.5);
}
.${OVERLAY_CLASS}[hidden] { display: none; }
.${OVERLAY_CLASS}__log { flex: 1; overflow-y: auto; margin: 0; padding: 6px 10px; }
.${OVERLAY_CLASS}__line { white-space: pre; min-height: 1.4em; }
.${OVERLAY_CLASS}__line--input { color: #88c0d0; }
.${OVERLAY_CLASS}__line--error { color: #ef7b86; }
.${OVERLAY_CLASS}__line--choices { color: #a3be8c; }
.${OVERLAY_CLASS}__row { display: flex; padding: 4px 10px; border-top: 1px solid #3b4252; }
.${OVERLAY_CLASS}__prompt { color: #88c0d0; white-space: pre; }
.${OVERLAY_CLASS}__input {
  flex: 1; min-width: 0; padding: 0; border: 0; outline: none;
  background: transparent; color: inherit; font: inherit;
}
`;
