#!/usr/bin/env bash
# Idempotent installer for everything Tier1 needs to build and test (see /work/shared/TOOLCHAIN.md).
# Each step checks first and only acts when something is missing, so a second run takes seconds.
# What must be installed runs in parallel where it can: apt (network and dpkg), the two cargo installs
# (CPU; each alone leaves a core idle while it links) and npm run side by side, and are awaited at the end.
# Downloads go only through apt, rustup (only for its own wasm32 target, see (b)), cargo
# (crates.io) and npm.
#
#   bash scripts/setup.sh
#   TIER1_FORCE_TOOLCHAIN=tier1-web bash scripts/setup.sh   # override the cached toolchain decision
#                                   (or "stable"; the cache is $HOME/.cache/tier1/toolchain)
set -euo pipefail

# CI runners may start without HOME.
export HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="$HOME/.cache/tier1"
TOOLCHAIN_FILE="$CACHE_DIR/toolchain"
DEBIAN_TOOLCHAIN=tier1-web
TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132
WASM_TARGET=wasm32-unknown-unknown
WASM_RUSTLIB=/usr/lib/rustlib/$WASM_TARGET
WASM_LIBDIR=$WASM_RUSTLIB/lib
SYSROOT_STAMP=$WASM_RUSTLIB/tier1-sysroot.stamp
# Bump when the sysroot recipe below changes, to force a rebuild on every machine.
SYSROOT_RECIPE="v1 -Zbuild-std=std,panic_abort,test RUSTFLAGS=-Cembed-bitcode=yes"

T0=$SECONDS
mkdir -p "$CACHE_DIR"
# Serialise concurrent runs (e.g. serve.sh and test.sh started together).
exec 9>"$CACHE_DIR/setup.lock"
flock 9

say() { printf 'setup: %-12s %s\n' "$1" "$2"; }
die() {
  printf 'setup: ERROR: %s\n' "$1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    printf 'setup: last lines of %s:\n' "$2" >&2
    tail -n 40 "$2" >&2
  fi
  exit 1
}

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi
fi
as_root() { "${SUDO[@]}" "$@"; }

# Background jobs: `start NAME LOG CMD...` runs CMD with its output in LOG; `finish NAME` waits for
# it and stops setup with the log's tail when it failed. `finish_all` awaits every job still running.
declare -A JOB_PID JOB_LOG
start() {
  local name=$1 log=$2
  shift 2
  ("$@") </dev/null >"$log" 2>&1 &
  JOB_PID[$name]=$!
  JOB_LOG[$name]=$log
}
finish() {
  local name=$1 pid=${JOB_PID[$1]:-}
  [ -n "$pid" ] || return 0
  unset "JOB_PID[$name]"
  wait "$pid" || die "$name failed" "${JOB_LOG[$name]}"
}
# A failed job stops setup; the others are not left running behind it.
trap 'for p in "${JOB_PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# ---------------------------------------------------------------------------------------------
# Toolchain decision (needed first: it decides which apt packages step (a) installs).
# Tried once per machine: rustup's stable with the wasm32 target if `rustup target add` works
# within 25 s, otherwise Debian's rustc-web linked into rustup as "tier1-web".
# ---------------------------------------------------------------------------------------------
HAVE_RUSTUP=0
command -v rustup >/dev/null 2>&1 && HAVE_RUSTUP=1
# rustup may live in ~/.cargo/bin, which is not necessarily on PATH yet.
if [ $HAVE_RUSTUP = 0 ] && [ -x "$HOME/.cargo/bin/rustup" ]; then
  PATH="$HOME/.cargo/bin:$PATH"
  HAVE_RUSTUP=1
fi

if [ -n "${TIER1_FORCE_TOOLCHAIN:-}" ]; then
  TC=$TIER1_FORCE_TOOLCHAIN
  echo "$TC" >"$TOOLCHAIN_FILE"
  TC_HOW="forced by TIER1_FORCE_TOOLCHAIN"
elif [ -s "$TOOLCHAIN_FILE" ]; then
  TC=$(head -n1 "$TOOLCHAIN_FILE")
  TC_HOW="cached in $TOOLCHAIN_FILE"
else
  if [ $HAVE_RUSTUP = 1 ] &&
    timeout -k 5 25 rustup target add --toolchain stable "$WASM_TARGET" \
      </dev/null >"$CACHE_DIR/rustup-probe.log" 2>&1; then
    TC=stable
    TC_HOW="rustup target add $WASM_TARGET worked"
  else
    TC=$DEBIAN_TOOLCHAIN
    TC_HOW="rustup cannot add $WASM_TARGET here (log: $CACHE_DIR/rustup-probe.log); Debian route"
  fi
  echo "$TC" >"$TOOLCHAIN_FILE"
fi
case "$TC" in
  stable | "$DEBIAN_TOOLCHAIN") ;;
  *) die "unknown toolchain '$TC' in $TOOLCHAIN_FILE (expected stable or $DEBIAN_TOOLCHAIN)" ;;
esac

# ---------------------------------------------------------------------------------------------
# (a) apt packages
# ---------------------------------------------------------------------------------------------
PKGS=(chromium chromium-driver)
if [ "$TC" = "$DEBIAN_TOOLCHAIN" ]; then
  # lld-22: rust-web-llvm's /usr/bin/rust-lld is a symlink to lld-22, which it does not depend on;
  # without it every wasm link fails with "linker `rust-lld` not found".
  PKGS+=(rustc-web cargo-web rust-web-src rust-web-llvm rust-web-clippy rustfmt-web lld-22)
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PKGS+=(nodejs npm)
fi
MISSING=()
for p in "${PKGS[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    MISSING+=("$p")
  fi
done
if [ ${#MISSING[@]} -eq 0 ]; then
  say apt "ok (${PKGS[*]})"
else
  say apt "installing ${MISSING[*]} ..."
  if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
    die "not root and no sudo: run 'apt-get install -y ${MISSING[*]}' as root"
  fi
  apt_install() {
    as_root apt-get update &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${MISSING[@]}"
  }
  start apt "$CACHE_DIR/apt.log" apt_install
  # The Debian route compiles with what apt installs; the rustup route only needs Chromium at the end.
  if [ "$TC" = "$DEBIAN_TOOLCHAIN" ]; then
    finish apt
    say apt "installed ${MISSING[*]}"
  fi
fi

# ---------------------------------------------------------------------------------------------
# (b) Rust toolchain
# ---------------------------------------------------------------------------------------------
say toolchain "$TC ($TC_HOW)"

if [ "$TC" = stable ]; then
  [ $HAVE_RUSTUP = 1 ] || die "toolchain 'stable' needs rustup"
  if rustup target list --installed --toolchain stable 2>/dev/null | grep -qx "$WASM_TARGET"; then
    say wasm32 "ok (rustup stable has $WASM_TARGET)"
  else
    timeout -k 5 120 rustup target add --toolchain stable "$WASM_TARGET" </dev/null \
      >"$CACHE_DIR/rustup-target.log" 2>&1 ||
      die "rustup target add $WASM_TARGET failed; to use the Debian route run: TIER1_FORCE_TOOLCHAIN=$DEBIAN_TOOLCHAIN bash scripts/setup.sh" "$CACHE_DIR/rustup-target.log"
    say wasm32 "installed $WASM_TARGET via rustup"
  fi
  COMPONENTS=$(rustup component list --installed --toolchain stable 2>/dev/null || true)
  NEED=()
  grep -q '^clippy' <<<"$COMPONENTS" || NEED+=(clippy)
  grep -q '^rustfmt' <<<"$COMPONENTS" || NEED+=(rustfmt)
  if [ ${#NEED[@]} -eq 0 ]; then
    say components "ok (clippy, rustfmt)"
  else
    timeout -k 5 120 rustup component add --toolchain stable "${NEED[@]}" </dev/null \
      >"$CACHE_DIR/rustup-components.log" 2>&1 ||
      die "rustup component add ${NEED[*]} failed" "$CACHE_DIR/rustup-components.log"
    say components "installed ${NEED[*]}"
  fi
else
  # Register Debian's /usr toolchain with rustup (if rustup exists at all; without rustup,
  # /usr/bin/cargo is Debian's and RUSTUP_TOOLCHAIN is simply ignored).
  if [ $HAVE_RUSTUP = 1 ]; then
    if rustup toolchain list 2>/dev/null | awk '{print $1}' | grep -qx "$DEBIAN_TOOLCHAIN"; then
      say link "ok (rustup toolchain $DEBIAN_TOOLCHAIN -> /usr)"
    else
      rustup toolchain link "$DEBIAN_TOOLCHAIN" /usr
      say link "linked rustup toolchain $DEBIAN_TOOLCHAIN -> /usr"
    fi
  else
    say link "skipped (no rustup; using /usr/bin/cargo directly)"
  fi

  # The wasm32 sysroot must be built by exactly this rustc; the stamp records which one.
  WANT_STAMP="$(/usr/bin/rustc -vV)
recipe: $SYSROOT_RECIPE"
  HAVE_STAMP=$(cat "$SYSROOT_STAMP" 2>/dev/null || true)
  if [ "$WANT_STAMP" = "$HAVE_STAMP" ] &&
    compgen -G "$WASM_LIBDIR/libstd-*.rlib" >/dev/null &&
    compgen -G "$WASM_LIBDIR/libtest-*.rlib" >/dev/null &&
    compgen -G "$WASM_LIBDIR/libpanic_abort-*.rlib" >/dev/null; then
    say sysroot "ok ($WASM_LIBDIR, $(/usr/bin/rustc --version | awk '{print $2}'))"
  else
    say sysroot "building the $WASM_TARGET std from /usr/lib/rustlib/src (about 1 min) ..."
    B="$CACHE_DIR/sysroot-build"
    rm -rf "$B"
    mkdir -p "$B/src"
    cat >"$B/Cargo.toml" <<'EOF'
[package]
name = "tier1_sysroot_build"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]
EOF
    : >"$B/src/lib.rs"
    (
      cd "$B"
      env -u CARGO_BUILD_TARGET -u CARGO_ENCODED_RUSTFLAGS -u CARGO_BUILD_RUSTFLAGS -u RUSTC_WRAPPER \
        RUSTUP_TOOLCHAIN="$DEBIAN_TOOLCHAIN" RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
        RUSTFLAGS=-Cembed-bitcode=yes CARGO_TARGET_DIR="$B/target" \
        /usr/bin/cargo build --release -Zbuild-std=std,panic_abort,test --target "$WASM_TARGET"
    ) </dev/null >"$CACHE_DIR/sysroot-build.log" 2>&1 ||
      die "wasm32 sysroot build failed" "$CACHE_DIR/sysroot-build.log"
    DEPS="$B/target/$WASM_TARGET/release/deps"
    compgen -G "$DEPS/libstd-*.rlib" >/dev/null || die "sysroot build produced no libstd rlib" "$CACHE_DIR/sysroot-build.log"
    as_root mkdir -p "$WASM_LIBDIR"
    as_root rm -f "$WASM_LIBDIR"/*.rlib "$SYSROOT_STAMP"
    N=0
    for f in "$DEPS"/lib*.rlib; do
      case "$(basename "$f")" in libtier1_sysroot_build-*) continue ;; esac
      as_root cp "$f" "$WASM_LIBDIR/"
      N=$((N + 1))
    done
    printf '%s\n' "$WANT_STAMP" | as_root tee "$SYSROOT_STAMP" >/dev/null
    rm -rf "$B/target"
    say sysroot "installed $N rlibs into $WASM_LIBDIR"
    # Stale wasm32 build output fails with "can't find crate for `leptos`" after a new sysroot.
    for STALE in "$ROOT/target/$WASM_TARGET" "$HOME"/.cache/tier1/target/"$DEBIAN_TOOLCHAIN"-*/"$WASM_TARGET"; do
      if [ -d "$STALE" ]; then
        rm -rf "$STALE"
        say sysroot "removed stale $STALE"
      fi
    done
  fi
fi

# From here on use the project environment (PATH, RUSTUP_TOOLCHAIN, ...).
# shellcheck source=scripts/env.sh
. "$ROOT/scripts/env.sh"

# ---------------------------------------------------------------------------------------------
# (c) trunk and (d) wasm-bindgen-cli at exactly the Cargo.lock version (which also provides
#     wasm-bindgen-test-runner), built side by side. No registry here ships them as binaries.
#     Trunk's own release profile asks for fat LTO and one codegen unit (6 min on 2 cores for a tool
#     that mostly starts other programs); built with thin-local LTO and 16 units it takes half that.
# ---------------------------------------------------------------------------------------------
quick_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$@" --force
}
# The second word of `CMD --version` ("trunk 0.21.14" -> 0.21.14); empty when CMD is missing.
version_of() { "$1" --version 2>/dev/null | awk '{print $2}' || true; }
# install_tool "CMD [CMD...]" VERSION CRATE [ARGS...]: unless every CMD reports VERSION, starts
# `cargo install CRATE --version VERSION ARGS` in the background as job CMD (the first one);
# await_tool CMD VERSION then waits for it and checks what it left on PATH.
declare -A INSTALLING
install_tool() {
  local cmds=$1 version=$2 crate=$3 cmd name have=""
  shift 3
  name=${cmds%% *}
  for cmd in $cmds; do
    have=$(version_of "$cmd")
    [ "$have" = "$version" ] || break
  done
  if [ "$have" = "$version" ]; then
    say "$name" "ok ($version)"
    return
  fi
  say "$name" "installing $crate $version (found '${have:-none}') ..."
  start "$name" "$CACHE_DIR/$crate-install.log" quick_install "$crate" --version "$version" "$@"
  INSTALLING[$name]=1
}
await_tool() {
  local name=$1 version=$2 have
  [ -n "${INSTALLING[$name]:-}" ] || return 0
  finish "$name"
  have=$(version_of "$name")
  [ "$have" = "$version" ] || die "$name on PATH is '${have:-none}' after install ($(command -v "$name" || echo missing))"
  say "$name" "installed $version"
}

install_tool trunk "$TRUNK_VERSION" trunk --locked

[ -f "$ROOT/Cargo.lock" ] || die "Cargo.lock not found; it pins the wasm-bindgen version"
WBG_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' "$ROOT/Cargo.lock")
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
TRUNK_WBG=$(sed -n 's/^[[:space:]]*wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/Trunk.toml" 2>/dev/null | head -n1)
if [ -n "$TRUNK_WBG" ] && [ "$TRUNK_WBG" != "$WBG_VERSION" ]; then
  die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WBG\" but Cargo.lock has $WBG_VERSION: update Trunk.toml"
fi
# No --locked: with it, 0.2.130 fails on a locked dependency version missing from the registry.
install_tool "wasm-bindgen wasm-bindgen-test-runner" "$WBG_VERSION" wasm-bindgen-cli

# leptosfmt: formats what rustfmt leaves alone, the markup inside Leptos' view! macros (fmt stage).
LEPTOSFMT_VERSION=0.1.33
install_tool leptosfmt "$LEPTOSFMT_VERSION" leptosfmt --locked

# ---------------------------------------------------------------------------------------------
# (e) npm packages (binaryen 132 = wasm-opt, playwright-core, axe-core)
# ---------------------------------------------------------------------------------------------
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
  [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say npm "npm ci ..."
  npm_ci() { cd "$ROOT" && npm ci --no-audit --no-fund; }
  start npm "$CACHE_DIR/npm-ci.log" npm_ci
  NEED_NPM=1
else
  say npm "ok (node_modules up to date with package-lock.json)"
  NEED_NPM=0
fi

# ---------------------------------------------------------------------------------------------
# (f) crates: trunk runs `cargo build --offline` (offline = true), so every dependency in
#     Cargo.lock must already be in the local registry cache. Fast when nothing is missing.
# ---------------------------------------------------------------------------------------------
(cd "$ROOT" && cargo fetch) </dev/null >"$CACHE_DIR/cargo-fetch.log" 2>&1 ||
  die "cargo fetch failed" "$CACHE_DIR/cargo-fetch.log"
say crates "ok (cargo fetch: Cargo.lock dependencies are in the local registry cache)"

# ---------------------------------------------------------------------------------------------
# (g) the shared build directory (scripts/env.sh): past a size cap it starts over (dependency
#     versions accumulate there as Cargo.lock changes).
# ---------------------------------------------------------------------------------------------
TARGET_CAP_GB=${TIER1_TARGET_CAP_GB:-25}
if [ -n "${CARGO_TARGET_DIR:-}" ] && [ -d "$CARGO_TARGET_DIR" ]; then
  used_gb=$(du -s --block-size=1G "$CARGO_TARGET_DIR" 2>/dev/null | awk '{print $1}')
  if [ "${used_gb:-0}" -gt "$TARGET_CAP_GB" ]; then
    rm -rf "$CARGO_TARGET_DIR"
    say target "removed $CARGO_TARGET_DIR (${used_gb} GB > ${TARGET_CAP_GB} GB cap); the next build is cold"
  else
    say target "ok ($CARGO_TARGET_DIR, ${used_gb:-0} GB)"
  fi
else
  say target "new ($CARGO_TARGET_DIR)"
fi

# ---------------------------------------------------------------------------------------------
# Await what runs in the background, then check what it left.
# ---------------------------------------------------------------------------------------------
if [ -n "${JOB_PID[apt]:-}" ]; then
  finish apt
  say apt "installed ${MISSING[*]}"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt step"
[ -x /usr/bin/chromedriver ] || die "/usr/bin/chromedriver missing after apt step"

if [ "$NEED_NPM" = 1 ]; then
  finish npm
  say npm "installed node_modules from package-lock.json"
fi
have_opt=$(wasm-opt --version 2>/dev/null | awk '{print $3}' || true)
[ "$have_opt" = "$WASM_OPT_VERSION" ] ||
  die "wasm-opt on PATH is '${have_opt:-none}' ($(command -v wasm-opt || echo missing)), expected $WASM_OPT_VERSION from node_modules/.bin"

await_tool wasm-bindgen "$WBG_VERSION"
await_tool leptosfmt "$LEPTOSFMT_VERSION"
await_tool trunk "$TRUNK_VERSION"

say done "in $((SECONDS - T0)) s (toolchain $TC, trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, wasm-opt $WASM_OPT_VERSION)"
