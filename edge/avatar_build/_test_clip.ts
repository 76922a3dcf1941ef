/**
 * Test support: a synthetic clip of a textured "face" square moving over a textured background,
 * with the square's true box per frame, so tracking can be checked without a detector model.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import type { RgbImage } from "../frames/rgb_image.ts";

/** One frame and the true box of its square. */
export interface ClipFrame {
  frame: RgbImage;
  box: FaceBox;
}

/**
 * Draws `count` frames: the square (side `size`) at `at(i)` (top-left corner), background
 * pattern `seed`.
 */
export function drawClip(
  count: number,
  options: {
    at: (i: number) => { x: number; y: number; size: number };
    seed?: number;
    width?: number;
    height?: number;
  },
): ClipFrame[] {
  const width = options.width ?? 160, height = options.height ?? 120;
  const seed = options.seed ?? 1;
  return Array.from({ length: count }, (_, i) => {
    const { x, y, size } = options.at(i);
    const data = new Uint8Array(width * height * 3);
    for (let py = 0; py < height; py++) {
      for (let px = 0; px < width; px++) {
        const o = (py * width + px) * 3;
        const inside = px >= x && px < x + size && py >= y && py < y + size;
        // Texture in the square's own coordinates, so it moves and scales with it.
        const u = (px - x) / size, v = (py - y) / size;
        const value = inside
          ? 128 + 100 * Math.sin(u * 9) * Math.cos(v * 7)
          : 60 + 40 * Math.sin(px * 0.05 * seed) * Math.sin(py * 0.07);
        data[o] = data[o + 1] = data[o + 2] = value;
      }
    }
    const box = {
      y1: Math.round(y),
      y2: Math.round(y + size),
      x1: Math.round(x),
      x2: Math.round(x + size),
    };
    return { frame: { width, height, data }, box };
  });
}

/** A detector that knows the true boxes (looked up by frame identity), counting its runs. */
export function oracleDetector(
  clip: readonly ClipFrame[],
  options: { lie?: (i: number, box: FaceBox) => FaceBox | null } = {},
) {
  const index = new Map(clip.map((c, i) => [c.frame, i]));
  const runs: number[] = [];
  return {
    runs,
    name: "oracle",
    detect(frame: RgbImage): Promise<FaceBox | null> {
      const i = index.get(frame)!;
      runs.push(i);
      const box = clip[i]!.box;
      return Promise.resolve(options.lie ? options.lie(i, box) : box);
    },
  };
}
