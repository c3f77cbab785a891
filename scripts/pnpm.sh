# Sourced by the project's scripts: defines `pnpm` as the exact release pinned in package.json's
# "packageManager", so a fresh machine that has only Node and npm needs no global install.
pinned_pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(command pnpm --version 2>/dev/null)" = "$pinned_pnpm_version" ]; then
    command pnpm "$@"
  else
    npx --yes "pnpm@$pinned_pnpm_version" "$@"
  fi
}
