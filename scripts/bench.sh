#!/usr/bin/env bash
# The benchmark command (not part of the tests): installs what it needs,
# builds a release site into target/bench/dist (or measures the one named
# by BENCH_DIST), then runs each part under scripts/bench/ in its own
# process: first load (sizes against the budget), start-up, animation,
# Lighthouse, memory and search. Prints tables, writes every figure to target/bench/report.json,
# and exits non-zero when a part failed (after running all the others).
#
# Knobs (environment): BENCH_DIST, BENCH_PARTS, BENCH_RUNS, BENCH_STARTUP_RUNS,
# BENCH_STARTUP_QUERY, BENCH_ANIMATION_RUNS, BENCH_ANIMATION_SECONDS,
# BENCH_LIGHTHOUSE_RUNS, BENCH_LIGHTHOUSE_GZIP, BENCH_MEMORY_PAGES,
# BENCH_MEMORY_EVERY, BENCH_MEMORY_TOLERANCE, BENCH_PART_TIMEOUT; see README.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
started=$SECONDS
say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }

out=target/bench
parts_dir="$out/parts"

# Tools: the build's (when building), the npm packages (Lighthouse,
# chrome-launcher, playwright-core) and Debian's Chromium.
if [ -z "${BENCH_DIST:-}" ]; then
  scripts/ensure-tools.sh --browser || exit 1
else
  if ! [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    say "installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || exit 1
  fi
fi
for package in lighthouse chrome-launcher playwright-core; do
  if ! [ -f "node_modules/$package/package.json" ]; then
    say "installing npm packages ($package is missing)"
    npm ci --no-audit --no-fund --loglevel=error || exit 1
    break
  fi
done

# The site to measure.
if [ -z "${BENCH_DIST:-}" ]; then
  export BENCH_DIST="$out/dist"
  say "building the release site into $BENCH_DIST"
  DIST_DIR="$BENCH_DIST" scripts/build.sh / || { say "the release build failed: nothing to measure"; exit 1; }
else
  say "measuring the site already built in $BENCH_DIST"
fi
if ! [ -f "$BENCH_DIST/index.html" ]; then
  say "error: $BENCH_DIST/index.html does not exist"
  exit 1
fi

parts=(first-load startup animation lighthouse memory search)
if [ -n "${BENCH_PARTS:-}" ]; then
  read -r -a parts <<<"${BENCH_PARTS//,/ }"
fi

rm -rf "$parts_dir"
mkdir -p "$parts_dir"
for part in "${parts[@]}"; do
  if ! [ -f "scripts/bench/$part.mjs" ]; then
    say "no part named '$part' (scripts/bench/$part.mjs)"
    printf '{"part": "%s", "ok": false, "error": "no such part: scripts/bench/%s.mjs does not exist"}\n' "$part" "$part" >"$parts_dir/$part.json"
    continue
  fi
  # A guard against a hung part, not a budget: the search part builds the
  # 10k site and types 1,264 keystrokes into it, about 20 minutes on 2 cores.
  limit=900
  [ "$part" = search ] && limit=3600
  limit="${BENCH_PART_TIMEOUT:-$limit}"
  timeout --kill-after=30 "$limit" node scripts/bench/run-part.mjs "$part" "$parts_dir/$part.json"
  status=$?
  [ "$status" -eq 124 ] && say "part '$part' did not finish within $limit s and was stopped"
done

node scripts/bench/report.mjs "$parts_dir" "$out/report.json" "${parts[@]}"
status=$?
say "done in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
exit "$status"
