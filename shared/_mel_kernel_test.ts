import assert from "node:assert/strict";
import {
  countFrames,
  fillReflectPadding,
  reflectIndex,
} from "./_mel_kernel.ts";

Deno.test("fillReflectPadding() reproduces numpy's np.pad(mode='reflect') outputs", () => {
  // Expected values printed by numpy 2.4 for these exact calls.
  const cases: [number[], number, number[]][] = [
    [[1, 2, 3, 4, 5], 2, [3, 2, 1, 2, 3, 4, 5, 4, 3]],
    [[1, 2, 3], 7, [2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2]],
    [[1, 2], 3, [2, 1, 2, 1, 2, 1, 2, 1]],
    [[7], 3, [7, 7, 7, 7, 7, 7, 7]],
  ];
  for (const [y, pad, want] of cases) {
    const out = new Float64Array(y.length + 2 * pad);
    out.set(y, pad);
    fillReflectPadding(out, y.length, pad);
    assert.deepEqual([...out], want);
  }
});

Deno.test("reflectIndex() never repeats the edge sample", () => {
  assert.equal(reflectIndex(-1, 10), 1);
  assert.equal(reflectIndex(10, 10), 8);
  assert.equal(reflectIndex(5, 10), 5);
});

Deno.test("countFrames() is 1 + floor(N / hop), and 0 for no samples", () => {
  assert.equal(countFrames(0, 200), 0);
  assert.equal(countFrames(1, 200), 1);
  assert.equal(countFrames(199, 200), 1);
  assert.equal(countFrames(200, 200), 2);
  assert.equal(countFrames(16000, 200), 81);
});
