#!/usr/bin/env python3
"""Sentence segmentation peers for synoptic-bench, run on the same sample in the same run.

Reads a JSON Lines file of {"text": ...} articles and segments every article with each peer that is
installed: pySBD (rule-based, Golden Rules) and spaCy's rule-based sentencizer (no model download).
Prints one JSON object per peer: {"peer", "seconds", "bytes", "sentences"}.
Install: pip install pysbd spacy
"""
import json
import sys
import time


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def run(name, segment, texts):
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    count = 0
    for text in texts:
        count += segment(text)
    seconds = time.perf_counter() - start
    print(json.dumps({"peer": name, "seconds": seconds, "bytes": size, "sentences": count}), flush=True)


def main():
    texts = load(sys.argv[1])
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        run("pysbd " + getattr(pysbd, "__version__", ""), lambda t: len(seg.segment(t)), texts)
    except ImportError:
        print(json.dumps({"peer": "pysbd", "missing": True}), flush=True)
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10_000_000
        run("spacy-sentencizer " + spacy.__version__, lambda t: sum(1 for _ in nlp(t).sents), texts)
    except ImportError:
        print(json.dumps({"peer": "spacy-sentencizer", "missing": True}), flush=True)


if __name__ == "__main__":
    main()
