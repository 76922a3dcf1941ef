"""Recognizes spoken digit strings offline with PocketSphinx (its wheel's US English acoustic
model and dictionary, a grammar of digit words), for tests/demo_voice_asr_test.ts.

Usage: python recognize_digits.py FILE.wav...  (16 kHz mono PCM16 WAV, 44-byte header)
Prints one line per file: the recognized digit words, space-separated (empty when none).
"""

import sys
import wave

from pocketsphinx import Decoder

GRAMMAR = """#JSGF V1.0;
grammar digits;
public <digits> = ( oh | zero | one | two | three | four | five | six | seven | eight | nine )* ;
"""


def main(paths: list[str]) -> None:
    decoder = Decoder(samprate=16000, lm=None, loglevel="FATAL")
    decoder.add_jsgf_string("digits", GRAMMAR)
    decoder.activate_search("digits")
    for path in paths:
        with wave.open(path) as wav:
            if wav.getframerate() != 16000 or wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                raise SystemExit(f"Cannot recognize {path}: expected 16 kHz mono PCM16")
            raw = wav.readframes(wav.getnframes())
        decoder.start_utt()
        decoder.process_raw(raw, full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
        print(hypothesis.hypstr if hypothesis is not None else "")


if __name__ == "__main__":
    main(sys.argv[1:])
