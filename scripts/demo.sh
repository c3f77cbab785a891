#!/usr/bin/env bash
# The README's demo command: installs, builds the workspace and the demo game, then serves the
# built page on http://127.0.0.1:4173/ until Ctrl-C.
#
#   bash scripts/demo.sh              the demo on the simulated relay network
#   bash scripts/demo.sh --beacons    the demo on five local beacons (scripts/demo-beacons.mjs):
#                                     pings the browser really measures, with a player in Frankfurt
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_loglevel=error
source scripts/pnpm.sh

variant="simulated"
case "${1:-}" in
  "") ;;
  --beacons) variant="beacons" ;;
  *)
    echo "usage: bash scripts/demo.sh [--beacons]" >&2
    exit 2
    ;;
esac

demo_url="http://127.0.0.1:4173/"

pnpm install --frozen-lockfile
# The packages the demo imports (it bundles their built dist), then the page itself: the root
# build script builds the packages and the demo.
pnpm run build

if [[ "$variant" == "beacons" ]]; then
  node scripts/demo-beacons.mjs &
  beacons_pid=$!
  trap 'kill "$beacons_pid" 2>/dev/null || true' EXIT
  config_url="http://127.0.0.2:8081/network-config"
  demo_url="${demo_url}?beacons=${config_url}"
  hint="net.beacons"
else
  hint="net.sim.where Sydney"
fi

cat <<MSG

  Relaylane demo: $demo_url
  Open it in a browser. The backtick key opens the dev console (try: $hint).
  Ctrl-C stops the server.

MSG
pnpm --filter @relaylane/demo-game run serve
