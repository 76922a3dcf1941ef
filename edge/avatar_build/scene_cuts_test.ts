import assert from "node:assert/strict";
import { drawClip } from "./_test_clip.ts";
import { toGrayPlane } from "./gray_plane.ts";
import { findSceneCuts } from "./scene_cuts.ts";

Deno.test("findSceneCuts() ignores motion inside a shot and finds the cut to another", () => {
  const moving = drawClip(10, {
    at: (i) => ({ x: 10 + 8 * i, y: 20, size: 50 }),
  });
  const other = drawClip(5, { at: () => ({ x: 60, y: 40, size: 30 }), seed: 5 })
    .map(({ frame }) => ({
      ...frame,
      data: frame.data.map((v) => 255 - v / 2),
    }));
  const planes = [...moving.map((c) => c.frame), ...other].map((frame) =>
    toGrayPlane(frame)
  );
  assert.deepEqual(findSceneCuts(planes), [10]);
});
