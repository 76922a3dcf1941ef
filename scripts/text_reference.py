#!/usr/bin/env python3
"""Runs the reference text pipeline (VITS-fast-fine-tuning's own cleaners) over a
list of sentences and writes the cleaned text and symbol ids it produces, for
tests/fixtures/text/reference_corpus.json.

The reference code is NOT part of this repository: pass a checkout of
https://github.com/Plachtaa/VITS-fast-fine-tuning with --reference-repo. Its
`text/cleaners.py` imports Japanese, Korean, Sanskrit and Thai modules whose
dependencies (pyopenjtalk, ko_pron, indic_transliteration, num_thai) are not
installed; they are replaced by stubs that raise, so only the cleaners whose
Chinese/English/Korean parts are used here run, and they run unmodified.
`text/korean.py` itself runs (with jamo, pinned); only `ko_pron`, which
`korean_cleaners` does not call, is a stub.

Environment (pinned): bash scripts/text_reference_env.sh
Usage:
  python scripts/text_reference.py --reference-repo /path/to/VITS-fast-fine-tuning \
      --sentences tests/fixtures/text/reference_sentences.json \
      --out tests/fixtures/text/reference_corpus.json
  python scripts/text_reference.py --reference-repo PATH --cleaner chinese_cleaners --text '你好'
"""

import argparse
import json
import logging
import sys
import types

# Symbol sets by cleaner, from the reference repository's text/symbols.py
# (the active cjke_cleaners2 block and the commented blocks naming their
# cleaner) -- read from the checkout, never written here.
_SYMBOL_BLOCK_CLEANERS = {
    "chinese_cleaners": "chinese_cleaners",
    "zh_ja_mixture_cleaners": "zh_ja_mixture_cleaners",
    "cjks_cleaners": "cjks_cleaners",
    "cjke_cleaners2": "cjke_cleaners2",
}

_STUBS = {
    "text.japanese": [
        "japanese_to_romaji_with_accent",
        "japanese_to_ipa",
        "japanese_to_ipa2",
        "japanese_to_ipa3",
    ],
    "text.sanskrit": ["devanagari_to_ipa"],
    "text.thai": ["num_to_thai", "latin_to_thai"],
}


def _install_stubs():
    ko_pron = types.ModuleType("ko_pron")

    def romanise(*_args):
        raise NotImplementedError("ko_pron is not available in this reference run")

    ko_pron.romanise = romanise
    sys.modules["ko_pron"] = ko_pron
    for name, functions in _STUBS.items():
        module = types.ModuleType(name)
        for function in functions:

            def stub(*_args, _name=function):
                raise NotImplementedError(f"{_name} is not available in this reference run")

            setattr(module, function, stub)
        sys.modules[name] = module


def _symbol_sets(repo):
    """Parses text/symbols.py's blocks: '# <cleaner>' then _pad/_punctuation/_letters."""
    sets = {}
    current = None
    values = {}
    with open(f"{repo}/text/symbols.py", encoding="utf-8") as file:
        for raw in file:
            line = raw.strip().lstrip("'").strip()
            line = line.lstrip("#").strip()
            if line.endswith("_cleaners") or line.endswith("_cleaners2"):
                current = line.split()[-1]
                values = {}
                continue
            for key in ("_pad", "_punctuation", "_letters"):
                if line.startswith(key + " ") or line.startswith(key + "="):
                    values[key] = eval(line.split("=", 1)[1].strip())  # noqa: S307 (a string literal)
            if current and len(values) == 3:
                sets[current] = [values["_pad"]] + list(values["_punctuation"]) + list(values["_letters"])
                current = None
    return sets


def _write_compact(path, corpus):
    """One case per line, so diffs of a regenerated corpus stay readable."""
    head = {k: v for k, v in corpus.items() if k != "cases"}
    lines = [json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in corpus["cases"]]
    with open(path, "w", encoding="utf-8") as file:
        file.write(json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1])
        file.write(',"cases":[\n' + ",\n".join(lines) + "\n]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference-repo", required=True, help="checkout of Plachtaa/VITS-fast-fine-tuning")
    parser.add_argument("--sentences", help="JSON: {cleaner: [sentence, ...]}")
    parser.add_argument("--out", help="where to write the corpus JSON")
    parser.add_argument("--cleaner", help="run one cleaner on --text")
    parser.add_argument("--text", help="the text for --cleaner")
    args = parser.parse_args()

    _install_stubs()
    sys.path.insert(0, args.reference_repo)
    import jieba  # noqa: E402

    jieba.setLogLevel(logging.ERROR)
    from text import cleaners  # noqa: E402  (the reference's own module)

    sets = _symbol_sets(args.reference_repo)

    def run(cleaner, text):
        cleaned = getattr(cleaners, cleaner)(text)
        table = {s: i for i, s in reversed(list(enumerate(sets[cleaner])))}
        # text_to_sequence: characters not in the table are skipped.
        ids = [table[c] for c in cleaned if c in table]
        return cleaned, ids

    if args.cleaner:
        cleaned, ids = run(args.cleaner, args.text)
        print(json.dumps({"cleaned": cleaned, "ids": ids}, ensure_ascii=False))
        return

    with open(args.sentences, encoding="utf-8") as file:
        sentences = json.load(file)
    import cn2an
    import eng_to_ipa
    import jamo
    import pypinyin

    corpus = {
        "generator": "scripts/text_reference.py",
        "reference": "Plachtaa/VITS-fast-fine-tuning text/cleaners.py (HEAD)",
        "versions": {
            "jieba": jieba.__version__,
            "pypinyin": pypinyin.__version__,
            "cn2an": getattr(cn2an, "__version__", "0.5.24"),
            "eng_to_ipa": getattr(eng_to_ipa, "__version__", "0.0.2"),
            "jamo": getattr(jamo, "__version__", "0.4.1"),
        },
        "symbols": {cleaner: sets[cleaner] for cleaner in sentences},
        "cases": [],
    }
    for cleaner, texts in sentences.items():
        for text in texts:
            cleaned, ids = run(cleaner, text)
            corpus["cases"].append({"cleaner": cleaner, "text": text, "cleaned": cleaned, "ids": ids})
    _write_compact(args.out, corpus)
    print(f"wrote {len(corpus['cases'])} cases to {args.out}")


if __name__ == "__main__":
    main()
