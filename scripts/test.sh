#!/usr/bin/env bash
# The one command that installs everything and runs every check (README: "Run every test").
# CI runs exactly this through .ci/run. Order: install, build, type-check, lint, format, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm on these machines may warn about a user config it does not know; it is noise here.
export npm_config_loglevel=error
source scripts/pnpm.sh

echo "== install (pnpm $pinned_pnpm_version)"
pnpm install --frozen-lockfile
echo "== chromium (for the demo's browser tests)"
bash scripts/install-chromium.sh
echo "== build"
pnpm run build
echo "== type-check (sources and specs)"
pnpm run typecheck
echo "== API reference (every export documented, no broken link)"
pnpm run docs:api
echo "== lint"
pnpm run lint
echo "== format"
pnpm run format:check
echo "== tests"
mkdir -p test-artifacts
rm -f test-artifacts/jest-results.json
jest_status=0
pnpm exec jest --ci --json --outputFile=test-artifacts/jest-results.json || jest_status=$?
# Jest's totals as the last line, in one fixed shape: "jest: N passed, N failed, N skipped".
node scripts/print-jest-totals.cjs test-artifacts/jest-results.json
exit "$jest_status"
