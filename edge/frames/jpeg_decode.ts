/**
 * JPEG decoding for avatar packs, with `jpeg-js` (pure JS, so it runs on every edge runtime). The
 * server decodes each pack frame once at load; idle frames are then served as their stored bytes.
 *
 * @module
 */

import jpeg from "jpeg-js";
import type { RgbImage } from "./rgb_image.ts";

/**
 * Decodes a baseline or progressive JPEG to RGB.
 *
 * @param bytes The JPEG file.
 * @returns The decoded image.
 * @throws {Error} When `jpeg-js` cannot parse the data.
 * @example Round trip through the encoder
 * ```ts
 * import { decodeJpeg, JpegEncoder } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * const jpeg = new JpegEncoder().encode({ width: 8, height: 8, data: new Uint8Array(192).fill(90) });
 * const image = decodeJpeg(jpeg);
 * assert.equal(image.width, 8);
 * assert.ok(Math.abs(image.data[0]! - 90) <= 2);
 * ```
 */
export function decodeJpeg(bytes: Uint8Array): RgbImage {
  const { width, height, data } = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: false,
    maxMemoryUsageInMB: 256,
  });
  return { width, height, data };
}
