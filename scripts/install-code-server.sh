#!/usr/bin/env bash
# Installs what the integration tests need to run a real VS Code here: code-server (VS Code 1.100.3 server and
# workbench) into its own prefix under .vscode-test/, plus Debian's chromium, ripgrep and libkrb5-dev.
# Idempotent: every step is skipped when its result is already present. Exits 3, after one line saying why, when the
# Debian packages are missing and cannot be installed here (no apt-get, or neither root nor passwordless sudo);
# scripts/test-all.sh then skips the integration stages (and .ci/run, which sets BURNRATE_NO_SKIP=1, fails).
set -euo pipefail
CANNOT_INSTALL=3

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep inside code-server 4.100.3 looks for this archive before trying to download rg from GitHub.
RIPGREP_CACHE_DIR_NAME=vscode-ripgrep-cache-1.15.11
RIPGREP_ARCHIVE_NAME=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prefix="$repo_root/.vscode-test/code-server"

log() { printf '[install-code-server] %s\n' "$*"; }

install_debian_packages() {
  local missing=()
  for pkg in libkrb5-dev ripgrep chromium; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    log "debian packages present"
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null 2>&1; then
    log "cannot install ${missing[*]}: no apt-get on this machine (install them, or chromium at /usr/bin/chromium, by hand)"
    exit "$CANNOT_INSTALL"
  fi
  if [ -n "$sudo" ] && ! sudo -n true 2>/dev/null; then
    log "cannot install ${missing[*]}: not root and no passwordless sudo (run this script as root once)"
    exit "$CANNOT_INSTALL"
  fi
  log "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

seed_ripgrep_cache() {
  local cache_dir archive
  cache_dir="$(node -p 'require("os").tmpdir()')/$RIPGREP_CACHE_DIR_NAME"
  archive="$cache_dir/$RIPGREP_ARCHIVE_NAME"
  if [ -s "$archive" ]; then
    log "ripgrep cache present"
    return
  fi
  local staging
  staging=$(mktemp -d)
  cp "$(command -v rg)" "$staging/rg"
  mkdir -p "$cache_dir"
  tar -czf "$archive.partial" -C "$staging" rg
  mv "$archive.partial" "$archive"
  rm -rf "$staging"
  log "ripgrep cache seeded from $(command -v rg)"
}

installed_version() {
  node -p "require('$prefix/node_modules/code-server/package.json').version" 2>/dev/null || true
}

install_code_server() {
  if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && [ -x "$prefix/node_modules/.bin/code-server" ]; then
    log "code-server $CODE_SERVER_VERSION present"
    return
  fi
  mkdir -p "$prefix"
  # Its own package.json keeps npm from treating the project as the install root.
  [ -f "$prefix/package.json" ] || printf '{ "name": "burnrate-code-server", "private": true }\n' > "$prefix/package.json"
  log "npm install code-server@$CODE_SERVER_VERSION into $prefix"
  # unsafe_perm: its postinstall refuses root otherwise; yes: node-pty's postinstall runs `npx node-gyp`.
  (cd "$prefix" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || { log "code-server install failed"; exit 1; }
}

install_debian_packages
seed_ripgrep_cache
install_code_server
log "ready: $prefix/node_modules/.bin/code-server ($("$prefix/node_modules/.bin/code-server" --version 2>/dev/null | tail -1))"
