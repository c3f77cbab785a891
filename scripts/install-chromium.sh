#!/usr/bin/env bash
# Installs Debian's Chromium, which the demo game's browser tests drive through playwright-core
# (they launch /usr/bin/chromium; they never download a browser of their own).
# Does nothing when /usr/bin/chromium is already there. Runs apt-get as root, or through sudo when
# not root and sudo is available; otherwise says what to run.
set -euo pipefail

chromium_path=/usr/bin/chromium

if [ -x "$chromium_path" ]; then
  echo "install-chromium: $chromium_path is present ($("$chromium_path" --version 2>/dev/null || echo 'version unknown'))."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-chromium: $chromium_path is missing and this user is not root and has no sudo." >&2
  echo "install-chromium: as root, run: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $chromium_path is missing and apt-get is not available (not Debian or Ubuntu?)." >&2
  echo "install-chromium: install Chromium with this system's package manager so that $chromium_path exists." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: $chromium_path is missing; installing Debian's chromium package."
echo "install-chromium: ${as_root[*]:+${as_root[*]} }apt-get update"
"${as_root[@]}" apt-get update
echo "install-chromium: ${as_root[*]:+${as_root[*]} }apt-get install -y chromium"
"${as_root[@]}" apt-get install -y chromium

if [ ! -x "$chromium_path" ]; then
  echo "install-chromium: apt-get finished but $chromium_path is still missing." >&2
  exit 1
fi
echo "install-chromium: installed $("$chromium_path" --version 2>/dev/null || echo "$chromium_path")."
