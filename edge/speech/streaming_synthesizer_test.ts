import assert from "node:assert/strict";
import { latentWindows } from "./streaming_synthesizer.ts";

Deno.test("latentWindows() tiles the latent with a small first window, then doubling ones up to the largest", () => {
  for (const frames of [1, 7, 8, 9, 100, 304, 1000]) {
    const windows = latentWindows(frames, { first: 8, next: 128, overlap: 13 });
    let start = 0;
    for (const [i, window] of windows.entries()) {
      assert.equal(window.start, start, `frames ${frames}, window ${i}`);
      assert.equal(window.from, Math.max(0, window.start - 13));
      assert.equal(window.to, Math.min(frames, window.stop + 13));
      const size = window.stop - window.start;
      const full = Math.min(128, 8 * 2 ** i);
      assert.ok(
        size === full || window.stop === frames,
        `frames ${frames}, window ${i}: ${size} frames, expected ${full}`,
      );
      start = window.stop;
    }
    assert.equal(start, frames);
  }
  assert.deepEqual(
    latentWindows(304, { first: 8, next: 128, overlap: 13 }).map((w) =>
      w.stop - w.start
    ),
    [8, 16, 32, 64, 128, 56],
  );
});
