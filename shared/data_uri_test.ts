import assert from "node:assert/strict";
import { base64WithBtoa } from "./_base64_btoa.ts";
import { wavDataUri } from "./data_uri.ts";
import { encodeWav } from "./wav_encode.ts";

const PREFIX = "data:audio/wav;base64,";

function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 24;
  });
}

/** The bytes `atob` gives back for the URI's payload. */
function payload(uri: string): Uint8Array {
  assert.ok(uri.startsWith(PREFIX), uri.slice(0, 40));
  return Uint8Array.from(
    atob(uri.slice(PREFIX.length)),
    (c) => c.charCodeAt(0),
  );
}

Deno.test("Deno has Uint8Array.prototype.toBase64, so wavDataUri() takes the platform path", () => {
  assert.equal(typeof Uint8Array.prototype.toBase64, "function");
});

Deno.test("wavDataUri() round-trips through atob at lengths around the 3-byte groups and chunks", () => {
  for (const length of [0, 1, 2, 3, 4, 5, 100, 24575, 24576, 24577, 100001]) {
    const bytes = randomBytes(length, length);
    assert.deepEqual(payload(wavDataUri(bytes)), bytes, `length ${length}`);
  }
});

Deno.test("the btoa fallback gives the platform's base64 exactly", () => {
  for (
    const length of [0, 1, 2, 3, 24575, 24576, 24577, 3 * 24576 + 2, 200000]
  ) {
    const bytes = randomBytes(length, 7 + length);
    assert.equal(base64WithBtoa(bytes), bytes.toBase64(), `length ${length}`);
  }
});

Deno.test("wavDataUri() falls back to btoa when toBase64 is missing", () => {
  const wav = encodeWav(Float32Array.of(0.5, -0.5, 0.25), {
    sampleRateHz: 16000,
    format: "pcm16",
  });
  const expected = wavDataUri(wav);
  const bare = wav.slice();
  Object.defineProperty(bare, "toBase64", { value: undefined }); // hides the prototype method
  assert.equal(wavDataUri(bare), expected);
  assert.deepEqual(payload(expected), wav);
  // A view into a larger buffer encodes only its own bytes.
  const big = new Uint8Array(wav.length + 10);
  big.set(wav, 3);
  assert.equal(wavDataUri(big.subarray(3, 3 + wav.length)), expected);
});
