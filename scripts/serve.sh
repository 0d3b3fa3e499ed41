#!/usr/bin/env bash
# Installs whatever is missing, then builds the app and serves it on
# http://127.0.0.1:8080/ (rebuilding on change). Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet
exec trunk serve --release --offline --address 127.0.0.1 --port 8080
