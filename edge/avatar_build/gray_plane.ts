/**
 * A small grayscale copy of a frame for tracking and scene-cut checks: BT.601 luma
 * (`0.299 R + 0.587 G + 0.114 B`), box-averaged down by an integer factor so the plane is at most
 * `maxWidth` wide. Row-major `Float32Array`, one value (0–255) per plane pixel.
 *
 * @module
 */

import type { RgbImage } from "../frames/rgb_image.ts";

/** A grayscale plane; plane pixel `(x, y)` covers frame pixels `[x·factor, (x+1)·factor)`. */
export interface GrayPlane {
  width: number;
  height: number;
  /** Frame pixels per plane pixel along each axis. */
  factor: number;
  data: Float32Array;
}

/**
 * Converts a frame to a grayscale plane at most `maxWidth` wide.
 *
 * @param frame The RGB frame.
 * @param options The largest plane width (default 320).
 * @returns The plane; edge rows and columns that do not fill a whole block are dropped.
 * @example A 4×2 frame averaged in 2×2 blocks
 * ```ts
 * import { toGrayPlane } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const data = new Uint8Array(4 * 2 * 3).fill(100);
 * data.fill(200, 0, 6); // the first two pixels of the top row
 * const plane = toGrayPlane({ width: 4, height: 2, data }, { maxWidth: 2 });
 * assert.deepEqual([plane.width, plane.height, plane.factor], [2, 1, 2]);
 * assert.deepEqual([...plane.data].map(Math.round), [150, 100]);
 * ```
 */
export function toGrayPlane(
  frame: RgbImage,
  options: { maxWidth?: number } = {},
): GrayPlane {
  const factor = Math.max(
    1,
    Math.ceil(frame.width / (options.maxWidth ?? 320)),
  );
  const width = Math.floor(frame.width / factor);
  const height = Math.floor(frame.height / factor);
  const data = new Float32Array(width * height);
  const src = frame.data, norm = 1 / (factor * factor);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        let o = ((y * factor + dy) * frame.width + x * factor) * 3;
        for (let dx = 0; dx < factor; dx++, o += 3) {
          sum += 0.299 * src[o]! + 0.587 * src[o + 1]! + 0.114 * src[o + 2]!;
        }
      }
      data[y * width + x] = sum * norm;
    }
  }
  return { width, height, factor, data };
}
