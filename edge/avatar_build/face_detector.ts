/**
 * Face detection for the pack builder, behind one interface, and the per-frame box pass with
 * Wav2Lip's no-face policy: a frame without a face fails the build (`face_detect()` in the
 * reference's `inference.py` raises `ValueError('Face not detected! …')`) or, with `"nearest"`,
 * takes the nearest detected frame's box. Either way the indices are reported.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import type { RgbImage } from "../frames/rgb_image.ts";

/** Finds the main face of a frame, or `null` when there is none. */
export interface FaceDetector {
  /** A short name recorded in the manifest. */
  readonly name: string;
  /** Returns the highest-scoring face box (unpadded), or `null`. */
  detect(frame: RgbImage): Promise<FaceBox | null>;
}

/**
 * A detector that returns the same box for every frame (Wav2Lip's `--box`).
 *
 * @param box The fixed box.
 * @returns The detector.
 * @example Same box everywhere
 * ```ts
 * import { fixedBoxDetector } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const box = { y1: 1, y2: 5, x1: 1, x2: 5 };
 * const frame = { width: 8, height: 8, data: new Uint8Array(192) };
 * assert.deepEqual(await fixedBoxDetector(box).detect(frame), box);
 * ```
 */
export function fixedBoxDetector(box: FaceBox): FaceDetector {
  return { name: "fixed", detect: () => Promise.resolve({ ...box }) };
}

/** Options for {@linkcode detectFaceBoxes}. */
export interface DetectFaceBoxesOptions {
  /** What to do with frames where no face is found. @default {"fail"} */
  noFace?: "fail" | "nearest";
}

/** Boxes per frame and the frames that had no face of their own. */
export interface DetectedFaceBoxes {
  boxes: FaceBox[];
  missing: number[];
}

/**
 * Detects a box in every frame and applies the no-face policy.
 *
 * @param frames The frames.
 * @param detector The detector.
 * @param options No-face policy.
 * @returns One box per frame and the indices of frames without a face.
 * @throws {RangeError} With `"fail"` when any frame has no face, listing the indices; with
 * `"nearest"` when no frame has one.
 * @example Reusing the nearest box
 * ```ts
 * import { detectFaceBoxes } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const frame = { width: 8, height: 8, data: new Uint8Array(192) };
 * const box = { y1: 1, y2: 5, x1: 1, x2: 5 };
 * let calls = 0;
 * const detector = { name: "odd", detect: () => Promise.resolve(calls++ === 1 ? null : box) };
 * const result = await detectFaceBoxes([frame, frame, frame], detector, { noFace: "nearest" });
 * assert.deepEqual(result.missing, [1]);
 * assert.deepEqual(result.boxes[1], box);
 * ```
 */
export async function detectFaceBoxes(
  frames: readonly RgbImage[],
  detector: FaceDetector,
  options: DetectFaceBoxesOptions = {},
): Promise<DetectedFaceBoxes> {
  const found: (FaceBox | null)[] = [];
  for (const frame of frames) found.push(await detector.detect(frame));
  return applyNoFacePolicy(found, options);
}

/**
 * Applies the no-face policy to per-frame results (from {@linkcode detectFaceBoxes} or
 * `trackFaceBoxes`).
 *
 * @param found One box or `null` per frame.
 * @param options No-face policy.
 * @returns One box per frame and the indices of frames without a face.
 * @throws {RangeError} As {@linkcode detectFaceBoxes} does.
 */
export function applyNoFacePolicy(
  found: readonly (FaceBox | null)[],
  options: DetectFaceBoxesOptions = {},
): DetectedFaceBoxes {
  const missing = found.flatMap((box, i) => (box === null ? [i] : []));
  if (missing.length > 0 && (options.noFace ?? "fail") === "fail") {
    throw new RangeError(
      `Cannot build avatar pack: no face detected in frames ${
        missing.join(", ")
      }`,
    );
  }
  if (missing.length === found.length) {
    throw new RangeError(
      "Cannot build avatar pack: no face detected in any frame",
    );
  }
  const boxes = found.map((box, i) => box ?? nearest(found, i));
  return { boxes, missing };
}

function nearest(found: readonly (FaceBox | null)[], index: number): FaceBox {
  for (let d = 1;; d++) {
    const before = found[index - d], after = found[index + d];
    if (before) return before;
    if (after) return after;
  }
}
