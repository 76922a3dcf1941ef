import assert from "node:assert/strict";
import { periodicHann } from "./_hann.ts";

Deno.test("periodicHann() is the periodic window: zero at 0, one at size/2, no final zero", () => {
  const w = periodicHann(800);
  assert.equal(w.length, 800);
  assert.equal(w[0], 0);
  assert.ok(Math.abs(w[400]! - 1) < 1e-15);
  assert.ok(w[799]! > 0); // the symmetric window would end at 0
  for (let n = 1; n < 400; n++) {
    assert.ok(Math.abs(w[n]! - w[800 - n]!) < 1e-15);
  }
  // A periodic Hann window sums to exactly size/2.
  assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 400) < 1e-9);
});
