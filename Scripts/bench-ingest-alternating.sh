#!/usr/bin/env bash
# Two builds of synoptic-bench timed on the ingest benchmark in alternation, A then B, round after
# round, pinned to one core, so that both see the same machine (this VM's speed drifts by a fifth
# within minutes, and figures from different times do not compare):
#
#     Scripts/bench-ingest-alternating.sh A_BENCH B_BENCH [ROUNDS] [COUNT] [-- EXTRA ARGS FOR B]
#
# A_BENCH and B_BENCH are release synoptic-bench executables (build each checkout with
# `swift build -c release --product synoptic-bench`). Prints each run's two passes (new articles,
# all duplicates) in articles per CPU second, then each build's range and the ratio of medians.
# Needs ../shared/data (found from the working directory, as the benchmark finds it).
set -euo pipefail
a="${1:?usage: $0 A_BENCH B_BENCH [ROUNDS] [COUNT] [-- EXTRA ARGS FOR B]}"
b="${2:?usage: $0 A_BENCH B_BENCH [ROUNDS] [COUNT] [-- EXTRA ARGS FOR B]}"
rounds="${3:-5}"
count="${4:-3000}"
shift $(($# < 4 ? $# : 4))
[ "${1:-}" = "--" ] && shift
extra=("$@")
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
out="$(mktemp -d)"
for round in $(seq 1 "$rounds"); do
    for side in A B; do
        bin="$a"; args=()
        if [ "$side" = B ]; then bin="$b"; args=("${extra[@]}"); fi
        "${pin[@]}" "$bin" --ingest --count "$count" --no-stages "${args[@]}" > "$out/$side.$round.txt"
        new=$(grep -m1 "new articles" "$out/$side.$round.txt" | sed -E 's/.* ([0-9]+) per CPU second.*/\1/')
        dup=$(grep -m1 "all duplicates" "$out/$side.$round.txt" | sed -E 's/.* ([0-9]+) per CPU second.*/\1/')
        echo "round $round $side: new $new/s, duplicates $dup/s"
        echo "$new" >> "$out/$side.new"
    done
done
for side in A B; do
    echo "$side new articles per CPU second: $(sort -n "$out/$side.new" | paste -sd' ')"
done
python3 - "$out/A.new" "$out/B.new" <<'PY'
import statistics, sys
a = [float(x) for x in open(sys.argv[1])]
b = [float(x) for x in open(sys.argv[2])]
print(f"A {min(a):.0f}-{max(a):.0f} (median {statistics.median(a):.0f}), B {min(b):.0f}-{max(b):.0f} (median {statistics.median(b):.0f}), B/A medians {statistics.median(b)/statistics.median(a):.2f}")
PY
rm -rf "$out"
