# shellcheck shell=bash
# Project environment; sourced (". scripts/env.sh") by setup.sh, serve.sh and test.sh, and usable
# in an interactive shell. Safe to source more than once.
#
# - TIER1_TOOLCHAIN / RUSTUP_TOOLCHAIN: the toolchain chosen by setup.sh ("stable" or "tier1-web",
#   cached in $HOME/.cache/tier1/toolchain). Exported as RUSTUP_TOOLCHAIN so plain `cargo` and
#   trunk use it for everything (wasm and native builds, tests, clippy): one compiler.
# - PATH: $HOME/.cargo/bin (trunk, wasm-bindgen, wasm-bindgen-test-runner) and
#   <repo>/node_modules/.bin (wasm-opt 132 from npm `binaryen`; Debian's binaryen 108 breaks
#   the wasm) in front.
# - CARGO_TARGET_DIR: build output outside the checkout, one directory per compiler
#   ($HOME/.cache/tier1/target/<toolchain>-<rustc commit>), so every clone on this machine (CI's fresh
#   clones included) reuses the compiled dependencies and compiles only Tier1's own crates. One
#   directory serves every Cargo.lock: cargo keeps each dependency version apart by its own hash, so a
#   dependency bump rebuilds that dependency, not all of them. An explicit CARGO_TARGET_DIR wins.
# - CHROMEDRIVER and the webdriver.json location for wasm-bindgen-test-runner.

export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
TIER1_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TIER1_ROOT

if [ -s "$HOME/.cache/tier1/toolchain" ]; then
  TIER1_TOOLCHAIN="$(head -n1 "$HOME/.cache/tier1/toolchain")"
  export TIER1_TOOLCHAIN
  export RUSTUP_TOOLCHAIN="$TIER1_TOOLCHAIN"
fi

# Put a directory first on PATH, removing earlier copies so repeated sourcing stays clean.
_tier1_path_prepend() {
  local dir=$1 p=":$PATH:"
  while [[ $p == *":$dir:"* ]]; do p=${p//:$dir:/:}; done
  p=${p#:}
  p=${p%:}
  PATH="$dir${p:+:$p}"
}
_tier1_path_prepend "$HOME/.cargo/bin"
_tier1_path_prepend "$TIER1_ROOT/node_modules/.bin"
unset -f _tier1_path_prepend
export PATH

if [ -z "${CARGO_TARGET_DIR:-}" ] || [ "${TIER1_TARGET_AUTO:-}" = 1 ]; then
  _tier1_rustc=$(rustc -vV 2>/dev/null | sed -n 's/^commit-hash: //p' | cut -c1-12)
  if [ -n "$_tier1_rustc" ]; then
    export CARGO_TARGET_DIR="$HOME/.cache/tier1/target/${TIER1_TOOLCHAIN:-default}-$_tier1_rustc"
    export TIER1_TARGET_AUTO=1
  fi
  unset _tier1_rustc
fi

export CHROMEDRIVER=/usr/bin/chromedriver
# The runner reads webdriver.json from the working directory by default; make it location-proof.
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$TIER1_ROOT/webdriver.json"
# Seconds per wasm test binary; the default 20 s is tight on a loaded 2-core machine.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-90}"
# trunk: never reach for the network (tool downloads, update check). `--offline` is also passed
# explicitly by the scripts; Trunk.toml has `offline = true` for plain `trunk` invocations.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
