#!/usr/bin/env python3
"""Summarization peers for Synoptic: sumy's LexRank and TextRank, and the lead, on the same stories.

sumy, nupunkt and rouge-score come from PyPI and are installed by this script when the running
Python lacks them: into the venv at ${SYNOPTIC_PEER_VENV:-~/.cache/synoptic/peers} (created with
`python3 -m venv`), under whose Python the script then runs again.

  summaries_peers.py [--check] STORIES.jsonl
      {"id", "words", "articles": [{"title", "text"}], "reference"} per line. For each system and
      story, prints {"peer", "version", "id", "sentences": [...]}: the sentences in the system's
      order, as many as reach the story's word budget ("words"); the caller joins them with spaces,
      cuts them to the budget and scores them. With --check, also prints one line per system
      {"peer", "check": "rouge-score VERSION", "stories", "rouge1", "rouge2", "rougeL"}: the mean F1
      of the same summaries (joined, cut to the budget) by rouge-score itself
      (`RougeScorer(['rouge1', 'rouge2', 'rougeL'], use_stemmer=True)`) against "reference".

The systems:
  lead      the first article's sentences in order.
  lexrank   sumy's LexRankSummarizer (Erkan and Radev, 2004),
  textrank  sumy's TextRankSummarizer (Mihalcea and Tarau, 2004): over the sentences of all the
            story's articles (bodies, in order), every sentence ranked by the summarizer's own
            rating (its `_get_best_sentences` is wrapped to capture the ratings), highest first,
            ties in document order as sumy sorts them; taken in that order until the budget.
Sentences are split by nupunkt (`sent_tokenize`). sumy's own tokenizer needs NLTK's punkt data,
which cannot be downloaded here, so its sentences get a small tokenizer: words are the regex
`\\w+` runs. sumy's English stemmer and stop words are used, as in sumy's own English setup.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

# Set on the re-run under the venv's Python, so a venv whose install failed cannot loop.
REEXEC_MARK = "SYNOPTIC_PEER_REEXEC"

# Import name and PyPI name of what the script needs.
PACKAGES = [("sumy", "sumy"), ("nupunkt", "nupunkt"), ("rouge_score", "rouge-score"), ("numpy", "numpy")]


def missing(python=None):
    """The PyPI names of the packages `python` (default: this one) cannot import."""
    names = []
    for module, package in PACKAGES:
        if python is None:
            try:
                __import__(module)
            except ImportError:
                names.append(package)
        elif subprocess.run([str(python), "-c", f"import {module}"], capture_output=True).returncode != 0:
            names.append(package)
    return names


def ensure_packages():
    """Installs what is missing into the peers' venv and re-runs there; returns when all import."""
    if not missing():
        return
    if os.environ.get(REEXEC_MARK):
        sys.exit(f"{', '.join(missing())} still missing under {sys.executable} after installing")
    venv = Path(os.environ.get("SYNOPTIC_PEER_VENV") or Path.home() / ".cache/synoptic/peers")
    python = venv / "bin/python"
    # Installer output goes to stderr: stdout carries the JSON lines the caller parses.
    if not python.exists():
        print(f"creating the peers' venv at {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, stdout=sys.stderr)
    needed = missing(python)
    if needed:
        print(f"installing {' '.join(needed)} from PyPI into {venv}", file=sys.stderr)
        if subprocess.run([str(python), "-m", "pip", "install", "-q", *needed], stdout=sys.stderr).returncode != 0:
            # One line for the caller to show, not a traceback: the likely cause is no network.
            emit({"peer": "sumy", "missing": f"could not install {' '.join(needed)} into {venv} (no network?)"})
            sys.exit(0)
    os.environ[REEXEC_MARK] = "1"
    os.execv(str(python), [str(python), *sys.argv])


def emit(obj):
    print(json.dumps(obj), flush=True)


WORD = re.compile(r"\w+")


class WordTokenizer:
    """What sumy's Sentence asks of a tokenizer, without NLTK data."""

    language = "english"

    def to_words(self, text):
        return WORD.findall(text)

    def to_sentences(self, text):
        from nupunkt import sent_tokenize

        return sent_tokenize(text)


def ranked(summarizer, sentences, tokenizer):
    """The sentences in the order of the summarizer's ratings, best first (document order on ties)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    if not sentences:
        return []
    captured = {}
    best = summarizer._get_best_sentences

    def capture(document_sentences, count, rating, *args, **kwargs):
        captured["rating"] = rating
        return best(document_sentences, count, rating, *args, **kwargs)

    summarizer._get_best_sentences = capture
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    summarizer(document, 1)
    rating = captured.get("rating")
    if rating is None:
        return []
    rate = (lambda s: rating[s]) if isinstance(rating, dict) else rating
    infos = [(order, text, rate(sentence)) for order, (text, sentence) in enumerate(zip(sentences, document.sentences))]
    infos.sort(key=lambda info: info[2], reverse=True)
    return [text for _, text, _ in infos]


def within(sentences, words):
    """The first sentences that reach `words` words (the caller cuts the last one)."""
    taken, count = [], 0
    for sentence in sentences:
        if count >= words:
            break
        taken.append(sentence)
        count += len(sentence.split())
    return taken


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="also score the summaries with rouge-score")
    parser.add_argument("stories")
    args = parser.parse_args()
    ensure_packages()

    from nupunkt import sent_tokenize
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    with open(args.stories, encoding="utf-8") as f:
        stories = [json.loads(line) for line in f if line.strip()]
    tokenizer = WordTokenizer()
    version = f"sumy {metadata.version('sumy')}, nupunkt {metadata.version('nupunkt')}"

    def summarizer(kind):
        made = kind(Stemmer("english"))
        made.stop_words = get_stop_words("english")
        return made

    systems = {"lexrank": summarizer(LexRankSummarizer), "textrank": summarizer(TextRankSummarizer)}
    summaries = {"lead": [], "lexrank": [], "textrank": []}
    for story in stories:
        articles = story.get("articles") or []
        words = int(story.get("words") or 0)
        split = [sent_tokenize(article.get("text") or "") for article in articles]
        summaries["lead"].append(within(split[0] if split else [], words))
        every = [sentence for sentences in split for sentence in sentences]
        for name, system in systems.items():
            summaries[name].append(within(ranked(system, every, tokenizer), words))
    for name, chosen in summaries.items():
        label = f"nupunkt {metadata.version('nupunkt')} sentences" if name == "lead" else version
        for story, sentences in zip(stories, chosen):
            emit({"peer": name, "version": label, "id": story.get("id"), "sentences": sentences})

    if args.check:
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
        for name, chosen in summaries.items():
            totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
            for story, sentences in zip(stories, chosen):
                words = int(story.get("words") or 0)
                summary = " ".join(" ".join(sentences).split()[:words])
                scores = scorer.score(story.get("reference") or "", summary)
                for key in totals:
                    totals[key] += scores[key].fmeasure
            n = max(len(stories), 1)
            emit({
                "peer": name, "check": f"rouge-score {metadata.version('rouge-score')}", "stories": len(stories),
                **{key: value / n for key, value in totals.items()},
            })


if __name__ == "__main__":
    main()
