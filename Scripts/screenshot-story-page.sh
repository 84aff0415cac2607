#!/usr/bin/env bash
# Writes docs/story-page.png: the story page of the seeds' largest story (../shared/seeds), as
# headless Chromium renders it from `synoptic serve` on 127.0.0.1. Falls back to the bundled
# example when the seeds are absent. Needs Debian's chromium.
#
#   Scripts/screenshot-story-page.sh [OUT.png] [WIDTH]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(realpath -m "${1:-docs/story-page.png}")"
WIDTH="${2:-1200}"
INPUT=../shared/seeds
[ -d "$INPUT" ] || { echo "notice: ../shared/seeds is absent; using Examples/harbor-bridge"; INPUT=Examples/harbor-bridge; }
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)" >&2; exit 1; }

swift build --product synoptic >/dev/null
BIN="$(swift build --show-bin-path)/synoptic"
WORK="$(mktemp -d)"
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
"$BIN" serve --port 0 "$INPUT" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER=$!
for _ in $(seq 1 300); do grep -q '^listening on' "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
BASE="$(sed -n 's/^listening on //p' "$WORK/server.out" | head -1)"
[ -n "$BASE" ] || { cat "$WORK/server.err" >&2; exit 1; }
STORY="$(curl -sf "$BASE/api/stories?limit=200" | python3 -c 'import json,sys; s=json.load(sys.stdin)["stories"]; print(max(s, key=lambda x: x["article_count"])["id"])')"
# The page is long: measure its height in the browser's DOM is not possible without scripts, so
# take a tall window; the page's own background fills the rest.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" \
  --window-size="$WIDTH,${HEIGHT:-3000}" --screenshot="$OUT" "$BASE/stories/$STORY" 2>/dev/null
echo "wrote $OUT ($BASE/stories/$STORY)"
