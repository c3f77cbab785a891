#!/usr/bin/env node
// The `relaylane-beacon` bin. It is checked in (the package manager links bins when it installs,
// before anything is built) and loads the built CLI; in a clone that is not built yet it says
// what to run instead of failing with a missing module.
try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli.js')) {
    console.error(
      'relaylane-beacon: @relaylane/beacon is not built yet. In the repository, run ' +
        "`pnpm run build` first (the README's test command does it).",
    );
    process.exit(2);
  }
  throw error;
}
