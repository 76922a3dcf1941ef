/**
 * The one image type of the frame pipeline: 8-bit RGB, interleaved, row-major, no padding.
 *
 * @module
 */

/** An 8-bit RGB image: `data[(y · width + x) · 3 + c]`, `c` = 0 red, 1 green, 2 blue. */
export interface RgbImage {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** `width · height · 3` bytes. */
  data: Uint8Array;
}

/**
 * Checks that an image's buffer holds exactly `width · height · 3` bytes.
 *
 * @param image The image to check.
 * @param action What the caller was doing, for the error message.
 * @returns The image, unchanged.
 * @throws {RangeError} When the size is not positive or the buffer length does not match.
 * @example A 2×1 image needs 6 bytes
 * ```ts
 * import { assertRgbImage } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * assertRgbImage({ width: 2, height: 1, data: new Uint8Array(6) }, "test");
 * assert.throws(() => assertRgbImage({ width: 2, height: 1, data: new Uint8Array(5) }, "test"), RangeError);
 * ```
 */
export function assertRgbImage(image: RgbImage, action: string): RgbImage {
  const { width, height, data } = image;
  if (
    !Number.isSafeInteger(width) || width < 1 ||
    !Number.isSafeInteger(height) || height < 1
  ) {
    throw new RangeError(
      `Cannot ${action}: image size must be positive integers: received ${width}×${height}`,
    );
  }
  if (data.length !== width * height * 3) {
    throw new RangeError(
      `Cannot ${action}: a ${width}×${height} RGB image needs ${
        width * height * 3
      } bytes: received ${data.length}`,
    );
  }
  return image;
}
