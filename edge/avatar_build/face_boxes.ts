/**
 * Wav2Lip's box post-processing (`face_detect()` and `get_smoothened_boxes()` in Rudrabha/Wav2Lip
 * `inference.py`): pads clipped to the frame, then a forward 5-frame moving average truncated to
 * integers (the mean is written back into the int64 box array).
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";

/** Pads in Wav2Lip's order: top, bottom, left, right. */
export interface FacePads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Wav2Lip's default pads: `[0, 10, 0, 0]`. */
export const DEFAULT_PADS: Readonly<FacePads> = {
  top: 0,
  bottom: 10,
  left: 0,
  right: 0,
};

/**
 * Grows a detected box by the pads, clipped to the frame.
 *
 * @param box The detected box.
 * @param options Pads and frame size.
 * @returns The padded box.
 * @example The default pads add 10 rows below, clipped at the frame
 * ```ts
 * import { padFaceBox } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const box = padFaceBox({ y1: 10, y2: 95, x1: 5, x2: 50 }, { width: 64, height: 100 });
 * assert.deepEqual(box, { y1: 10, y2: 100, x1: 5, x2: 50 });
 * ```
 */
export function padFaceBox(
  box: FaceBox,
  options: { width: number; height: number; pads?: FacePads },
): FaceBox {
  const pads = options.pads ?? DEFAULT_PADS;
  return {
    y1: Math.max(0, box.y1 - pads.top),
    y2: Math.min(options.height, box.y2 + pads.bottom),
    x1: Math.max(0, box.x1 - pads.left),
    x2: Math.min(options.width, box.x2 + pads.right),
  };
}

/**
 * Smooths boxes over time: box i becomes the truncated mean of boxes `[i, i + 5)`, or of the last 5
 * for the final 4 (all of them when there are fewer than 5).
 *
 * @param boxes One box per frame.
 * @param options Window length.
 * @returns New smoothed boxes.
 * @example The last boxes share the final window
 * ```ts
 * import { smoothFaceBoxes } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const boxes = [0, 1, 2, 3, 4, 5].map((v) => ({ y1: v, y2: 10, x1: 0, x2: 10 }));
 * assert.deepEqual(smoothFaceBoxes(boxes).map((b) => b.y1), [2, 3, 3, 3, 3, 3]);
 * ```
 */
export function smoothFaceBoxes(
  boxes: readonly FaceBox[],
  options: { window?: number } = {},
): FaceBox[] {
  const window = options.window ?? 5;
  return boxes.map((_, i) => {
    const start = i + window > boxes.length
      ? Math.max(0, boxes.length - window)
      : i;
    const span = boxes.slice(start, start + window);
    const mean = (key: keyof FaceBox) =>
      Math.trunc(span.reduce((sum, box) => sum + box[key], 0) / span.length);
    return { y1: mean("y1"), y2: mean("y2"), x1: mean("x1"), x2: mean("x2") };
  });
}

/**
 * Intersection over union of two boxes (1 = identical, 0 = disjoint).
 *
 * @param a A box.
 * @param b Another box.
 * @returns The ratio of the overlap's area to the union's.
 * @example Half overlapping squares
 * ```ts
 * import { faceBoxIou } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const a = { y1: 0, y2: 10, x1: 0, x2: 10 }, b = { y1: 0, y2: 10, x1: 5, x2: 15 };
 * assert.equal(faceBoxIou(a, b), 50 / 150);
 * ```
 */
export function faceBoxIou(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  const overlap = w > 0 && h > 0 ? w * h : 0;
  const area = (box: FaceBox) => (box.x2 - box.x1) * (box.y2 - box.y1);
  return overlap / (area(a) + area(b) - overlap);
}
