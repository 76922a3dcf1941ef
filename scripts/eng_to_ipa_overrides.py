#!/usr/bin/env python3
"""Writes edge/text/_eng_to_ipa_overrides.ts: the words for which eng_to_ipa
0.0.2 (the reference's English transcriber) reads differently from our npm
dictionary path, with eng_to_ipa's reading.

eng_to_ipa looks words up in its own SQLite copy of the CMU Pronouncing
Dictionary (`eng_to_ipa/resources/CMU_dict.db`, CMU 0.7b era); we look them up
in npm `cmu-pronouncing-dictionary` (a newer cmudict). Both go through the same
transcription (eng_to_ipa's `cmu_to_ipa`: stress placement, symbol table,
variants sorted and the last kept), which edge/text/english_ipa.ts reproduces.
For every word a text can reach (ASCII, lowercase, no outer punctuation, no
space) this script transcribes eng_to_ipa's variants and the npm variants with
eng_to_ipa's own `cmu_to_ipa`, and keeps the words where they differ:

- `word ipa`: eng_to_ipa reads `ipa` (the npm path reads something else, or
  does not know the word);
- `word`: eng_to_ipa does not know the word (it prints `word*`), the npm
  dictionary does.

With --expect it also writes every such word, and every word of eng_to_ipa's
dictionary, with what `eng_to_ipa.convert(word)` itself returns, as
`word<TAB>ipa` lines, for scripts/eng_to_ipa_overrides_check.ts; with
--sample a small deterministic sample of those lines for the unit test
(tests/fixtures/text/eng_to_ipa_sample.tsv).

Environment (pinned): bash scripts/text_reference_env.sh
Usage:
  .tools/venv-textref/bin/python scripts/eng_to_ipa_overrides.py \\
      --out edge/text/_eng_to_ipa_overrides.ts \\
      --expect /tmp/eng_to_ipa_expect.tsv \\
      --sample tests/fixtures/text/eng_to_ipa_sample.tsv
"""

import argparse
import collections
import json
import random
import re
import sqlite3
from importlib import metadata
from os.path import dirname, join

import eng_to_ipa
from eng_to_ipa import transcribe

NPM_DICTIONARY = "node_modules/cmu-pronouncing-dictionary/index.js"
PUNCT = "!\"#$%&'()*+,-./:;<=>/?@[\\]^_`{|}~«» "
CONVERT_CHUNK = 2000


def eng_to_ipa_dictionary():
    """word -> CMU variants, from eng_to_ipa's SQLite database (rowid order)."""
    path = join(dirname(transcribe.__file__), "resources", "CMU_dict.db")
    rows = sqlite3.connect(path).execute(
        "SELECT word, phonemes FROM dictionary ORDER BY id")
    words = collections.defaultdict(list)
    for word, phonemes in rows:
        words[word].append(phonemes)
    return words


def uncomment(phones):
    """Lowercase CMU phones without cmudict's trailing `# comment`."""
    return phones.split("#")[0].strip().lower()


def npm_dictionary(path):
    """word -> CMU variants, lowercased, as english_ipa.ts reads them:
    `word`, then `word(2)`, `word(3)`, … up to the first gap (at most 9),
    each without its ` # comment` (`AO1 L B AO0 R G # place, danish`)."""
    with open(path, encoding="utf-8") as source:
        text = source.read()
    entries = json.loads(text[text.index("= {") + 2:text.rindex("}") + 1])
    words = {}
    for key, phones in entries.items():
        if re.search(r"\(\d+\)$", key):
            continue
        variants = [uncomment(phones)]
        for n in range(2, 10):
            more = entries.get(f"{key}({n})")
            if more is None:
                break
            variants.append(uncomment(more))
        words[key] = variants
    return words


def reachable(word):
    """True when a text word can reach the lookup as exactly this key (ASCII:
    the text went through unidecode; no outer punctuation, no space)."""
    return (word.isascii() and word == word.strip(PUNCT) and
            word == word.lower() and word.split() == [word])


def transcribe_variants(variants):
    """eng_to_ipa's reading of one word from its CMU variants (get_top)."""
    return transcribe.cmu_to_ipa([variants])[0][-1]


def convert_words(words):
    """eng_to_ipa.convert on each word, in chunks of one call each."""
    out = []
    for start in range(0, len(words), CONVERT_CHUNK):
        chunk = words[start:start + CONVERT_CHUNK]
        ipa = eng_to_ipa.convert(chunk).split(" ")
        assert len(ipa) == len(chunk), (chunk[0], len(ipa))
        out.extend(ipa)
    return dict(zip(words, out))


def overrides(reference, npm):
    """The table lines, sorted by word."""
    lines = []
    for word in sorted(set(reference) | set(npm)):
        if not reachable(word):
            continue
        want = (transcribe_variants(reference[word])
                if word in reference else None)
        got = transcribe_variants(npm[word]) if word in npm else None
        if want == got:
            continue
        for text in (word, want or ""):
            assert not re.search(r"[\s`\\]|\$\{", text), text
        lines.append(word if want is None else f"{word} {want}")
    return lines


HEADER = '''/**
 * Words eng_to_ipa 0.0.2 reads differently from npm
 * `cmu-pronouncing-dictionary` {npm_version} ({count} words: {changed} read
 * otherwise, {removed} unknown to eng_to_ipa). One word a line: `word ipa`
 * (eng_to_ipa's reading, before english_to_ipa2's rewrites) or `word` alone
 * (eng_to_ipa has no entry, so it prints `word*`). Generated, do not edit:
 *
 *     .tools/venv-textref/bin/python scripts/eng_to_ipa_overrides.py \\
 *       --out edge/text/_eng_to_ipa_overrides.ts
 *
 * Derived from eng_to_ipa's copy of the CMU Pronouncing Dictionary
 * (`eng_to_ipa/resources/CMU_dict.db`) through eng_to_ipa's transcription.
 *
 * CMU Pronouncing Dictionary: Copyright (C) 1993-2014 Carnegie Mellon
 * University. All rights reserved. Redistribution and use in source and
 * binary forms, with or without modification, are permitted provided that
 * redistributions retain this copyright notice, this list of conditions and
 * the following disclaimer. THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON
 * UNIVERSITY "AS IS" AND ANY EXPRESSED OR IMPLIED WARRANTIES, INCLUDING, BUT
 * NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
 * A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL CARNEGIE MELLON
 * UNIVERSITY NOR ITS EMPLOYEES BE LIABLE FOR ANY DIRECT, INDIRECT,
 * INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
 * LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA,
 * OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
 * LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
 * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 * (cmusphinx/cmudict `COPYING`.)
 *
 * eng_to_ipa: MIT License, Copyright (c) 2018 Michael Phillips. Permission is
 * hereby granted, free of charge, to any person obtaining a copy of this
 * software and associated documentation files (the "Software"), to deal in
 * the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions: The above
 * copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
 * "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 * NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
 * PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 * HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN
 * ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
 * CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 * (mphilli/English-to-IPA `LICENSE`; the 0.0.2 wheel's METADATA names none.)
 *
 * @see https://github.com/mphilli/English-to-IPA
 * @see https://github.com/cmusphinx/cmudict
 * @module
 */

/** `word ipa` or `word` lines, sorted by word. */
export const ENG_TO_IPA_OVERRIDES = `
'''


def write_module(path, lines, npm_version):
    removed = sum(1 for line in lines if " " not in line)
    header = HEADER.format(npm_version=npm_version, count=len(lines),
                           changed=len(lines) - removed, removed=removed)
    with open(path, "w", encoding="utf-8") as out:
        out.write(header + "\n".join(lines) + "\n`;\n")


def write_expectations(path, sample_path, reference, npm):
    """Every reachable word of either dictionary with eng_to_ipa.convert's
    result; and a deterministic sample of them."""
    words = sorted(w for w in set(reference) | set(npm) if reachable(w))
    expected = convert_words(words)
    lines = [f"{word}\t{expected[word]}" for word in words]
    if path:
        with open(path, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    if sample_path:
        table = {line.split(" ")[0] for line in overrides(reference, npm)}
        rng = random.Random(12)
        listed = [line for line in lines if line.split("\t")[0] in table]
        other = [line for line in lines if line.split("\t")[0] not in table]
        sample = sorted(rng.sample(listed, 150) + rng.sample(other, 50))
        with open(sample_path, "w", encoding="utf-8") as out:
            out.write("\n".join(sample) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--npm-dictionary", default=NPM_DICTIONARY)
    parser.add_argument("--out", required=True)
    parser.add_argument("--expect", help="all words with convert()'s result")
    parser.add_argument("--sample", help="a sample of --expect's lines")
    args = parser.parse_args()
    assert metadata.version("eng_to_ipa") == "0.0.2"
    with open(join(dirname(args.npm_dictionary), "package.json")) as package:
        npm_version = json.load(package)["version"]
    reference = eng_to_ipa_dictionary()
    npm = npm_dictionary(args.npm_dictionary)
    lines = overrides(reference, npm)
    write_module(args.out, lines, npm_version)
    if args.expect or args.sample:
        write_expectations(args.expect, args.sample, reference, npm)
    print(f"{len(lines)} overrides -> {args.out}")


if __name__ == "__main__":
    main()
