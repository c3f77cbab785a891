// The overlay outside a browser (this spec runs in Jest's node environment: no global document).
import { ConsoleError } from '../console-error.js';
import { mountConsoleOverlay } from './console-overlay.js';
import { sampleRegistry } from '../test-support/sample-registry.js';

describe('mountConsoleOverlay without a DOM', () => {
  it('refuses to mount, saying to call it in a page or pass options.document', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const mount = (): unknown => mountConsoleOverlay({ registry: sampleRegistry() });
    expect(mount).toThrow(ConsoleError);
    expect(mount).toThrow(expect.objectContaining({ code: 'CONSOLE_OVERLAY_NO_DOCUMENT' }));
    expect(mount).toThrow(/pass options\.document/);
  });
});
