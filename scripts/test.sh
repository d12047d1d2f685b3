#!/usr/bin/env bash
# THE test suite (also what CI runs, via .ci/run). Stages, in order, failing fast:
#   setup, fmt, knowledge base prose, structure, clippy + build (native), test (native), clippy + build and test
#   (wasm32, headless Chromium), trunk build --release -> dist/, size budget, e2e (node --test
#   tests/e2e/ against dist/ in headless Chromium, files in parallel).
# Prints a summary line per stage with its duration; on failure names the failed stage.
#
# Clippy runs inside the test builds: clippy-driver is Cargo's compiler wrapper for the workspace's own
# crates (exactly what `cargo clippy` does, but producing the test binaries instead of throwing the
# work away), so each crate is compiled once per target with its lints, and `-D warnings` fails the
# build. Dependencies are not linted and are built once per machine in the shared target directory
# (scripts/env.sh).
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


stage "setup" bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
echo "toolchain: ${TIER1_TOOLCHAIN:-?} ($(rustc --version))"

# Every checkout on this machine builds into the same directory under the same file names (cargo names
# a workspace crate's files by its path relative to the workspace, not by the checkout's path), so two
# suites at once would overwrite each other's Tier1 between stages. The second one waits.
mkdir -p "$CARGO_TARGET_DIR"
exec 8>"$CARGO_TARGET_DIR/.tier1-suite.lock"
if ! flock -n 8; then
  echo "another test suite is using $CARGO_TARGET_DIR; waiting for it to finish ..."
  flock 8
fi

# rustfmt leaves macro bodies alone; leptosfmt formats the markup of view! macros (leptosfmt.toml).
# To fix: `leptosfmt src tests && cargo fmt --all`.
fmt_check() { cargo fmt --all --check && leptosfmt --check --quiet src tests; }
stage "fmt (rustfmt, leptosfmt)" fmt_check
stage "knowledge base prose" python3 scripts/check-knowledge.py
stage "structure (layers, file cycles, file length)" python3 scripts/check-structure.py

CLIPPY_DRIVER=$(rustup which clippy-driver 2>/dev/null || command -v clippy-driver || true)
[ -x "$CLIPPY_DRIVER" ] || { echo "clippy-driver not found (rustup component clippy / rust-web-clippy)" >&2; exit 1; }
# Separator between arguments, as cargo-clippy passes them to clippy-driver.
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
export RUSTC_WORKSPACE_WRAPPER="$CLIPPY_DRIVER"
# A fresh clone never reuses incremental state, and writing it costs time and disk.
export CARGO_INCREMENTAL=0

stage "clippy + build (native)" cargo test --workspace --no-run
stage "test (native)" cargo test --workspace
# The REST e2e tests start the test Graph server built above.
export TIER1_GRAPH_SERVER="$CARGO_TARGET_DIR/debug/tier1-graph-server"

if grep -qs 'wasm_bindgen_test' tests/*.rs; then
  # Only the wasm_bindgen_test binary: the lib's #[test]s and tests/stories.rs are native tests. The
  # library it links is compiled for wasm32 through clippy-driver, so this also lints the wasm-only code.
  stage "clippy + build (wasm32)" cargo test -p tier1 --target wasm32-unknown-unknown --test web --no-run
  stage "test (wasm32, headless Chromium)" cargo test -p tier1 --target wasm32-unknown-unknown --test web
else
  stage "clippy (wasm32)" cargo clippy -p tier1 --lib --target wasm32-unknown-unknown -- -D warnings
fi
unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS

stage "trunk build --release" trunk build --release --offline --dist dist
stage "size budget" node scripts/size.mjs dist
# Each e2e file starts its own static server, test Graph server and browser on free ports, so files
# run side by side; within a file tests stay in order.
stage "e2e" node --test --test-concurrency="${TIER1_E2E_JOBS:-2}" tests/e2e/

summary
echo
echo "ALL STAGES PASSED"
