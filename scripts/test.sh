#!/usr/bin/env bash
# THE test suite (also what CI runs, via .ci/run). Stages, in order, failing fast:
#   setup, fmt, knowledge base prose, clippy (native), clippy (wasm32), test (native), test (graph test
#   server), test (wasm32, headless Chromium;
#   only when tests/*.rs use wasm_bindgen_test), trunk build --release -> dist/, size budget,
#   e2e (node --test tests/e2e/ against dist/ in headless Chromium).
# Prints a summary line per stage with its duration; on failure names the failed stage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

RESULTS=()
SUITE_T0=$(date +%s.%N)

secs_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

summary() {
  echo
  echo "---------------------------- test summary ----------------------------"
  local r
  for r in "${RESULTS[@]}"; do echo "$r"; done
  printf '%-6s %-34s %8ss\n' "" "total" "$(secs_since "$SUITE_T0")"
}

# stage NAME COMMAND... : run one stage, record its duration, stop the suite if it fails.
stage() {
  local name=$1 rc=0 t0
  shift
  printf '\n==> [%s] %s\n' "$name" "$*"
  t0=$(date +%s.%N)
  "$@" || rc=$?
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("$(printf '%-6s %-34s %8ss' ok "$name" "$(secs_since "$t0")")")
  else
    RESULTS+=("$(printf '%-6s %-34s %8ss' FAILED "$name" "$(secs_since "$t0")")")
    summary
    printf '\nFAILED at stage "%s" (exit %d): %s\n' "$name" "$rc" "$*" >&2
    exit 1
  fi
}

skip() {
  printf '\n==> [%s] skipped: %s\n' "$1" "$2"
  RESULTS+=("$(printf '%-6s %-34s %8s  (%s)' skip "$1" "-" "$2")")
}

stage "setup" bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
echo "toolchain: ${TIER1_TOOLCHAIN:-?} ($(rustc --version))"

stage "fmt" cargo fmt --check
stage "knowledge base prose" python3 scripts/check-knowledge.py
stage "clippy (native)" cargo clippy --all-targets -- -D warnings
stage "clippy (wasm32)" cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
stage "test (native)" cargo test
stage "test (graph test server)" cargo test --manifest-path tools/graph-server/Cargo.toml

if grep -qs 'wasm_bindgen_test' tests/*.rs; then
  # Only the wasm_bindgen_test binary: the lib's #[test]s and tests/stories.rs are native tests.
  stage "test (wasm32, headless Chromium)" cargo test --target wasm32-unknown-unknown --test web
else
  skip "test (wasm32, headless Chromium)" "no wasm_bindgen_test in tests/*.rs"
fi

stage "trunk build --release" trunk build --release --offline --dist dist
stage "size budget" node scripts/size.mjs dist
stage "e2e" node --test tests/e2e/

summary
echo
echo "ALL STAGES PASSED"
