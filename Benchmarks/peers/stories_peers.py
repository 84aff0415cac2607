#!/usr/bin/env python3
"""Story clustering peer for Synoptic: scikit-learn on the same articles in the same run.

scikit-learn comes from PyPI and is installed by this script when the running Python lacks it: into
the venv at ${SYNOPTIC_PEER_VENV:-~/.cache/synoptic/peers} (created with `python3 -m venv`), under
whose Python the script then runs again.

  stories_peers.py [--thresholds T,T,…] [--same-days N] --eval ARTICLES.jsonl
      {"id", "title", "text", "date": "YYYY-MM-DD" or null} per line. For each variant and each
      threshold, prints one line {"peer", "version", "variant", "threshold", "seconds", "labels":
      {id: cluster}}; the caller scores the labels and keeps the best threshold of each variant.

The method is the standard strong baseline for grouping news reports into stories: TF-IDF over the
headline (written twice, as Synoptic weighs a headline word twice) and the text, with English stop
words and sublinear tf, then average-linkage agglomerative clustering on cosine distance, cut at a
distance threshold (`AgglomerativeClustering(n_clusters=None, linkage="average",
distance_threshold=T)`). Variants:

  text only        cosine distance alone.
  text + same day  as Synoptic reads the date: articles more than N days apart (--same-days, 0 by
                   default: different days) are put beyond any threshold, so they never share a
                   story; undated articles keep their text distance to everything.

Both variants are given the cosine distances precomputed (`metric="precomputed"`): the same
clustering as `metric="cosine"`, which would need the TF-IDF matrix dense, and the only way to add
the date. "seconds" is one whole run from the raw texts to the labels (vectorizing included, Python
start-up and imports not), on one core like the Swift side.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from importlib import metadata
from pathlib import Path

# Set on the re-run under the venv's Python, so a venv whose install failed cannot loop.
REEXEC_MARK = "SYNOPTIC_PEER_REEXEC"

# Cosine distances of TF-IDF vectors lie in [0, 1]; reports of one story are often 0.6-0.9 apart.
DEFAULT_THRESHOLDS = [round(0.50 + 0.02 * step, 2) for step in range(25)]

# Beyond every threshold: two articles this far apart are never merged by average linkage, since
# every cluster then holds articles of one day only and any merge across days averages this.
APART = 10.0


def ensure_sklearn():
    """Imports scikit-learn, installing it into the peers' venv and re-running there when missing."""
    try:
        import sklearn

        return sklearn
    except ImportError:
        if os.environ.get(REEXEC_MARK):
            sys.exit(f"scikit-learn is still missing under {sys.executable} after installing it")
    venv = Path(os.environ.get("SYNOPTIC_PEER_VENV") or Path.home() / ".cache/synoptic/peers")
    python = venv / "bin/python"
    # Installer output goes to stderr: stdout carries the JSON lines the caller parses.
    if not python.exists():
        print(f"creating the peers' venv at {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, stdout=sys.stderr)
    if subprocess.run([str(python), "-c", "import sklearn"], capture_output=True).returncode != 0:
        print(f"installing scikit-learn from PyPI into {venv}", file=sys.stderr)
        if subprocess.run([str(python), "-m", "pip", "install", "-q", "scikit-learn"], stdout=sys.stderr).returncode != 0:
            # One line for the caller to show, not a traceback: the likely cause is no network.
            sys.exit(f"could not install scikit-learn into {venv} (no network?)")
    os.environ[REEXEC_MARK] = "1"
    os.execv(str(python), [str(python), *sys.argv])


def load_articles(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def emit(obj):
    print(json.dumps(obj), flush=True)


def document(article):
    title = article.get("title") or ""
    return "\n".join([title, title, article.get("text") or ""])


def day_numbers(articles):
    """Days since 1970-01-01 per article, None when undated."""
    epoch = date(1970, 1, 1).toordinal()
    days = []
    for article in articles:
        try:
            days.append(date.fromisoformat(article["date"][:10]).toordinal() - epoch)
        except (KeyError, TypeError, ValueError):
            days.append(None)
    return days


def cluster(articles, threshold, same_days):
    """Cluster labels of the articles: one whole run from the texts."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(map(document, articles))
    # Rows are L2-normalized, so the dot product is the cosine similarity.
    distances = 1.0 - (vectors @ vectors.T).toarray()
    np.clip(distances, 0.0, None, out=distances)
    np.fill_diagonal(distances, 0.0)
    if same_days is not None:
        days = day_numbers(articles)
        dated = np.array([d is not None for d in days])
        day = np.array([d if d is not None else 0 for d in days])
        apart = (np.abs(day[:, None] - day[None, :]) > same_days) & dated[:, None] & dated[None, :]
        distances[apart] = APART
    if len(articles) < 2:
        return [0] * len(articles)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold)
    return model.fit_predict(distances).tolist()


def evaluate(articles, thresholds, same_days, version):
    # Imported once here, so no run's seconds include loading the libraries.
    import numpy  # noqa: F401
    import sklearn.cluster  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401

    ids = [article["id"] for article in articles]
    # One untimed run first: the first call pays for the libraries' lazy set-up, not the clustering.
    cluster(articles, thresholds[0], same_days)
    for variant, days in (("text only", None), ("text + same day", same_days)):
        for threshold in thresholds:
            start = time.perf_counter()
            labels = cluster(articles, threshold, days)
            seconds = time.perf_counter() - start
            emit({
                "peer": "scikit-learn agglomerative", "version": version, "variant": variant, "threshold": threshold,
                "seconds": seconds, "labels": dict(zip(ids, labels)),
            })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", metavar="ARTICLES.jsonl", required=True)
    parser.add_argument("--thresholds", help="comma-separated cosine distances (default 0.50 to 0.98 by 0.02)")
    parser.add_argument("--same-days", type=int, default=0, help="days apart still counted as one day (default 0)")
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")] if args.thresholds else DEFAULT_THRESHOLDS
    ensure_sklearn()
    # One core, like the Swift side: the peer must not gain from the machine's other cores.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    evaluate(load_articles(args.eval), thresholds, args.same_days, metadata.version("scikit-learn"))


if __name__ == "__main__":
    main()
