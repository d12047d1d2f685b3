#!/usr/bin/env bash
# Development server: runs setup, then `trunk serve` (offline, debug build, live reload) on
# 127.0.0.1 only. Port from $PORT (default 8080).
#
#   bash scripts/serve.sh            # http://127.0.0.1:8080/ (demo mode)
#   PORT=9000 bash scripts/serve.sh
#   bash scripts/serve.sh rest       # REST mode against tools/graph-server (the demo tenant served on the
#                                    # Graph paths at 127.0.0.1:$GRAPH_PORT, default 8787), proxied by
#                                    # trunk serve under /graph (config/rest-dev.json). Faults can be
#                                    # switched on while it runs: see tools/graph-server/README.md.
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

MODE="${1:-demo}"
case "$MODE" in demo | rest) ;; *) echo "serve: mode must be 'demo' or 'rest', got '$MODE'" >&2; exit 2 ;; esac
PORT="${PORT:-8080}"
GRAPH_PORT="${GRAPH_PORT:-8787}"
for port in "$PORT" "$GRAPH_PORT"; do
  case "$port" in '' | *[!0-9]*) echo "serve: ports must be numbers, got '$port'" >&2; exit 2 ;; esac
done

# The dev server builds in a directory of its own (beside the suite's shared one), so a rebuild on save
# never overwrites what a running scripts/test.sh compiled, and into its own dist, never the release
# build the suite checks.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}-serve"
SERVE_DIST="$CARGO_TARGET_DIR/trunk-serve"

PROXY_ARGS=()
if [ "$MODE" = rest ]; then
  cargo build --offline -p tier1-graph-server
  "${CARGO_TARGET_DIR:-$ROOT/target}/debug/tier1-graph-server" --port "$GRAPH_PORT" &
  GRAPH_PID=$!
  trap 'kill "$GRAPH_PID" 2>/dev/null' EXIT INT TERM
  export TIER1_CONFIG="$ROOT/config/rest-dev.json"
  PROXY_ARGS=(--proxy-backend "http://127.0.0.1:$GRAPH_PORT/" --proxy-rewrite /graph/)
fi

echo
echo "=================================================================="
echo "  Tier1 ($MODE mode) will be served at:  http://127.0.0.1:$PORT/${TIER1_QUERY:-}"
[ "$MODE" = rest ] && echo "  Graph test server: http://127.0.0.1:$GRAPH_PORT/ (proxied at /graph/)"
echo "  (first build takes a few minutes; Ctrl-C to stop)"
echo "=================================================================="
echo
trunk serve --offline --address 127.0.0.1 --port "$PORT" --disable-address-lookup --open=false \
  --dist "$SERVE_DIST" "${PROXY_ARGS[@]}"
