#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there:
# the wasm target, Trunk, wasm-bindgen-cli (same version as Cargo.lock), the
# npm packages (binaryen's wasm-opt, playwright-core, ...) and, with
# --browser, Debian's Chromium and ChromeDriver. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

say() { printf '\033[1m[tools]\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

trunk_version=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $trunk_version\$"; then
  say "installing trunk $trunk_version (about 15 minutes on 2 cores, once)"
  cargo install trunk --version "$trunk_version" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly. Its own lockfile
# pins a crate the registry lacks, so it is installed without --locked.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "error: no wasm-bindgen version found in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, ...)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if $want_browser && { ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
