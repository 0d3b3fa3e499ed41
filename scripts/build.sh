#!/usr/bin/env bash
# Release build of the static site into dist/ (or the folder given by
# DIST_DIR), for any static host. Usage: scripts/build.sh [PUBLIC_URL]
# where PUBLIC_URL is the path the site will live under, "/" by default,
# e.g. scripts/build.sh /patterns-forged/
set -euo pipefail
cd "$(dirname "$0")/.."
public_url="${1:-/}"
case "$public_url" in /*/ | /) ;; *) echo "error: PUBLIC_URL must start and end with /, got '$public_url'" >&2; exit 2 ;; esac
scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet
trunk build --release --offline --public-url "$public_url" --dist "${DIST_DIR:-dist}"
