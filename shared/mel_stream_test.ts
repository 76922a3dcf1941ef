import assert from "node:assert/strict";
import { melSpectrogram } from "./mel_spectrogram.ts";
import { MelStream } from "./mel_stream.ts";
import { mulberry32 } from "./_mulberry32.ts";

function speechLike(length: number, random: () => number): Float32Array {
  return Float32Array.from(
    { length },
    (_, n) =>
      0.3 * Math.sin(n / 7) * Math.sin(n / 900) + 0.1 * (random() - 0.5),
  );
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(
    parts.reduce((sum, part) => sum + part.length, 0),
  );
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

Deno.test("MelStream output is bit-identical to melSpectrogram() for random chunkings", () => {
  const random = mulberry32(2024);
  const stream = new MelStream(); // reused: flush() resets it
  const lengths = [
    0,
    1,
    2,
    150,
    399,
    400,
    401,
    402,
    599,
    600,
    601,
    1000,
    3333,
    16007,
  ];
  for (const length of lengths) {
    const audio = speechLike(length, random);
    for (let trial = 0; trial < 3; trial++) {
      const parts: Float32Array[] = [];
      let at = 0;
      while (at < length) {
        const pick = random();
        // Mix of empty, single-sample, small and large chunks.
        const size = pick < 0.15
          ? 0
          : pick < 0.3
          ? 1
          : Math.floor(random() * (pick < 0.8 ? 300 : 5000));
        parts.push(stream.push(audio.subarray(at, at + size)));
        at += size;
      }
      parts.push(stream.flush());
      assert.deepEqual(
        concat(parts),
        melSpectrogram(audio),
        `N = ${length}, trial ${trial}`,
      );
      assert.equal(stream.sampleCount, 0);
      assert.equal(stream.frameCount, 0);
    }
  }
});

Deno.test("MelStream emits frame t once sample max(400, 200t + 399) has arrived", () => {
  const audio = speechLike(3000, mulberry32(5));
  const stream = new MelStream();
  let frames = 0;
  for (let n = 0; n < audio.length; n++) {
    frames += stream.push(audio.subarray(n, n + 1)).length / 80;
    const received = n + 1;
    // Frame t is complete when its padded span [200t, 200t + 800) lies in the received samples
    // shifted by the 400-sample left pad; frame 0 also needs sample 400 for the reflection.
    const expected = received < 401
      ? 0
      : Math.floor((received - 400) / 200) + 1;
    assert.equal(frames, expected, `after ${received} samples`);
    assert.equal(stream.frameCount, expected);
  }
  // The right-edge frames come out on flush: T − emitted = 2 here.
  assert.equal(stream.flush().length / 80, 1 + 3000 / 200 - frames);
  assert.equal(frames, 14);
});

Deno.test("MelStream.reset() drops a partial utterance", () => {
  const stream = new MelStream();
  stream.push(speechLike(1234, mulberry32(1)));
  stream.reset();
  const audio = speechLike(900, mulberry32(2));
  const got = concat([stream.push(audio), stream.flush()]);
  assert.deepEqual(got, melSpectrogram(audio));
});
