import assert from "node:assert/strict";
import {
  asciiBytes,
  buildRiff,
  extensibleFmtBody,
  fmtBody,
} from "../tests/support/wav_build.ts";
import { decodeWav, decodeWavMono, downmixToMono } from "./wav_decode.ts";
import { encodeWav } from "./wav_encode.ts";
import { readWavInfo } from "./wav_info.ts";

/** Interleaved little-endian sample bytes of integer `codes` at `bits` (8-bit unsigned). */
function intBytes(codes: readonly number[], bits: number): Uint8Array {
  const size = bits / 8;
  const out = new Uint8Array(codes.length * size);
  codes.forEach((code, i) => {
    const raw = bits === 8 ? code : code < 0 ? code + 2 ** bits : code;
    for (let b = 0; b < size; b++) {
      out[i * size + b] = Math.floor(raw / 2 ** (8 * b)) & 0xff;
    }
  });
  return out;
}

function floatBytes(values: readonly number[], bits: 32 | 64): Uint8Array {
  const out = new Uint8Array(values.length * bits / 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    if (bits === 32) view.setFloat32(i * 4, v, true);
    else view.setFloat64(i * 8, v, true);
  });
  return out;
}

const INTEGER_CASES = [
  { bits: 8, codes: [0, 1, 127, 128, 129, 255], full: 128, offset: 128 },
  {
    bits: 16,
    codes: [-32768, -1, 0, 1, 12345, 32767],
    full: 2 ** 15,
    offset: 0,
  },
  {
    bits: 24,
    codes: [-(2 ** 23), -1, 0, 1, 1234567, 2 ** 23 - 1],
    full: 2 ** 23,
    offset: 0,
  },
  {
    bits: 32,
    codes: [-(2 ** 31), -1, 0, 1, 123456789, 2 ** 31 - 1],
    full: 2 ** 31,
    offset: 0,
  },
] as const;

for (const { bits, codes, full, offset } of INTEGER_CASES) {
  const expected = Float32Array.from(codes, (c) => (c - offset) / full);
  Deno.test(`decodeWav() reads ${bits}-bit PCM as (code − ${offset}) / ${full}`, () => {
    const wav = buildRiff([
      {
        id: "fmt ",
        body: fmtBody({ tag: 1, channels: 1, rateHz: 11025, bits }),
      },
      { id: "data", body: intBytes(codes, bits) },
    ]);
    const decoded = decodeWav(wav);
    assert.equal(decoded.sampleType, "pcm");
    assert.equal(decoded.bitsPerSample, bits);
    assert.equal(decoded.sampleRateHz, 11025);
    assert.deepEqual(decoded.channels, [expected]);
  });

  Deno.test(`decodeWav() reads WAVE_FORMAT_EXTENSIBLE ${bits}-bit PCM the same way`, () => {
    const wav = buildRiff([
      {
        id: "fmt ",
        body: extensibleFmtBody({ code: 1, channels: 1, rateHz: 8000, bits }),
      },
      { id: "data", body: intBytes(codes, bits) },
    ]);
    const decoded = decodeWav(wav);
    assert.equal(decoded.formatTag, 0xfffe);
    assert.deepEqual(decoded.channels, [expected]);
  });
}

for (const bits of [32, 64] as const) {
  const values = [0, 0.5, -1, 1.5, 1e-40, -0.123456789];
  for (const extensible of [false, true]) {
    Deno.test(`decodeWav() reads ${extensible ? "extensible " : ""}IEEE float ${bits}`, () => {
      const fmt = extensible
        ? extensibleFmtBody({ code: 3, channels: 1, rateHz: 48000, bits })
        : fmtBody({ tag: 3, channels: 1, rateHz: 48000, bits });
      const wav = buildRiff([
        { id: "fmt ", body: fmt },
        { id: "fact", body: intBytes([values.length], 32) },
        { id: "data", body: floatBytes(values, bits) },
      ]);
      const decoded = decodeWav(wav);
      assert.equal(decoded.sampleType, "float");
      assert.deepEqual(decoded.channels, [Float32Array.from(values)]);
    });
  }
}

Deno.test("decodeWav() splits interleaved channels; decodeWavMono() averages them", () => {
  const frames = [[1000, -1000, 30000], [2000, 0, -30000], [-32768, 32767, 1]];
  const wav = buildRiff([
    {
      id: "fmt ",
      body: fmtBody({ tag: 1, channels: 3, rateHz: 16000, bits: 16 }),
    },
    { id: "data", body: intBytes(frames.flat(), 16) },
  ]);
  const decoded = decodeWav(wav);
  const channels = [0, 1, 2].map((c) =>
    Float32Array.from(frames, (f) => f[c]! / 32768)
  );
  assert.deepEqual(decoded.channels, channels);
  const mono = decodeWavMono(wav);
  assert.equal(mono.sampleRateHz, 16000);
  const means = frames.map((f) => (f[0]! + f[1]! + f[2]!) / 3 / 32768);
  mono.samples.forEach((x, i) => assert.ok(Math.abs(x - means[i]!) < 1e-7));
  assert.deepEqual(mono.samples, downmixToMono(decoded.channels));
});

Deno.test("decodeWav() skips unknown and odd-sized chunks before, between and after", () => {
  const codes = [1, -2, 3, -4];
  const wav = buildRiff([
    { id: "JUNK", body: new Uint8Array(3) }, // odd: padded
    {
      id: "fmt ",
      body: fmtBody({ tag: 1, channels: 1, rateHz: 22050, bits: 16 }),
    },
    { id: "LIST", body: asciiBytes("INFOISFT\x05\x00\x00\x00Test\x00") }, // odd: padded
    { id: "data", body: intBytes(codes, 16) },
    { id: "id3 ", body: new Uint8Array(10) },
  ]);
  assert.deepEqual(
    decodeWavMono(wav).samples,
    Float32Array.from(codes, (c) => c / 32768),
  );
});

Deno.test("decodeWav() reads an odd-sized 8-bit data chunk and a fmt chunk after data", () => {
  const wav = buildRiff([
    { id: "data", body: Uint8Array.of(128, 255, 0) },
    {
      id: "fmt ",
      body: fmtBody({ tag: 1, channels: 1, rateHz: 8000, bits: 8 }),
    },
  ]);
  assert.deepEqual(
    decodeWavMono(wav).samples,
    Float32Array.of(0, 127 / 128, -1),
  );
});

Deno.test("decodeWav() reads an oversized data chunk to the last whole frame present", () => {
  const codes = [100, -100, 200, -200, 300];
  for (const declaredSize of [0xffffffff, 1000]) {
    const wav = buildRiff([
      {
        id: "fmt ",
        body: fmtBody({ tag: 1, channels: 2, rateHz: 8000, bits: 16 }),
      },
      { id: "data", body: intBytes(codes, 16), declaredSize, noPad: true },
    ], { riffSize: 0xffffffff });
    const decoded = decodeWav(wav);
    assert.equal(decoded.truncated, true);
    assert.deepEqual(decoded.channels, [
      Float32Array.of(100 / 32768, 200 / 32768),
      Float32Array.of(-100 / 32768, -200 / 32768),
    ]);
    // The last frame is cut inside a sample too.
    assert.equal(
      decodeWav(wav.subarray(0, wav.length - 1)).channels[0]!.length,
      2,
    );
  }
});

Deno.test("decodeWav() reads a data size of 0 as no samples and ignores trailing bytes", () => {
  const wav = buildRiff([
    {
      id: "fmt ",
      body: fmtBody({ tag: 3, channels: 1, rateHz: 8000, bits: 32 }),
    },
    { id: "data", body: new Uint8Array(0) },
  ]);
  const withTail = new Uint8Array(wav.length + 7).fill(0xab);
  withTail.set(wav);
  for (const bytes of [wav, withTail]) {
    const decoded = decodeWav(bytes);
    assert.equal(decoded.truncated, false);
    assert.deepEqual(decoded.channels, [new Float32Array(0)]);
  }
});

Deno.test("decodeWav() reads from a view into a larger buffer", () => {
  const wav = encodeWav(Float32Array.of(0.25, -0.75), {
    sampleRateHz: 16000,
    format: "float32",
  });
  const big = new Uint8Array(wav.length + 13);
  big.set(wav, 5);
  const view = big.subarray(5, 5 + wav.length); // unaligned for Float32
  assert.deepEqual(decodeWavMono(view), decodeWavMono(wav));
  assert.equal(readWavInfo(view).dataOffset, 58);
});

Deno.test("encodeWav() then decodeWavMono() round-trips float32 exactly and pcm16 within a step", () => {
  const samples = Float32Array.from(
    { length: 2000 },
    (_, i) => Math.sin(i * 0.01) * 0.99,
  );
  const exact = decodeWavMono(
    encodeWav(samples, { sampleRateHz: 22050, format: "float32" }),
  );
  assert.deepEqual(exact, { samples, sampleRateHz: 22050 });
  const pcm = decodeWavMono(
    encodeWav(samples, { sampleRateHz: 22050, format: "pcm16" }),
  );
  samples.forEach((x, i) => {
    // Half a step of rounding, plus the 32767-vs-32768 scale difference.
    assert.ok(
      Math.abs(pcm.samples[i]! - x) <= 0.5 / 32767 + Math.abs(x) / 32768,
    );
  });
});

Deno.test("downmixToMono() rejects no channels and unequal lengths", () => {
  assert.throws(() => downmixToMono([]), RangeError);
  assert.throws(
    () => downmixToMono([new Float32Array(2), new Float32Array(3)]),
    /2 and 3/,
  );
});
