import { OVERLAY_CLASS, OVERLAY_CSS } from './overlay-styles.js';

describe('the overlay style sheet', () => {
  it('gives the overlay an opaque background, so the page does not show through its output', () => {
    const root = new RegExp(`\\.${OVERLAY_CLASS} \\{([^}]*)\\}`).exec(OVERLAY_CSS);
    expect(root).not.toBeNull();
    const background = /background:\s*([^;]+);/.exec(root![1]!)?.[1]?.trim();
    expect(background).toBeDefined();
    // rgb(...) or a hex colour without alpha; never rgba(...)/transparent/hsla(...).
    expect(background).toMatch(/^(rgb\(\s*\d+,\s*\d+,\s*\d+\s*\)|#[0-9a-f]{3}|#[0-9a-f]{6})$/i);
  });
});
