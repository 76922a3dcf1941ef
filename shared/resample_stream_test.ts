import assert from "node:assert/strict";
import { resample } from "./resample.ts";
import { ResampleStream } from "./resample_stream.ts";
import { mulberry32, uniformNoise } from "./_mulberry32.ts";

const PAIRS = [
  [22050, 16000],
  [16000, 22050],
  [44100, 16000],
  [48000, 16000],
  [24000, 16000],
  [8000, 48000],
  [16000, 16000],
] as const;

function noise(length: number, seed: number): Float32Array {
  return Float32Array.from(uniformNoise(length, seed));
}

/** Bitwise equality of two float arrays (distinguishes −0 and NaN payloads). */
function assertSameBits(actual: Float32Array, expected: Float32Array) {
  assert.equal(actual.length, expected.length, "lengths differ");
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const b = new Uint32Array(
    expected.buffer,
    expected.byteOffset,
    expected.length,
  );
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      assert.fail(`sample ${i}: ${actual[i]} vs ${expected[i]}`);
    }
  }
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Streams `input` in the given chunk sizes (repeated until the input ends) and flushes. */
function streamed(
  stream: ResampleStream,
  input: Float32Array,
  sizes: () => number,
): Float32Array {
  const parts: Float32Array[] = [];
  for (let at = 0; at < input.length;) {
    const size = sizes();
    parts.push(stream.push(input.subarray(at, at + size)));
    at += size;
  }
  parts.push(stream.flush());
  return concat(parts);
}

Deno.test("ResampleStream output equals resample() bit for bit for random chunk sizes", () => {
  for (const [index, [fromHz, toHz]] of PAIRS.entries()) {
    const random = mulberry32(1000 + index);
    const input = noise(5000 + index * 37, index);
    const expected = resample(input, { fromHz, toHz });
    const stream = new ResampleStream({ fromHz, toHz });
    // Mix empty, tiny, filter-sized and large chunks.
    const sizes = () => {
      const kind = random();
      if (kind < 0.15) return 0;
      if (kind < 0.4) return 1 + Math.floor(random() * 3);
      if (kind < 0.8) return Math.floor(random() * 400);
      return Math.floor(random() * 3000);
    };
    for (let run = 0; run < 3; run++) {
      assertSameBits(streamed(stream, input, sizes), expected);
    }
  }
});

Deno.test("ResampleStream output equals resample() with one sample per push", () => {
  for (const [fromHz, toHz] of PAIRS) {
    const input = noise(1500, fromHz);
    const stream = new ResampleStream({ fromHz, toHz });
    assertSameBits(
      streamed(stream, input, () => 1),
      resample(input, { fromHz, toHz }),
    );
  }
});

Deno.test("ResampleStream handles signals around its latency in length", () => {
  const stream = new ResampleStream({ fromHz: 22050, toHz: 16000 });
  for (let length = 0; length < 200; length += 7) {
    const input = noise(length, length);
    const expected = resample(input, { fromHz: 22050, toHz: 16000 });
    const pushed = stream.push(input);
    // Outputs at input times below `length − 89`, the rest at the flush.
    assert.equal(
      pushed.length,
      Math.max(0, Math.ceil((length - 89) * 320 / 441)),
    );
    assertSameBits(concat([pushed, stream.flush()]), expected);
  }
});

Deno.test("ResampleStream holds back exactly `latency` input samples", () => {
  for (const [fromHz, toHz] of PAIRS) {
    const stream = new ResampleStream({ fromHz, toHz });
    const expectedLatency = fromHz === toHz
      ? 0
      : Math.ceil(64 * Math.max(1, fromHz / toHz));
    assert.equal(stream.latency, expectedLatency, `${fromHz} → ${toHz}`);
    // Output 0 (at input time 0) needs input samples up to index `latency`; with the next sample
    // come the outputs at input times in [0, 1).
    assert.equal(stream.push(new Float32Array(stream.latency)).length, 0);
    assert.equal(
      stream.push(new Float32Array(1)).length,
      Math.ceil(toHz / fromHz),
    );
    // After n samples, every output whose time k·fromHz/toHz is below n − latency is out.
    const n = 10_000;
    const emitted = Math.ceil(toHz / fromHz) +
      stream.push(new Float32Array(n - stream.latency - 1)).length;
    assert.equal(emitted, Math.ceil(((n - stream.latency) * toHz) / fromHz));
  }
});

Deno.test("ResampleStream pushInto() and flushInto() reuse one array sized by maxOutputLength()", () => {
  for (const [fromHz, toHz] of PAIRS) {
    const input = noise(6000, 7);
    const expected = resample(input, { fromHz, toHz });
    const stream = new ResampleStream({ fromHz, toHz });
    const random = mulberry32(fromHz + toHz);
    const maxChunk = 700;
    const output = new Float32Array(stream.maxOutputLength(maxChunk));
    const actual = new Float32Array(expected.length);
    let written = 0;
    for (let at = 0; at < input.length;) {
      const size = Math.floor(random() * (maxChunk + 1));
      const count = stream.pushInto(input.subarray(at, at + size), output);
      actual.set(output.subarray(0, count), written);
      written += count;
      at += size;
    }
    const count = stream.flushInto(output);
    actual.set(output.subarray(0, count), written);
    assert.equal(written + count, expected.length);
    assertSameBits(actual, expected);
  }
});

Deno.test("ResampleStream maxOutputLength() bounds every push and flush", () => {
  for (const [fromHz, toHz] of PAIRS) {
    const stream = new ResampleStream({ fromHz, toHz });
    const random = mulberry32(fromHz * 3 + toHz);
    for (let utterance = 0; utterance < 20; utterance++) {
      const pushes = Math.floor(random() * 20);
      for (let i = 0; i < pushes; i++) {
        const size = Math.floor(random() * 500);
        const out = stream.push(new Float32Array(size));
        assert.ok(out.length <= stream.maxOutputLength(size));
      }
      assert.ok(stream.flush().length <= stream.maxOutputLength(0));
    }
  }
});

Deno.test("ResampleStream rejects a short output array without consuming input", () => {
  const input = noise(3000, 3);
  const stream = new ResampleStream({ fromHz: 22050, toHz: 16000 });
  assert.throws(
    () => stream.pushInto(input, new Float32Array(10)),
    (error: unknown) =>
      error instanceof RangeError &&
      error.message ===
        "Cannot resample: output needs 2113 samples: received 10",
  );
  stream.push(input.subarray(0, 1000));
  assert.throws(() => stream.flushInto(new Float32Array(1)), RangeError);
  // Nothing was lost: the stream still produces the whole-buffer result.
  const parts = [stream.push(input.subarray(1000)), stream.flush()];
  const head = resample(input, { fromHz: 22050, toHz: 16000 });
  const first = new ResampleStream({ fromHz: 22050, toHz: 16000 }).push(
    input.subarray(0, 1000),
  );
  assertSameBits(concat([first, ...parts]), head);
});

Deno.test("ResampleStream reset() drops the current signal", () => {
  const stream = new ResampleStream({ fromHz: 16000, toHz: 22050 });
  stream.push(noise(1234, 1));
  stream.reset();
  const input = noise(2000, 2);
  assertSameBits(
    concat([stream.push(input), stream.flush()]),
    resample(input, { fromHz: 16000, toHz: 22050 }),
  );
});

Deno.test("ResampleStream with equal rates passes chunks through as copies", () => {
  const stream = new ResampleStream({ fromHz: 16000, toHz: 16000 });
  const chunk = Float32Array.of(1, -0, 0.25);
  const out = stream.push(chunk);
  assert.notEqual(out, chunk);
  assertSameBits(out, chunk);
  assert.equal(stream.flush().length, 0);
});

Deno.test("ResampleStream rejects rates that are not positive integers", () => {
  assert.throws(
    () => new ResampleStream({ fromHz: 22050, toHz: 0 }),
    RangeError,
  );
  assert.throws(
    () => new ResampleStream({ fromHz: -1, toHz: 16000 }),
    RangeError,
  );
});
