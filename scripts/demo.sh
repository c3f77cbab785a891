#!/usr/bin/env bash
# The README's demo command: installs, builds and starts the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_loglevel=error
source scripts/pnpm.sh

pnpm install --frozen-lockfile
pnpm run build

if [ ! -d packages/demo-game ]; then
  cat <<'MSG'
The Babylon.js demo game is not built yet: packages/demo-game does not exist in this version.
Opening the terminal dev console of @relaylane/core instead (type `help`; Ctrl-D leaves).
MSG
  exec node packages/core/dist/console/terminal/bin.js "$@"
fi
