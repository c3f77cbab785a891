/** The version `relaylane-net --version` prints: its package's (a spec keeps the two equal). */
export const NET_CLI_VERSION = '0.1.0';
