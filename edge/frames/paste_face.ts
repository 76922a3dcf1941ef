/**
 * Wav2Lip's paste-back (the end of `main()` in Rudrabha/Wav2Lip `inference.py`): one
 * `[3, 96, 96]` BGR model output in [0, 1] becomes uint8 by `× 255` and truncation
 * (`astype(np.uint8)`), is resized to the face box with cv2 `INTER_LINEAR`
 * ({@linkcode resizeBilinear}) and written into a copy of the RGB avatar frame.
 *
 * `"reference"` replaces the whole box, exactly as Wav2Lip does. `"feathered"` (the default) blends
 * the box border into the frame: a pixel `d` pixels inside the nearest box edge takes
 * `min(1, (d + 0.5) / featherPx)` of the generated face, which hides the seam Wav2Lip leaves.
 * Pixels outside the box are never changed.
 *
 * @module
 */

import { assertFaceBox, type FaceBox } from "./face_box.ts";
import { FACE_SIZE } from "./face_batch.ts";
import { resizeBilinear } from "./resize_bilinear.ts";
import { assertRgbImage, type RgbImage } from "./rgb_image.ts";

const PLANE = FACE_SIZE * FACE_SIZE;

/** One generated face and where it goes. */
export interface FacePatch {
  /** Model output for one face: `[3, 96, 96]` planar BGR in [0, 1] (a `subarray` of the batch). */
  face: Float32Array;
  /** The padded, smoothed face box of the avatar frame. */
  box: FaceBox;
}

/** Options for {@linkcode pasteFace}. */
export interface PasteFaceOptions {
  /** `"reference"` reproduces Wav2Lip; `"feathered"` blends the box border. @default {"feathered"} */
  mode?: "reference" | "feathered";
  /** Width of the feathered border. @default {10 % of the box's shorter side, at least 1} */
  featherPx?: number;
  /** Where to write the result frame (`width · height · 3` bytes); allocated when absent. */
  out?: Uint8Array;
}

/**
 * Pastes a generated face into a copy of an avatar frame.
 *
 * @param frame The decoded avatar frame (left unchanged).
 * @param patch The model output and its face box.
 * @param options Blend mode, feather width and output buffer.
 * @returns The new frame.
 * @throws {RangeError} When the face is not `3 · 96 · 96` values, or the box leaves the frame.
 * @example A white face replaces the whole box in reference mode
 * ```ts
 * import { pasteFace } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * const frame = { width: 4, height: 4, data: new Uint8Array(48) };
 * const face = new Float32Array(3 * 96 * 96).fill(1);
 * const out = pasteFace(frame, { face, box: { y1: 1, y2: 3, x1: 1, x2: 3 } }, { mode: "reference" });
 * assert.equal(out.data[(1 * 4 + 1) * 3], 255);
 * assert.equal(out.data[0], 0);
 * assert.equal(frame.data[(1 * 4 + 1) * 3], 0);
 * ```
 */
export function pasteFace(
  frame: RgbImage,
  patch: FacePatch,
  options: PasteFaceOptions = {},
): RgbImage {
  assertRgbImage(frame, "paste face");
  const { face, box } = patch;
  assertFaceBox(box, frame);
  if (face.length !== 3 * PLANE) {
    throw new RangeError(
      `Cannot paste face: model output must hold ${
        3 * PLANE
      } values: received ${face.length}`,
    );
  }
  const out = options.out ?? new Uint8Array(frame.data.length);
  if (out.length !== frame.data.length) {
    throw new RangeError(
      `Cannot paste face: output needs ${frame.data.length} bytes: received ${out.length}`,
    );
  }
  out.set(frame.data);
  const boxW = box.x2 - box.x1, boxH = box.y2 - box.y1;
  const generated = resizeBilinear(faceToRgb(face), {
    width: boxW,
    height: boxH,
  });
  const result = { width: frame.width, height: frame.height, data: out };
  if ((options.mode ?? "feathered") === "reference") {
    copyIntoBox(result, generated, box);
  } else {
    const featherPx = options.featherPx ??
      Math.max(1, Math.round(0.1 * Math.min(boxW, boxH)));
    if (!(featherPx > 0)) {
      throw new RangeError(
        `Cannot paste face: featherPx must be > 0: received ${featherPx}`,
      );
    }
    blendIntoBox(result, generated, { box, featherPx });
  }
  return result;
}

/** `[3, 96, 96]` BGR floats → 96×96 interleaved RGB bytes, `trunc(fround(v · 255))` like numpy. */
function faceToRgb(face: Float32Array): RgbImage {
  const data = new Uint8Array(PLANE * 3);
  for (let p = 0, o = 0; p < PLANE; p++, o += 3) {
    data[o] = toByte(face[2 * PLANE + p]!);
    data[o + 1] = toByte(face[PLANE + p]!);
    data[o + 2] = toByte(face[p]!);
  }
  return { width: FACE_SIZE, height: FACE_SIZE, data };
}

function toByte(value: number): number {
  const scaled = Math.fround(value * 255);
  return scaled >= 255 ? 255 : scaled > 0 ? Math.trunc(scaled) : 0;
}

function copyIntoBox(frame: RgbImage, pixels: Uint8Array, box: FaceBox): void {
  const rowBytes = (box.x2 - box.x1) * 3;
  for (let y = box.y1, s = 0; y < box.y2; y++, s += rowBytes) {
    frame.data.set(
      pixels.subarray(s, s + rowBytes),
      (y * frame.width + box.x1) * 3,
    );
  }
}

function blendIntoBox(
  frame: RgbImage,
  pixels: Uint8Array,
  { box, featherPx }: { box: FaceBox; featherPx: number },
): void {
  const data = frame.data;
  for (let y = box.y1, s = 0; y < box.y2; y++) {
    const dy = Math.min(y - box.y1, box.y2 - 1 - y);
    let o = (y * frame.width + box.x1) * 3;
    for (let x = box.x1; x < box.x2; x++, o += 3, s += 3) {
      const d = Math.min(dy, x - box.x1, box.x2 - 1 - x);
      const alpha = (d + 0.5) / featherPx;
      if (alpha >= 1) {
        data[o] = pixels[s]!;
        data[o + 1] = pixels[s + 1]!;
        data[o + 2] = pixels[s + 2]!;
        continue;
      }
      for (let c = 0; c < 3; c++) {
        const base = data[o + c]!;
        data[o + c] = (base + (pixels[s + c]! - base) * alpha + 0.5) | 0;
      }
    }
  }
}
