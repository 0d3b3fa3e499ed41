#!/usr/bin/env bash
# Installs whatever is missing, then builds the app and serves it on
# http://127.0.0.1:8080/ (rebuilding on change). Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet
# No autoreload: Trunk would inject an inline script, rewritten as it is
# served, that the page's Content-Security-Policy (scripts/post-build.mjs)
# rightly refuses. Reload the page by hand after a rebuild.
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port 8080
