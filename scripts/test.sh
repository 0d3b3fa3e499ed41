#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: lints, native unit and
# integration tests, component tests in headless Chromium, and end-to-end
# tests against release builds served on loopback (at /, under a sub-path,
# one built with a hostile catalog and one with a large generated catalog).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "tools"
scripts/ensure-tools.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo fetch --locked --quiet

step "format and lints"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings
# The search benchmark's hooks (src/bench_hooks.rs), which only the benchmark builds.
cargo clippy --locked --target wasm32-unknown-unknown --features bench --bins -- -D warnings
# The scripts' syntax, the benchmark's included: no test runs the benchmark.
for script in scripts/*.mjs scripts/*.js scripts/bench/*.mjs; do node --check "$script"; done

step "native tests (catalog, search, simulation)"
cargo test --locked

step "component tests in headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json"
cargo test --locked --target wasm32-unknown-unknown --test web

step "release builds: / and /patterns-forged/"
scripts/build.sh /
DIST_DIR=target/dist-subpath scripts/build.sh /patterns-forged/

step "release build of the hostile catalog (payloads in every free-text field) into target/dist-hostile"
node tests/e2e/hostile-catalog.mjs
PATTERNS_CATALOG=target/hostile/catalog.json DIST_DIR=target/dist-hostile scripts/build.sh /

step "release build of a large generated catalog (200 patterns, 273 tags) into target/dist-large"
node scripts/bench/generate-catalog.mjs target/large/catalog.json --count 200
PATTERNS_CATALOG=target/large/catalog.json DIST_DIR=target/dist-large scripts/build.sh /

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
