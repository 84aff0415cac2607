#!/usr/bin/env python3
"""Sentence segmentation peers for Synoptic, run on the same texts in the same run.

Peers: pySBD (rule-based, Golden Rules) and spaCy's rule-based sentencizer (no model download).
Install them with: pip install pysbd spacy

  segment_peers.py TEXTS.jsonl          speed: {"text": ...} per line; prints seconds and sentences
  segment_peers.py --eval ITEMS.jsonl   quality: {"text", "boundaries": [offsets]} per line; prints
                                        boundary precision, recall and F1 (offsets in code points)

Prints one JSON object per peer; a peer that is not installed is reported as {"missing": true}.
"""
import json
import sys
import time


def peers():
    found = []
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        found.append(("pysbd " + getattr(pysbd, "__version__", ""), lambda t: [s.start for s in seg.segment(t)]))
    except ImportError:
        found.append(("pysbd", None))
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10_000_000
        found.append(("spacy-sentencizer " + spacy.__version__, lambda t: [s.start_char for s in nlp(t).sents]))
    except ImportError:
        found.append(("spacy-sentencizer", None))
    return found


def starts_after_first(text, starts):
    """Sentence starts after the first, moved past any whitespace a peer leaves in front."""
    result = []
    for start in starts[1:]:
        while start < len(text) and text[start].isspace():
            start += 1
        result.append(start)
    return result


def main():
    args = sys.argv[1:]
    evaluate = args and args[0] == "--eval"
    path = args[-1]
    with open(path, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    for name, segment in peers():
        if segment is None:
            print(json.dumps({"peer": name, "missing": True}), flush=True)
            continue
        start = time.perf_counter()
        if evaluate:
            tp = predicted = gold = 0
            for item in items:
                found = set(starts_after_first(item["text"], segment(item["text"])))
                expected = set(item["boundaries"])
                tp += len(found & expected)
                predicted += len(found)
                gold += len(expected)
            p = tp / predicted if predicted else 0.0
            r = tp / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(json.dumps({"peer": name, "precision": p, "recall": r, "f1": f, "true_positives": tp, "predicted": predicted, "gold": gold}), flush=True)
        else:
            count = sum(len(segment(item["text"])) for item in items)
            size = sum(len(item["text"].encode("utf-8")) for item in items)
            print(json.dumps({"peer": name, "seconds": time.perf_counter() - start, "bytes": size, "sentences": count}), flush=True)


if __name__ == "__main__":
    main()
