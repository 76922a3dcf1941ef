#!/usr/bin/env python3
"""Independent float64 reference of Wav2Lip's `audio.melspectrogram`, numpy + scipy only.

Written from Rudrabha/Wav2Lip `audio.py` and `hparams.py` and librosa 0.7.0's `stft` and
`filters.mel`, not from the TypeScript: scipy's lfilter for pre-emphasis, np.pad "reflect",
scipy's periodic Hann, np.fft.rfft, and a Slaney mel basis built with librosa 0.7.0's formulas.

Usage:
  mel_reference.py [IN.wav MEL_OUT.f32 ...] [--samples-out SAMPLES.f32] [--basis-out BASIS.f32]
      Reads a 16 kHz mono WAV (float or int16; raw float32 if the name ends in .f32) and writes
      the mel as raw little-endian float32, frame-major (T x 80, the transpose of numpy's (80, T));
      optionally the input samples as float32 and the 80 x 401 mel basis (band-major). Several
      IN/OUT pairs may follow each other (one Python start-up for many files).
  mel_reference.py --bench SECONDS [--runs N]
      Times the reference on SECONDS of 16 kHz noise and prints the median milliseconds, in float64
      and in librosa 0.7.0's float32-after-STFT precision, as JSON.

Regenerating tests/fixtures/mel/ (see tests/mel_parity_test.ts):
  espeak-ng -w /tmp/speech.wav "Lipstream turns text into a talking face."
  sox /tmp/speech.wav -r 16000 -b 32 -e floating-point /tmp/speech16.wav trim 0 1.5
  python3 scripts/mel_reference.py /tmp/speech16.wav tests/fixtures/mel/speech_mel.f32 \
      --samples-out tests/fixtures/mel/speech_16k.f32
"""
import argparse
import json
import statistics
import sys
import time

import numpy as np
import scipy.io.wavfile
import scipy.signal

# hparams.py (Wav2Lip, as shipped)
SAMPLE_RATE = 16000
N_FFT = 800
HOP = 200
NUM_MELS = 80
FMIN = 55.0
FMAX = 7600.0
PREEMPHASIS = 0.97
MIN_LEVEL_DB = -100.0
REF_LEVEL_DB = 20.0
MAX_ABS = 4.0


def slaney_hz_to_mel(hz):
    """librosa 0.7.0 hz_to_mel(htk=False): linear below 1 kHz, log above."""
    hz = np.asarray(hz, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    linear = hz / f_sp
    with np.errstate(divide="ignore"):
        log = min_log_mel + np.log(np.maximum(hz, 1e-300) / min_log_hz) / logstep
    return np.where(hz >= min_log_hz, log, linear)


def slaney_mel_to_hz(mel):
    """librosa 0.7.0 mel_to_hz(htk=False)."""
    mel = np.asarray(mel, dtype=np.float64)
    f_sp = 200.0 / 3
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(mel >= min_log_mel, min_log_hz * np.exp(logstep * (mel - min_log_mel)), f_sp * mel)


def mel_basis():
    """(80, 401) float64 triangles, area-normalised (librosa 0.7.0 filters.mel, norm=1)."""
    bin_hz = np.linspace(0.0, SAMPLE_RATE / 2, 1 + N_FFT // 2)
    edges = slaney_mel_to_hz(np.linspace(slaney_hz_to_mel(FMIN), slaney_hz_to_mel(FMAX), NUM_MELS + 2))
    basis = np.empty((NUM_MELS, bin_hz.size))
    for m in range(NUM_MELS):
        lo, mid, hi = edges[m], edges[m + 1], edges[m + 2]
        rising = (bin_hz - lo) / (mid - lo)
        falling = (hi - bin_hz) / (hi - mid)
        basis[m] = np.maximum(0.0, np.minimum(rising, falling)) * (2.0 / (hi - lo))
    return basis


BASIS = mel_basis()
WINDOW = scipy.signal.get_window("hann", N_FFT, fftbins=True)


def melspectrogram(wav, float32=False):
    """Returns the (80, T) normalised mel of `wav`; `float32` mimics librosa's dtypes after the STFT."""
    y = scipy.signal.lfilter([1.0, -PREEMPHASIS], [1.0], np.asarray(wav, dtype=np.float64))
    padded = np.pad(y, N_FFT // 2, mode="reflect")
    frames = 1 + (padded.size - N_FFT) // HOP
    index = np.arange(N_FFT)[None, :] + HOP * np.arange(frames)[:, None]
    spectrum = np.fft.rfft(padded[index] * WINDOW[None, :], axis=1)
    if float32:
        magnitude = np.abs(spectrum.astype(np.complex64)).T
        mel = np.dot(BASIS.astype(np.float32), magnitude)
        level = np.float32(np.exp(MIN_LEVEL_DB / 20 * np.log(10)))
    else:
        magnitude = np.abs(spectrum).T
        mel = BASIS @ magnitude
        level = np.exp(MIN_LEVEL_DB / 20 * np.log(10))
    db = 20 * np.log10(np.maximum(level, mel)) - REF_LEVEL_DB
    return np.clip((2 * MAX_ABS) * ((db - MIN_LEVEL_DB) / -MIN_LEVEL_DB) - MAX_ABS, -MAX_ABS, MAX_ABS)


def read_wav(path):
    if path.endswith(".f32"):
        return np.fromfile(path, dtype="<f4")
    rate, data = scipy.io.wavfile.read(path)
    if rate != SAMPLE_RATE:
        sys.exit(f"mel_reference: {path}: expected {SAMPLE_RATE} Hz, got {rate}")
    if data.ndim != 1:
        sys.exit(f"mel_reference: {path}: expected mono")
    if data.dtype == np.int16:
        return data.astype(np.float32) / 32768.0
    return data.astype(np.float32)


def bench(seconds, runs):
    rng = np.random.default_rng(1)
    wav = (rng.standard_normal(int(seconds * SAMPLE_RATE)) * 0.1).astype(np.float32)
    result = {"seconds": seconds, "runs": runs}
    for name, float32 in (("float64_ms", False), ("float32_ms", True)):
        melspectrogram(wav, float32)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            melspectrogram(wav, float32)
            times.append((time.perf_counter() - start) * 1000)
        result[name] = statistics.median(times)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", metavar="IN.wav MEL_OUT.f32")
    parser.add_argument("--samples-out")
    parser.add_argument("--basis-out")
    parser.add_argument("--bench", type=float, metavar="SECONDS")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if args.bench is not None:
        bench(args.bench, args.runs)
        return
    if args.basis_out:
        BASIS.astype("<f4").tofile(args.basis_out)
    if len(args.files) % 2 != 0 or (not args.files and not args.basis_out):
        parser.error("give IN.wav MEL_OUT.f32 pairs unless --bench or --basis-out is given")
    if args.samples_out and len(args.files) != 2:
        parser.error("--samples-out needs exactly one IN.wav MEL_OUT.f32 pair")
    for wav_path, mel_path in zip(args.files[::2], args.files[1::2]):
        wav = read_wav(wav_path)
        melspectrogram(wav).T.astype("<f4").tofile(mel_path)
        if args.samples_out:
            wav.astype("<f4").tofile(args.samples_out)


if __name__ == "__main__":
    main()
