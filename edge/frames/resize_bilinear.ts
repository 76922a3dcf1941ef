/**
 * OpenCV's `cv2.resize(src, (w, h))` with the default `INTER_LINEAR` for 8-bit, 3-channel images:
 * half-pixel centres `sx = (dx + 0.5) · (srcW / dstW) − 0.5`, edge clamping, and 11-bit fixed-point
 * weights rounded from float32 (`INTER_RESIZE_COEF_BITS`), summed and rounded as
 * `(Σ + 2²¹) >> 22`.
 *
 * This is OpenCV's scalar path. Its SIMD path rounds the vertical pass in two steps and can differ
 * by 1 in rare pixels; OpenCV also routes exact 2× downscales to `INTER_AREA`, which gives the same
 * 2×2 average up to rounding.
 *
 * @see https://github.com/opencv/opencv/blob/4.x/modules/imgproc/src/resize.cpp
 * @module
 */

import type { FaceBox } from "./face_box.ts";
import type { RgbImage } from "./rgb_image.ts";

const COEF_SCALE = 2048;
const ROUND = 1 << 21;

/** Options for {@linkcode resizeBilinear}. */
export interface ResizeBilinearOptions {
  /** The source rectangle; the whole image when absent. */
  region?: FaceBox;
  /** Write channels in reverse order (RGB ↔ BGR). @default {false} */
  swapRedBlue?: boolean;
  /** Where to write the `width · height · 3` result bytes; allocated when absent. */
  out?: Uint8Array;
}

/**
 * Resizes `source` (or a region of it) to `size`, cv2 `INTER_LINEAR` semantics, interleaved output.
 *
 * @param source An interleaved 3-channel image (RGB or BGR).
 * @param size The output size.
 * @param options Source region, channel swap and output buffer.
 * @returns The resized pixels, `size.width · size.height · 3` bytes.
 * @example Upscaling a 2×1 image to 4×1 interpolates between the pixels
 * ```ts
 * import { resizeBilinear } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * const source = { width: 2, height: 1, data: new Uint8Array([0, 0, 0, 200, 100, 40]) };
 * const out = resizeBilinear(source, { width: 4, height: 1 });
 * assert.deepEqual([...out.filter((_, i) => i % 3 === 0)], [0, 50, 150, 200]);
 * ```
 */
export function resizeBilinear(
  source: RgbImage,
  size: { width: number; height: number },
  options: ResizeBilinearOptions = {},
): Uint8Array {
  const region = options.region ??
    { y1: 0, y2: source.height, x1: 0, x2: source.width };
  const srcW = region.x2 - region.x1, srcH = region.y2 - region.y1;
  const { width, height } = size;
  const out = options.out ?? new Uint8Array(width * height * 3);
  if (out.length < width * height * 3) {
    throw new RangeError(
      `Cannot resize image: output needs ${
        width * height * 3
      } bytes: received ${out.length}`,
    );
  }
  const xTaps = linearTaps(srcW, width);
  const yTaps = linearTaps(srcH, height);
  const col0 = xTaps.index.map((i) => (region.x1 + i) * 3);
  const col1 = xTaps.next.map((i) => (region.x1 + i) * 3);
  const stride = source.width * 3;
  const src = source.data;
  const [c0, c2] = options.swapRedBlue ? [2, 0] : [0, 2];
  let o = 0;
  for (let dy = 0; dy < height; dy++) {
    const row0 = (region.y1 + yTaps.index[dy]!) * stride;
    const row1 = (region.y1 + yTaps.next[dy]!) * stride;
    const b0 = yTaps.weight0[dy]!, b1 = yTaps.weight1[dy]!;
    for (let dx = 0; dx < width; dx++, o += 3) {
      const a0 = xTaps.weight0[dx]!, a1 = xTaps.weight1[dx]!;
      const p00 = row0 + col0[dx]!, p01 = row0 + col1[dx]!;
      const p10 = row1 + col0[dx]!, p11 = row1 + col1[dx]!;
      out[o + c0] = blend(src, p00, p01, p10, p11, a0, a1, b0, b1);
      out[o + 1] = blend(
        src,
        p00 + 1,
        p01 + 1,
        p10 + 1,
        p11 + 1,
        a0,
        a1,
        b0,
        b1,
      );
      out[o + c2] = blend(
        src,
        p00 + 2,
        p01 + 2,
        p10 + 2,
        p11 + 2,
        a0,
        a1,
        b0,
        b1,
      );
    }
  }
  return out;
}

/** One output byte from four taps with 11-bit weights, cv2's `(Σ + 2²¹) >> 22`, saturated. */
function blend(
  src: Uint8Array,
  p00: number,
  p01: number,
  p10: number,
  p11: number,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): number {
  const top = src[p00]! * a0 + src[p01]! * a1;
  const bottom = src[p10]! * a0 + src[p11]! * a1;
  const value = (top * b0 + bottom * b1 + ROUND) >> 22;
  return value > 255 ? 255 : value;
}

interface LinearTaps {
  index: Int32Array;
  next: Int32Array;
  weight0: Int32Array;
  weight1: Int32Array;
}

function linearTaps(sourceSize: number, targetSize: number): LinearTaps {
  const taps: LinearTaps = {
    index: new Int32Array(targetSize),
    next: new Int32Array(targetSize),
    weight0: new Int32Array(targetSize),
    weight1: new Int32Array(targetSize),
  };
  const scale = 1 / (targetSize / sourceSize);
  for (let d = 0; d < targetSize; d++) {
    let f = Math.fround((d + 0.5) * scale - 0.5);
    let s = Math.floor(f);
    f = Math.fround(f - s);
    if (s < 0) f = 0, s = 0;
    if (s >= sourceSize - 1) f = 0, s = sourceSize - 1;
    taps.index[d] = s;
    taps.next[d] = Math.min(s + 1, sourceSize - 1);
    taps.weight0[d] = roundHalfEven(Math.fround(1 - f) * COEF_SCALE);
    taps.weight1[d] = roundHalfEven(f * COEF_SCALE);
  }
  return taps;
}

/** `cvRound`: round to nearest, ties to even. */
function roundHalfEven(value: number): number {
  const r = Math.round(value);
  return r - value === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
