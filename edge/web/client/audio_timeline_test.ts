import assert from "node:assert/strict";
import { placePart } from "./audio_timeline.ts";

Deno.test("placePart() joins parts sample-exactly and rebases only late ones", () => {
  // Three sentences of 0.48 s, 0.6 s, 0.72 s at origin 2 s, all in time.
  let origin = 2;
  const starts = [0, 0.48, 1.08];
  const placed = starts.map((start) => {
    const p = placePart(origin, start, 1.9);
    origin = p.originSec;
    return p;
  });
  assert.deepEqual(placed.map((p) => p.whenSec), [2, 2.48, 3.08]);
  assert.ok(placed.every((p) => !p.rebased));
  // Inside the 10 ms headroom counts as late.
  assert.equal(placePart(2, 0.5, 2.48).rebased, false);
  assert.equal(placePart(2, 0.5, 2.495).rebased, true);
  const late = placePart(2, 0.5, 3);
  assert.equal(late.rebased, true);
  assert.ok(Math.abs(late.whenSec - 3.01) < 1e-9);
  assert.ok(Math.abs(late.originSec - 2.51) < 1e-9);
});
