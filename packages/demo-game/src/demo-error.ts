import { RelaylaneError } from '@relaylane/core';

/**
 * What the demo throws on purpose. Codes: `DEMO_NOT_SIMULATED` (a simulation-only action on
 * another backend), `DEMO_PLUGIN_NOT_IN_TREE` (the plugin was used before entering the engine's
 * tree or after leaving it), `DEMO_PAGE_INCOMPLETE` (index.html lacks an element the page needs).
 */
export class DemoError extends RelaylaneError {}
