import assert from "node:assert/strict";
import { encodeWav, wavByteLength } from "./wav_encode.ts";
import { pcm16FromFloat } from "./wav_pcm16.ts";
import type { WavSampleFormat } from "./wav_format.ts";

/**
 * scipy writes the same samples: float32 as given; pcm16 after the documented rule, computed
 * here independently with numpy (clamp, × 32767, sign · ⌊|y| + ½⌋, NaN → 0).
 */
const SCIPY_WRITE = `
import sys, io
import numpy as np
from scipy.io import wavfile
fmt, rates = sys.argv[1], [int(r) for r in sys.argv[2:]]
x = np.frombuffer(sys.stdin.buffer.read(), dtype='<f4')
if fmt == 'pcm16':
    y = np.where(np.isnan(x), 0.0, np.clip(x.astype(np.float64), -1.0, 1.0)) * 32767.0
    x = (np.sign(y) * np.floor(np.abs(y) + 0.5)).astype('<i2')
for rate in rates:
    out = io.BytesIO()
    wavfile.write(out, rate, x)
    sys.stdout.buffer.write(out.getvalue())
`;

/** The project's Python environment (`scripts/python_env.sh`); `scripts/test.sh` sets it. */
const PYTHON = Deno.env.get("LIPSTREAM_PYTHON") ?? ".tools/venv/bin/python";

/** scipy's file for each rate, written back to back (one python start for all). */
async function scipyWavs(
  samples: Float32Array,
  format: WavSampleFormat,
  ratesHz: readonly number[],
): Promise<Uint8Array> {
  const child = new Deno.Command(PYTHON, {
    args: ["-c", SCIPY_WRITE, format, ...ratesHz.map(String)],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(
    new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength),
  );
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  assert.ok(success, new TextDecoder().decode(stderr));
  return stdout;
}

/** Deterministic samples in [−1.25, 1.25] plus the special values. */
function testSamples(count: number, seed: number): Float32Array {
  const samples = new Float32Array(count + 9);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    samples[i] = (state / 2 ** 32 - 0.5) * 2.5;
  }
  samples.set(
    [NaN, Infinity, -Infinity, -0, 0, 1, -1, 1e-30, -0.999999],
    count,
  );
  return samples;
}

const RATES_HZ = [8000, 16000, 22050, 44100, 48000];

for (const format of ["float32", "pcm16"] as const) {
  for (const count of [0, 1001]) { // 1001 random samples plus the 9 special values
    Deno.test(`encodeWav() ${format} of ${count} samples matches scipy's wavfile.write byte for byte at ${RATES_HZ.length} rates`, async () => {
      const samples = count === 0 ? new Float32Array(0) : testSamples(count, 5);
      const ours = RATES_HZ.map((sampleRateHz) =>
        encodeWav(samples, { sampleRateHz, format })
      );
      const theirs = await scipyWavs(samples, format, RATES_HZ);
      assert.equal(theirs.length, ours.reduce((n, wav) => n + wav.length, 0));
      let at = 0;
      ours.forEach((wav, i) => {
        assert.deepEqual(
          wav,
          theirs.subarray(at, at + wav.length),
          `${RATES_HZ[i]} Hz`,
        );
        at += wav.length;
      });
    });
  }
}

Deno.test("encodeWav() writes into one buffer of exactly wavByteLength() bytes", () => {
  for (const format of ["float32", "pcm16"] as const) {
    for (const count of [0, 1, 2, 3, 1000]) {
      const wav = encodeWav(new Float32Array(count), {
        sampleRateHz: 16000,
        format,
      });
      assert.equal(wav.length, wavByteLength(count, format));
      assert.equal(wav.buffer.byteLength, wav.length);
      assert.equal(wav.byteOffset, 0);
    }
  }
});

Deno.test("encodeWav() reads a subarray view from its own offset", () => {
  const whole = testSamples(64, 3);
  const view = whole.subarray(5, 37);
  for (const format of ["float32", "pcm16"] as const) {
    const fromView = encodeWav(view, { sampleRateHz: 16000, format });
    const fromCopy = encodeWav(view.slice(), { sampleRateHz: 16000, format });
    assert.deepEqual(fromView, fromCopy);
  }
});

Deno.test("encodeWav() pcm16 codes follow pcm16FromFloat()", () => {
  const samples = testSamples(500, 11);
  const wav = encodeWav(samples, { sampleRateHz: 16000, format: "pcm16" });
  const view = new DataView(wav.buffer);
  samples.forEach((x, i) =>
    assert.equal(view.getInt16(44 + 2 * i, true), pcm16FromFloat(x))
  );
});

Deno.test("encodeWav() rejects bad rates and formats, naming them", () => {
  const samples = new Float32Array(4);
  for (
    const sampleRateHz of [
      0,
      -1,
      1.5,
      NaN,
      Infinity,
      2 ** 32,
      2 ** 30 + 2 ** 29,
    ]
  ) {
    assert.throws(
      () => encodeWav(samples, { sampleRateHz, format: "float32" }),
      (e: unknown) =>
        e instanceof RangeError &&
        e.message.includes(`received ${sampleRateHz}`),
    );
  }
  assert.throws(
    () =>
      encodeWav(samples, {
        sampleRateHz: 16000,
        format: "pcm24" as WavSampleFormat,
      }),
    (e: unknown) => e instanceof TypeError && e.message.includes('"pcm24"'),
  );
  assert.throws(
    () =>
      encodeWav(samples, {
        sampleRateHz: 16000,
        format: "toString" as WavSampleFormat,
      }),
    TypeError,
  );
});

Deno.test("wavByteLength() rejects counts that are not non-negative integers or pass 4 GiB", () => {
  for (const count of [-1, 0.5, NaN]) {
    assert.throws(() => wavByteLength(count, "pcm16"), RangeError);
  }
  const maxPcm16 = Math.floor((0xffffffff - 1 - 36) / 2);
  assert.equal(wavByteLength(maxPcm16, "pcm16"), 44 + 2 * maxPcm16);
  assert.throws(() => wavByteLength(maxPcm16 + 1, "pcm16"), /4 GiB/);
});
