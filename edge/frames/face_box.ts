/**
 * Face boxes in Wav2Lip's order `(y1, y2, x1, x2)`: half-open pixel ranges `[y1, y2) × [x1, x2)`,
 * as `face_detect()` in Rudrabha/Wav2Lip `inference.py` returns them and slices
 * `image[y1:y2, x1:x2]`.
 *
 * @module
 */

/** A face box: rows `[y1, y2)`, columns `[x1, x2)`, in pixels of the full frame. */
export interface FaceBox {
  /** First row. */
  y1: number;
  /** One past the last row. */
  y2: number;
  /** First column. */
  x1: number;
  /** One past the last column. */
  x2: number;
}

/**
 * Checks that a box is a non-empty integer box inside a `width × height` frame.
 *
 * @param box The box to check.
 * @param size The frame size.
 * @returns The box, unchanged.
 * @throws {RangeError} When a coordinate is not an integer, the box is empty, or it leaves the frame.
 * @example Boxes must lie inside the frame
 * ```ts
 * import { assertFaceBox } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * assertFaceBox({ y1: 0, y2: 4, x1: 1, x2: 3 }, { width: 4, height: 4 });
 * assert.throws(() => assertFaceBox({ y1: 0, y2: 5, x1: 1, x2: 3 }, { width: 4, height: 4 }), RangeError);
 * ```
 */
export function assertFaceBox(
  box: FaceBox,
  size: { width: number; height: number },
): FaceBox {
  const { y1, y2, x1, x2 } = box;
  const integers = [y1, y2, x1, x2].every(Number.isSafeInteger);
  if (
    !integers || y1 < 0 || x1 < 0 || y2 > size.height || x2 > size.width ||
    y2 <= y1 || x2 <= x1
  ) {
    throw new RangeError(
      `Cannot use face box (${y1}, ${y2}, ${x1}, ${x2}): it must be a non-empty integer box inside the ${size.width}×${size.height} frame`,
    );
  }
  return box;
}
