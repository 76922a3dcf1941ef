#!/usr/bin/env python3
"""The seed's audio hand-off, timed: VITS output written with scipy's `wavfile.write`, read back,
resampled to Wav2Lip's 16 kHz and turned into its mel (`mel_reference.melspectrogram`, Wav2Lip
`audio.py` in numpy), as the reference pipeline does between its TTS and its lip-sync steps.

Usage:
  handoff_reference.py --seconds S [--rate 22050] [--runs N]
      Prints JSON: the median milliseconds of the whole hand-off and of its file round trip alone
      (write + read) on S seconds of noise at the voice's rate.

`deno task bench` runs it beside our in-memory hand-off (`scripts/handoff_bench.ts`).
"""
import argparse
import json
import os
import statistics
import tempfile
import time

import numpy as np
import scipy.io.wavfile
import scipy.signal

from mel_reference import SAMPLE_RATE, melspectrogram


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--rate", type=int, default=22050)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    wav = (rng.standard_normal(int(args.seconds * args.rate)) * 0.1).astype(np.float32)
    gcd = np.gcd(args.rate, SAMPLE_RATE)
    path = os.path.join(tempfile.mkdtemp(prefix="handoff-"), "speech.wav")
    whole, files = [], []
    for run in range(args.runs + 1):  # the first is a warm-up
        start = time.perf_counter()
        scipy.io.wavfile.write(path, args.rate, (wav * 32767).astype(np.int16))
        rate, data = scipy.io.wavfile.read(path)
        read_at = time.perf_counter()
        samples = data.astype(np.float32) / 32768.0
        resampled = scipy.signal.resample_poly(samples, SAMPLE_RATE // gcd, rate // gcd)
        melspectrogram(resampled.astype(np.float32), float32=True)
        end = time.perf_counter()
        if run > 0:
            whole.append((end - start) * 1000)
            files.append((read_at - start) * 1000)
    os.remove(path)
    print(json.dumps({
        "seconds": args.seconds,
        "rate_hz": args.rate,
        "runs": args.runs,
        "handoff_ms": statistics.median(whole),
        "file_round_trip_ms": statistics.median(files),
    }))


if __name__ == "__main__":
    main()
