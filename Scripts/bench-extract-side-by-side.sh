#!/usr/bin/env bash
# The extraction stage of the working tree beside an earlier commit's, in one release binary that
# alternates between them round by round (see Benchmarks/SideBySide/main.swift):
#
#     Scripts/bench-extract-side-by-side.sh REV [ROUNDS]
#
# The earlier commit's SynopticCore and SynopticExtract are exported into a scratch package under
# other module names (OldCore, OldExtract); the working tree's modules are linked in place, so
# an edit is measured after a release build of three modules (a minute or two), not of the whole
# package. Needs ../shared/data; pinned to one core when taskset is there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:?usage: $0 REV [ROUNDS]}"
rounds="${2:-15}"
data="$root/../shared/data"
scratch="${SYNOPTIC_SIDE_BY_SIDE_DIR:-${TMPDIR:-/tmp}/synoptic-side-by-side}"
if [ ! -d "$data" ]; then
    echo "notice: $data is absent; nothing to measure"
    exit 0
fi
mkdir -p "$scratch/Sources/SideBySide"
rm -rf "$scratch/Sources/OldCore" "$scratch/Sources/OldExtract" "$scratch/export"
mkdir -p "$scratch/export"
git -C "$root" archive "$rev" Sources/SynopticCore Sources/SynopticExtract | tar -x -C "$scratch/export"
mv "$scratch/export/Sources/SynopticCore" "$scratch/Sources/OldCore"
mv "$scratch/export/Sources/SynopticExtract" "$scratch/Sources/OldExtract"
grep -rl '^import SynopticCore' "$scratch/Sources/OldCore" "$scratch/Sources/OldExtract" | xargs -r sed -i 's/^import SynopticCore$/import OldCore/'
for module in SynopticCore SynopticText SynopticExtract; do ln -sfn "$root/Sources/$module" "$scratch/Sources/$module"; done
cp "$root/Benchmarks/SideBySide/main.swift" "$scratch/Sources/SideBySide/main.swift"
cat > "$scratch/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SideBySide",
    targets: [
        .target(name: "SynopticCore"),
        .target(name: "SynopticText", dependencies: ["SynopticCore"]),
        .target(name: "SynopticExtract", dependencies: ["SynopticCore"]),
        .target(name: "OldCore"),
        .target(name: "OldExtract", dependencies: ["OldCore"]),
        .executableTarget(name: "SideBySide", dependencies: ["SynopticCore", "SynopticText", "SynopticExtract", "OldCore", "OldExtract"]),
    ]
)
SWIFT
(cd "$scratch" && swift build -c release --product SideBySide 2>&1 | grep -E "error|Compiling|Build" | tail -3)
echo "earlier: $(git -C "$root" log -1 --format='%h %ad' --date=short "$rev"); working tree: $(git -C "$root" log -1 --format='%h' HEAD)$(git -C "$root" diff --quiet -- Sources || echo ' + uncommitted changes')"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$(($(nproc) - 1))"); fi
"${pin[@]}" "$scratch/.build/release/SideBySide" "$data" "$rounds"
