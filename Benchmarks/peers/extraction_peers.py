#!/usr/bin/env python3
"""Article extraction peer for Synoptic: trafilatura on the same pages in the same run.

trafilatura comes from PyPI and is installed by this script when the running Python lacks it: into
the venv at ${SYNOPTIC_PEER_VENV:-~/.cache/synoptic/peers} (created with `python3 -m venv`), under
whose Python the script then runs again.

  extraction_peers.py --eval PAGES.jsonl            {"id", "html"} per line; prints {"id", "text"} per
                                                    page, then {"peer", "version", "seconds"}
  extraction_peers.py [--runs N] --speed PAGES.jsonl  best of N runs on one core; prints one line
                                                    {"peer", "version", "pages", "bytes", "seconds",
                                                    "pages_per_second", "mb_per_second"} for
                                                    trafilatura and one for lxml's bare parse

Extraction uses the settings of the benchmark's own runner (scrapinghub/article-extraction-benchmark,
extractors/run_trafilatura.py): `trafilatura.extract(html, include_comments=False)` on the page
decoded as UTF-8, so its scores here compare with the published ones.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

# Set on the re-run under the venv's Python, so a venv whose install failed cannot loop.
REEXEC_MARK = "SYNOPTIC_PEER_REEXEC"


def ensure_trafilatura():
    """Imports trafilatura, installing it into the peers' venv and re-running there when missing."""
    try:
        import trafilatura

        return trafilatura
    except ImportError:
        if os.environ.get(REEXEC_MARK):
            sys.exit(f"trafilatura is still missing under {sys.executable} after installing it")
    venv = Path(os.environ.get("SYNOPTIC_PEER_VENV") or Path.home() / ".cache/synoptic/peers")
    python = venv / "bin/python"
    # Installer output goes to stderr: stdout carries the JSON lines the caller parses.
    if not python.exists():
        print(f"creating the peers' venv at {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, stdout=sys.stderr)
    if subprocess.run([str(python), "-c", "import trafilatura"], capture_output=True).returncode != 0:
        print(f"installing trafilatura from PyPI into {venv}", file=sys.stderr)
        # lxml_html_clean by name: trafilatura's jusText asks for lxml's `html_clean` extra, which
        # recent lxml releases no longer declare, so pip skips it and the import fails.
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "trafilatura", "lxml_html_clean"], check=True, stdout=sys.stderr)
    os.environ[REEXEC_MARK] = "1"
    os.execv(str(python), [str(python), *sys.argv])


def load_pages(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def emit(obj):
    print(json.dumps(obj), flush=True)


def evaluate(trafilatura, pages, version):
    seconds = 0.0
    for page in pages:
        start = time.perf_counter()
        text = trafilatura.extract(page["html"], include_comments=False)
        seconds += time.perf_counter() - start
        emit({"id": page["id"], "text": text or ""})
    emit({"peer": "trafilatura", "version": version, "seconds": seconds})


def best_of(runs, htmls, work):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for html in htmls:
            work(html)
        best = min(best, time.perf_counter() - start)
    return best


def speed(trafilatura, pages, version, runs):
    # One core, like the Swift side: the peers must not gain from the machine's other cores.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    htmls = [page["html"] for page in pages]
    size = sum(len(html.encode("utf-8")) for html in htmls)
    timed = [("trafilatura", version, lambda html: trafilatura.extract(html, include_comments=False))]
    try:
        import lxml.etree
        import lxml.html

        # The Python parse floor: what trafilatura pays before extracting anything.
        # lxml's wheels bundle their own libxml2, often newer than the system's the Swift side links.
        lxml_version = f'{metadata.version("lxml")}, libxml2 {".".join(map(str, lxml.etree.LIBXML_VERSION))}'
        timed.append(("lxml.html.fromstring", lxml_version, lxml.html.fromstring))
    except ImportError:
        pass
    for name, peer_version, work in timed:
        seconds = best_of(runs, htmls, work)
        emit({
            "peer": name, "version": peer_version, "pages": len(htmls), "bytes": size, "seconds": seconds,
            "pages_per_second": len(htmls) / seconds, "mb_per_second": size / 1e6 / seconds,
        })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--eval", metavar="PAGES.jsonl")
    mode.add_argument("--speed", metavar="PAGES.jsonl")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    trafilatura = ensure_trafilatura()
    version = metadata.version("trafilatura")
    if args.eval:
        evaluate(trafilatura, load_pages(args.eval), version)
    else:
        speed(trafilatura, load_pages(args.speed), version, max(1, args.runs))


if __name__ == "__main__":
    main()
