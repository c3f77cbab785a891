#!/usr/bin/env node
// relaylane-net: the Networking Utils service and every net.* command in a terminal (Node only).
// `relaylane-net --help` lists the options; the package README's "Terminal console" shows a
// session. The checked-in bin/relaylane-net.js loads this file's build.
import { exitQuietlyOnBrokenPipe } from '@relaylane/core/terminal';

import { runNetCli } from './terminal/net-cli.js';

exitQuietlyOnBrokenPipe(process.stdout);
process.exitCode = await runNetCli(process.argv.slice(2), {
  input: process.stdin,
  output: process.stdout,
  errorOutput: process.stderr,
});
