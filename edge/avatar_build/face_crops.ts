/**
 * The pack's face crops: each frame's box resized to 96×96 with cv2 `INTER_LINEAR` and stored
 * BGR, frame-major, `N × 96 × 96 × 3` bytes (`cv2.resize(face, (96, 96))` in `datagen()`,
 * Rudrabha/Wav2Lip `inference.py`), the layout
 * `buildFaceBatch` reads.
 *
 * @module
 */

import { FACE_CROP_BYTES, FACE_SIZE } from "../frames/face_batch.ts";
import { assertFaceBox, type FaceBox } from "../frames/face_box.ts";
import { resizeBilinear } from "../frames/resize_bilinear.ts";
import type { RgbImage } from "../frames/rgb_image.ts";

/**
 * Crops and resizes every frame's face to 96×96 BGR.
 *
 * @param frames The RGB frames.
 * @param boxes One face box per frame.
 * @returns `frames.length × 96 × 96 × 3` bytes.
 * @throws {RangeError} When the counts differ or a box leaves its frame.
 * @example A uniform red frame gives BGR crops
 * ```ts
 * import { cropFaces } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const frame = { width: 8, height: 8, data: new Uint8Array(192).map((_, i) => (i % 3 === 0 ? 200 : 0)) };
 * const crops = cropFaces([frame], [{ y1: 0, y2: 8, x1: 0, x2: 8 }]);
 * assert.equal(crops.length, 96 * 96 * 3);
 * assert.deepEqual([...crops.subarray(0, 3)], [0, 0, 200]);
 * ```
 */
export function cropFaces(
  frames: readonly RgbImage[],
  boxes: readonly FaceBox[],
): Uint8Array {
  if (frames.length !== boxes.length) {
    throw new RangeError(
      `Cannot crop faces: expected one box per frame: received ${boxes.length} boxes for ${frames.length} frames`,
    );
  }
  const crops = new Uint8Array(frames.length * FACE_CROP_BYTES);
  frames.forEach((frame, i) => {
    const region = assertFaceBox(boxes[i]!, frame);
    const out = crops.subarray(i * FACE_CROP_BYTES, (i + 1) * FACE_CROP_BYTES);
    resizeBilinear(frame, { width: FACE_SIZE, height: FACE_SIZE }, {
      region,
      swapRedBlue: true,
      out,
    });
  });
  return crops;
}
