import assert from "node:assert/strict";
import { PCM16_ENCODE_SCALE, pcm16FromFloat } from "./wav_pcm16.ts";

Deno.test("pcm16FromFloat() clamps to ±32767 and maps NaN and −0 to 0", () => {
  for (const x of [1, 1.0001, 7, Infinity]) {
    assert.equal(pcm16FromFloat(x), 32767);
  }
  for (const x of [-1, -1.0001, -7, -Infinity]) {
    assert.equal(pcm16FromFloat(x), -32767);
  }
  assert.ok(Object.is(pcm16FromFloat(NaN), 0));
  assert.ok(Object.is(pcm16FromFloat(-0), 0));
  assert.ok(Object.is(pcm16FromFloat(-1e-9), 0)); // rounds to zero, not −0
});

Deno.test("pcm16FromFloat() rounds exact half steps away from zero", () => {
  let ties = 0;
  for (let k = 0; k < PCM16_ENCODE_SCALE; k += 97) {
    const x = (k + 0.5) / PCM16_ENCODE_SCALE;
    if (x * PCM16_ENCODE_SCALE !== k + 0.5) continue; // not an exact tie in binary64
    ties++;
    assert.equal(pcm16FromFloat(x), k + 1, `+(${k} + ½)`);
    assert.equal(pcm16FromFloat(-x), -(k + 1), `−(${k} + ½)`);
  }
  assert.ok(ties > 100, `only ${ties} exact ties tested`);
});

Deno.test("pcm16FromFloat() is odd, monotonic and within half a step of x·32767", () => {
  let previous = -Infinity;
  for (let i = -70000; i <= 70000; i++) {
    const x = Math.fround(i / 65536);
    const code = pcm16FromFloat(x);
    assert.ok(Number.isInteger(code) && Math.abs(code) <= 32767);
    assert.equal(pcm16FromFloat(-x), -code || 0);
    assert.ok(code >= previous, `not monotonic at ${x}`);
    previous = code;
    const ideal = Math.max(-1, Math.min(1, x)) * PCM16_ENCODE_SCALE;
    assert.ok(Math.abs(code - ideal) <= 0.5, `${x} → ${code}`);
  }
});
