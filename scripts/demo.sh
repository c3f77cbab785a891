#!/usr/bin/env bash
# The README's demo command: installs, builds the workspace and the demo game, then serves the
# built page on http://127.0.0.1:4173/ until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_loglevel=error
source scripts/pnpm.sh

demo_url="http://127.0.0.1:4173/"

pnpm install --frozen-lockfile
# The packages the demo imports (it bundles their built dist), then the page itself.
pnpm run build
pnpm --filter @relaylane/demo-game run build

cat <<MSG

  Relaylane demo: $demo_url
  Open it in a browser. The backtick key opens the dev console (try: net.sim where Sydney).
  Ctrl-C stops the server.

MSG
pnpm --filter @relaylane/demo-game run serve
