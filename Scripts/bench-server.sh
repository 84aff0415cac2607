#!/usr/bin/env bash
# Load test of `synoptic serve` with wrk (Debian's `wrk`): the cached JSON briefing of a story, then
# POSTs of new articles. Builds release, serves the bundled example on 127.0.0.1 (a free port),
# and prints requests/s, latency percentiles and errors for each run.
#
#   Scripts/bench-server.sh [SECONDS] [CONNECTIONS]      (defaults: 30 s, 64 connections, 2 threads)
#
# Goals (issue 7): >= 2,000 requests/s with p99 < 50 ms and zero errors on the briefing; >= 200 POSTs/s.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
CONNECTIONS="${2:-64}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

swift build -c release --product synoptic >/dev/null
BIN="$(swift build -c release --show-bin-path)/synoptic"
WORK="$(mktemp -d)"
cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

"$BIN" serve --port 0 Examples/harbor-bridge >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER=$!
for _ in $(seq 1 100); do grep -q '^listening on' "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
BASE="$(sed -n 's/^listening on //p' "$WORK/server.out" | head -1)"
[ -n "$BASE" ] || { cat "$WORK/server.err" >&2; echo "the server did not start" >&2; exit 1; }
STORY="$(curl -sf "$BASE/api/stories?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])')"
curl -sf -o /dev/null "$BASE/api/stories/$STORY"   # render once; the rest are served from memory

echo "== GET $BASE/api/stories/$STORY (cached JSON briefing), ${DURATION}s, 2 threads, $CONNECTIONS connections"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE/api/stories/$STORY" | tee "$WORK/get.txt"

# Each POST carries a new article (thread and counter in its text), so every one is stored.
cat >"$WORK/post.lua" <<'LUA'
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  topics = {"bridge", "harbor", "ferry", "tunnel", "canal", "railway", "airport", "market"}
end
function request()
  counter = counter + 1
  local topic = topics[(counter % #topics) + 1]
  local body = string.format(
    '{"title":"The %s report %d-%d","outlet":"Bench Outlet %d","published":"2026-03-%02d","text":"The %s works numbered %d-%d were finished on Tuesday, the city said. Crews replaced %d panels at a cost of %d dollars. \\"We are done,\\" said inspector Lee %d."}',
    topic, tid, counter, counter % 7, (counter % 27) + 1, topic, tid, counter, counter % 90 + 3, counter * 17, counter)
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
LUA
echo
echo "== POST $BASE/api/articles (a new article each), ${DURATION}s, 2 threads, 8 connections"
wrk -t2 -c8 -d"${DURATION}s" --latency -s "$WORK/post.lua" "$BASE/api/articles" | tee "$WORK/post.txt"
echo
curl -sf "$BASE/health"; echo
