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
echo "== build"
pnpm run build
echo "== type-check (sources and specs)"
pnpm run typecheck
echo "== lint"
pnpm run lint
echo "== format"
pnpm run format:check
echo "== tests"
pnpm exec jest --ci
