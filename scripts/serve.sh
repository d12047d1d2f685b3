#!/usr/bin/env bash
# Development server: runs setup, then `trunk serve` (offline, debug build, live reload) on
# 127.0.0.1 only. Port from $PORT (default 8080).
#
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh
#
# Demo mode: the app runs on its bundled demo tenants (fixtures/) unless it is configured
# for a live tenant, so a plain `trunk serve` is demo mode. Extra query for the printed address
# (e.g. a tenant) can be given in $TIER1_QUERY, e.g. TIER1_QUERY='?tenant=aurora'.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh

PORT="${PORT:-8080}"
case "$PORT" in '' | *[!0-9]*) echo "serve: PORT must be a number, got '$PORT'" >&2; exit 2 ;; esac

# Build into target/ rather than dist/, so a running dev server never clobbers (or is clobbered
# by) the release build that scripts/test.sh checks.
SERVE_DIST="${CARGO_TARGET_DIR:-$ROOT/target}/trunk-serve"

echo
echo "=================================================================="
echo "  Tier1 (demo mode) will be served at:  http://127.0.0.1:$PORT/${TIER1_QUERY:-}"
echo "  (first build takes a few minutes; Ctrl-C to stop)"
echo "=================================================================="
echo
exec trunk serve --offline --address 127.0.0.1 --port "$PORT" --disable-address-lookup --open=false \
  --dist "$SERVE_DIST"
