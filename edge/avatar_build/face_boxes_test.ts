import assert from "node:assert/strict";
import { padFaceBox, smoothFaceBoxes } from "./face_boxes.ts";

Deno.test("padFaceBox() applies top, bottom, left, right and clips to the frame", () => {
  const pads = { top: 5, bottom: 10, left: 3, right: 4 };
  assert.deepEqual(
    padFaceBox({ y1: 2, y2: 50, x1: 10, x2: 58 }, {
      width: 60,
      height: 55,
      pads,
    }),
    { y1: 0, y2: 55, x1: 7, x2: 60 },
  );
});

Deno.test("smoothFaceBoxes() averages forward 5 boxes with truncation", () => {
  const boxes = [1, 2, 2, 2, 2, 9, 9].map((v) => ({
    y1: v,
    y2: 20 + v,
    x1: 0,
    x2: 5,
  }));
  // i=0: (1+2+2+2+2)/5 = 1.8 → 1; i=1: (2+2+2+2+9)/5 = 3.4 → 3; i≥2: last 5 = 24/5 → 4.
  assert.deepEqual(smoothFaceBoxes(boxes).map((b) => b.y1), [
    1,
    3,
    4,
    4,
    4,
    4,
    4,
  ]);
  assert.deepEqual(smoothFaceBoxes(boxes.slice(0, 2)).map((b) => b.y1), [1, 1]);
});
