import assert from "node:assert/strict";
import { drawClip, oracleDetector } from "./_test_clip.ts";
import { faceBoxIou } from "./face_boxes.ts";
import { trackFaceBoxes } from "./track_face_boxes.ts";

Deno.test("trackFaceBoxes() follows a moving, growing face with a few detector runs", async () => {
  const clip = drawClip(50, {
    at: (i) => ({
      x: 30 + 25 * Math.sin(i / 8),
      y: 20 + i * 0.4,
      size: 40 + i * 0.3,
    }),
  });
  const detector = oracleDetector(clip);
  const result = await trackFaceBoxes(clip.map((c) => c.frame), detector);
  assert.deepEqual(result.scenes, [0]);
  assert.ok(result.detected.length <= 6, `${result.detected}`);
  const ious = result.found.map((box, i) => faceBoxIou(box!, clip[i]!.box));
  assert.ok(Math.min(...ious) >= 0.85, `min IoU ${Math.min(...ious)}`);
});

Deno.test("trackFaceBoxes() detects again at a scene cut", async () => {
  const first = drawClip(20, { at: (i) => ({ x: 20 + i, y: 30, size: 40 }) });
  const second = drawClip(20, {
    at: () => ({ x: 90, y: 50, size: 50 }),
    seed: 7,
  }).map(({ frame, box }) => ({
    // a darker shot: its luma histogram differs from the first's
    frame: { ...frame, data: frame.data.map((v) => v / 3) },
    box,
  }));
  const clip = [...first, ...second];
  const result = await trackFaceBoxes(
    clip.map((c) => c.frame),
    oracleDetector(clip),
  );
  assert.deepEqual(result.scenes, [0, 20]);
  assert.ok(result.detected.includes(19) && result.detected.includes(20));
  for (const [i, box] of result.found.entries()) {
    assert.ok(faceBoxIou(box!, clip[i]!.box) >= 0.85, `frame ${i}`);
  }
});

Deno.test("trackFaceBoxes() splits a span whose detections the track cannot join", async () => {
  // The detector jumps to another place from frame 12 on, as when it switches faces.
  const clip = drawClip(25, { at: () => ({ x: 30, y: 30, size: 40 }) });
  const elsewhere = { y1: 60, y2: 100, x1: 100, x2: 140 };
  const detector = oracleDetector(clip, {
    lie: (i, box) => (i >= 12 ? elsewhere : box),
  });
  const result = await trackFaceBoxes(clip.map((c) => c.frame), detector);
  // Bisection narrows the jump down to frames 11 and 12 and detects both.
  assert.ok(result.detected.includes(11) && result.detected.includes(12));
  assert.deepEqual(result.found[11], clip[11]!.box);
  assert.deepEqual(result.found[12], elsewhere);
  assert.equal(new Set(detector.runs).size, detector.runs.length); // each frame at most once
});

Deno.test("trackFaceBoxes() finds where a face appears and reports frames without one", async () => {
  const clip = drawClip(20, { at: () => ({ x: 30, y: 30, size: 40 }) });
  const detector = oracleDetector(clip, {
    lie: (i, box) => (i < 7 ? null : box),
  });
  const ticks: number[] = [];
  const result = await trackFaceBoxes(clip.map((c) => c.frame), detector, {
    onFrame: () => ticks.push(1),
  });
  assert.deepEqual(
    result.found.flatMap((box, i) => (box === null ? [i] : [])),
    [0, 1, 2, 3, 4, 5, 6],
  );
  // Frames without a face are all detected, never guessed; every frame is reported once.
  for (let i = 0; i < 7; i++) {
    assert.ok(result.detected.includes(i), `frame ${i}`);
  }
  assert.equal(ticks.length, 20);
});

Deno.test("trackFaceBoxes() with keyframeInterval 1 detects every frame", async () => {
  const clip = drawClip(6, { at: (i) => ({ x: 10 + i, y: 10, size: 30 }) });
  const result = await trackFaceBoxes(
    clip.map((c) => c.frame),
    oracleDetector(clip),
    { keyframeInterval: 1 },
  );
  assert.deepEqual(result.detected, [0, 1, 2, 3, 4, 5]);
});
