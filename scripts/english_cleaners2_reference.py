#!/usr/bin/env python3
"""Runs the original VITS `english_cleaners2` (jaywalnut310/vits `text/cleaners.py`:
unidecode, lowercase, abbreviations, then Python phonemizer's espeak backend with
punctuation and stress, whitespace collapsed) over English sentences and writes the
cleaned text and the symbol ids `text_to_sequence` gives with that repository's
`text/symbols.py`, for tests/fixtures/text/reference_corpus_english_cleaners2.json.

The reference code is NOT part of this repository: pass a checkout of
https://github.com/jaywalnut310/vits with --reference-repo. eSpeak NG is the
system library (Debian's libespeak-ng1 1.51, which Python phonemizer loads).

Environment (pinned): bash scripts/text_reference_env.sh
Usage:
  .tools/venv-textref/bin/python scripts/english_cleaners2_reference.py --reference-repo /tmp/vits-orig \
      --out tests/fixtures/text/reference_corpus_english_cleaners2.json
"""

import argparse
import json
import sys


def sentences():
    """The [EN] sentences of the two VITS-fast-fine-tuning corpora and the Piper en-us corpus."""
    texts = []
    for path, key in (
        ("tests/fixtures/text/reference_sentences.json", "cjke_cleaners2"),
        ("tests/fixtures/text/reference_sentences_english.json", "cjke_cleaners2"),
    ):
        with open(path, encoding="utf-8") as file:
            for text in json.load(file)[key]:
                if text.startswith("[EN]") and "[ZH]" not in text and text.endswith("[EN]"):
                    texts.append(text[4:-4])
    with open("tests/fixtures/text/piper_corpus.json", encoding="utf-8") as file:
        for case in json.load(file)["cases"]:
            if case.get("voice") == "en-us":
                texts.append(case["text"])
    seen = set()
    return [t for t in texts if not (t in seen or seen.add(t))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference-repo", required=True, help="checkout of jaywalnut310/vits")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.reference_repo)
    from text import cleaners  # noqa: E402  (the reference's own module)
    from text.symbols import symbols  # noqa: E402

    import phonemizer

    table = {s: i for i, s in enumerate(symbols)}
    cases = []
    for text in sentences():
        cleaned = cleaners.english_cleaners2(text)
        # text_to_sequence raises KeyError on a symbol outside the table (`(`,
        # digits): such a case is recorded with those symbols skipped and
        # "raises": true, as VITS-fast-fine-tuning's text_to_sequence skips them.
        ids = [table[c] for c in cleaned if c in table]
        case = {"text": text, "cleaned": cleaned, "ids": ids}
        if any(c not in table for c in cleaned):
            case["raises"] = True
        cases.append(case)
    corpus = {
        "generator": "scripts/english_cleaners2_reference.py",
        "reference": "jaywalnut310/vits text/cleaners.py english_cleaners2 (HEAD)",
        "versions": {"phonemizer": phonemizer.__version__, "espeak-ng": "1.51 (Debian libespeak-ng1)"},
        "symbols": symbols,
        "cases": [],
    }
    lines = [json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in cases]
    head = json.dumps({k: v for k, v in corpus.items() if k != "cases"}, ensure_ascii=False, separators=(",", ":"))
    with open(args.out, "w", encoding="utf-8") as file:
        file.write(head[:-1] + ',"cases":[\n' + ",\n".join(lines) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {args.out}")


if __name__ == "__main__":
    main()
