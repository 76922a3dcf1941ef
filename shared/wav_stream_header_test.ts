import assert from "node:assert/strict";
import { encodeWav } from "./wav_encode.ts";
import { WAV_HEADER_BYTES, WAV_UNKNOWN_SIZE } from "./wav_format.ts";
import { decodeWavMono } from "./wav_decode.ts";
import { readWavInfo } from "./wav_info.ts";
import {
  encodeWavSamples,
  encodeWavStreamHeader,
} from "./wav_stream_header.ts";

const FORMATS = ["pcm16", "float32"] as const;

function ramp(count: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => Math.sin(i / 3) * 0.9);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

for (const format of FORMATS) {
  Deno.test(`encodeWavStreamHeader() ${format} is encodeWav()'s header with every size unknown`, () => {
    const options = { sampleRateHz: 22050, format } as const;
    const header = encodeWavStreamHeader(options);
    const whole = encodeWav(ramp(5), options);
    assert.equal(header.length, WAV_HEADER_BYTES[format]);
    const view = new DataView(header.buffer);
    const sizeFields = format === "pcm16" ? [4, 40] : [4, 46, 54]; // RIFF, (fact,) data
    for (const at of sizeFields) {
      assert.equal(view.getUint32(at, true), WAV_UNKNOWN_SIZE);
    }
    const masked = header.slice();
    const wholeHeader = whole.slice(0, header.length);
    for (const at of sizeFields) {
      masked.fill(0, at, at + 4);
      wholeHeader.fill(0, at, at + 4);
    }
    assert.deepEqual(masked, wholeHeader);
  });

  Deno.test(`encodeWavSamples() ${format} is encodeWav()'s sample bytes`, () => {
    const samples = ramp(101);
    const options = { sampleRateHz: 16000, format } as const;
    assert.deepEqual(
      encodeWavSamples(samples, format),
      encodeWav(samples, options).subarray(WAV_HEADER_BYTES[format]),
    );
    assert.equal(encodeWavSamples(new Float32Array(0), format).length, 0);
  });

  Deno.test(`a ${format} stream of header plus chunks decodes to all chunks in order`, () => {
    const samples = ramp(1000);
    const chunks = [
      samples.subarray(0, 1),
      samples.subarray(1, 400),
      samples.subarray(400),
    ];
    const stream = concat([
      encodeWavStreamHeader({ sampleRateHz: 44100, format }),
      ...chunks.map((c) => encodeWavSamples(c, format)),
    ]);
    const whole = decodeWavMono(
      encodeWav(samples, { sampleRateHz: 44100, format }),
    );
    assert.deepEqual(decodeWavMono(stream), whole);
    assert.equal(readWavInfo(stream).truncated, true);
  });
}

Deno.test("encodeWavStreamHeader() and encodeWavSamples() reject bad options", () => {
  assert.throws(
    () => encodeWavStreamHeader({ sampleRateHz: 0, format: "pcm16" }),
    RangeError,
  );
  assert.throws(
    () => encodeWavSamples(new Float32Array(1), "f32" as "float32"),
    TypeError,
  );
});
