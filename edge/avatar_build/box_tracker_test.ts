import assert from "node:assert/strict";
import { drawClip } from "./_test_clip.ts";
import { createBoxTracker, toTrackedBox } from "./box_tracker.ts";
import { toGrayPlane } from "./gray_plane.ts";

Deno.test("createBoxTracker() finds a shifted and scaled face to within a pixel", () => {
  const clip = drawClip(2, {
    at: (i) => ({ x: 40 + i * 6, y: 30 - i * 3, size: 40 + i * 6 }),
    width: 320,
    height: 240,
  });
  const planes = clip.map(({ frame }) => toGrayPlane(frame));
  assert.equal(planes[0]!.factor, 1);
  const found = createBoxTracker(planes[0]!, clip[0]!.box)
    .track(planes[1]!, toTrackedBox(clip[0]!.box));
  const truth = toTrackedBox(clip[1]!.box);
  for (const key of ["cx", "cy", "width", "height"] as const) {
    assert.ok(
      Math.abs(found[key] - truth[key]) <= 1,
      `${key}: ${found[key]} vs ${truth[key]}`,
    );
  }
});

Deno.test("createBoxTracker() works on a downscaled plane in frame pixels", () => {
  const clip = drawClip(2, {
    at: (i) => ({ x: 200 + i * 10, y: 100, size: 120 }),
    width: 640,
    height: 360,
  });
  const planes = clip.map(({ frame }) => toGrayPlane(frame));
  assert.equal(planes[0]!.factor, 2);
  const found = createBoxTracker(planes[0]!, clip[0]!.box)
    .track(planes[1]!, toTrackedBox(clip[0]!.box));
  assert.ok(Math.abs(found.cx - 270) <= 1.5, `cx ${found.cx}`);
  assert.ok(Math.abs(found.width - 120) <= 3, `width ${found.width}`);
});
