/** The beacon's version, as its package.json says (a spec keeps the two equal). */
export const BEACON_VERSION = '0.1.0';
