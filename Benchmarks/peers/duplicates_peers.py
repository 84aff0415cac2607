#!/usr/bin/env python3
"""Duplicate-detection peer for Synoptic: datasketch's MinHashLSH on the same generated set, same run.

datasketch comes from PyPI and is installed by this script when the running Python lacks it: into
the venv at ${SYNOPTIC_PEER_VENV:-~/.cache/synoptic/peers} (created with `python3 -m venv`), under
whose Python the script then runs again.

  duplicates_peers.py [--runs N] [--thresholds 0.3,0.5,0.7] --eval TEXTS.jsonl
      TEXTS.jsonl holds {"text"} per line, in stream order. For each threshold prints one line
      {"peer", "version", "threshold", "num_perm", "bands", "rows", "pairs": [[i, j], ...],
       "seconds", "minhash_seconds", "lsh_seconds"}: the pairs of stream positions reported
      and the best-of-N time on one core.

The texts are read as datasketch's documentation shows: lowercase word 5-gram shingles (words are
runs of `\\w`, the same shingle size as Synoptic), `MinHash.bulk` with 128 permutations (the
datasketch default hash, sha1 of the shingle's UTF-8 bytes), then for each text in stream order
`query` (the earlier texts it collides with are its reported pairs) and `insert`. MinHashLSH picks
its bands and rows for the threshold; its candidates are what it reports (it keeps no shingle sets
to verify against).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

# Set on the re-run under the venv's Python, so a venv whose install failed cannot loop.
REEXEC_MARK = "SYNOPTIC_PEER_REEXEC"
SHINGLE = 5
NUM_PERM = 128
WORD = re.compile(r"\w+")


def ensure_datasketch():
    """Imports datasketch, installing it into the peers' venv and re-running there when missing."""
    try:
        import datasketch

        return datasketch
    except ImportError:
        if os.environ.get(REEXEC_MARK):
            sys.exit(f"datasketch is still missing under {sys.executable} after installing it")
    venv = Path(os.environ.get("SYNOPTIC_PEER_VENV") or Path.home() / ".cache/synoptic/peers")
    python = venv / "bin/python"
    # Installer output goes to stderr: stdout carries the JSON lines the caller parses.
    if not python.exists():
        print(f"creating the peers' venv at {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, stdout=sys.stderr)
    if subprocess.run([str(python), "-c", "import datasketch"], capture_output=True).returncode != 0:
        print(f"installing datasketch from PyPI into {venv}", file=sys.stderr)
        if subprocess.run([str(python), "-m", "pip", "install", "-q", "datasketch"], stdout=sys.stderr).returncode != 0:
            emit({"peer": "datasketch MinHashLSH", "missing": "pip could not install datasketch (no network?)"})
            sys.exit(0)
    os.environ[REEXEC_MARK] = "1"
    os.execv(str(python), [str(python), *sys.argv])


def emit(obj):
    print(json.dumps(obj), flush=True)


def shingles(text):
    words = WORD.findall(text.lower())
    if not words:
        return []
    return [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))]


def best_of(runs, work):
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def evaluate(datasketch, texts, version, thresholds, runs):
    # One core, like the Swift side: the peer must not gain from the machine's other cores.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    MinHash, MinHashLSH = datasketch.MinHash, datasketch.MinHashLSH

    def signatures():
        return MinHash.bulk([set(shingles(text)) for text in texts], num_perm=NUM_PERM)

    minhash_seconds, minhashes = best_of(runs, signatures)
    for threshold in thresholds:
        def index():
            lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
            pairs = []
            for position, m in enumerate(minhashes):
                if not texts[position].strip():
                    continue
                pairs.extend([earlier, position] for earlier in lsh.query(m))
                lsh.insert(position, m)
            return lsh, pairs

        lsh_seconds, (lsh, pairs) = best_of(runs, index)
        emit({
            "peer": "datasketch MinHashLSH", "version": version, "threshold": threshold, "num_perm": NUM_PERM,
            "bands": lsh.b, "rows": lsh.r, "pairs": pairs, "seconds": minhash_seconds + lsh_seconds,
            "minhash_seconds": minhash_seconds, "lsh_seconds": lsh_seconds,
        })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", metavar="TEXTS.jsonl", required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--thresholds", default="0.3,0.5,0.7")
    args = parser.parse_args()
    datasketch = ensure_datasketch()
    with open(args.eval, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    evaluate(datasketch, texts, metadata.version("datasketch"), thresholds, max(1, args.runs))


if __name__ == "__main__":
    main()
