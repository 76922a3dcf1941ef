/**
 * The Wav2Lip face input built from an avatar pack's stored crops, as `datagen()` in
 * Rudrabha/Wav2Lip `inference.py` builds it (`img_masked[:, img_size//2:] = 0`, then the masked
 * and unmasked faces concatenated on the channel axis and divided by 255): for each frame,
 * channels 0–2 are the crop's BGR planes with rows 48–95 zeroed (the masked lower half), channels
 * 3–5 the unmasked BGR planes, all divided by 255. The crops are already 96×96 BGR, so this is a
 * copy (HWC → CHW) and a scale, never a resize.
 *
 * @module
 */

import {
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_FACE_SIZE,
} from "@lipstream/shared";

/** Side of a Wav2Lip face crop in pixels ({@linkcode WAV2LIP_FACE_SIZE}). */
export const FACE_SIZE = WAV2LIP_FACE_SIZE;
/** Bytes of one stored crop: 96 × 96 × 3, HWC, BGR. */
export const FACE_CROP_BYTES = FACE_SIZE * FACE_SIZE * 3;
/** Float32 values of one face in the model input: 6 × 96 × 96 ({@linkcode WAV2LIP_FACE_INPUT_VALUES}). */
export const FACE_INPUT_VALUES = WAV2LIP_FACE_INPUT_VALUES;

const PLANE = FACE_SIZE * FACE_SIZE;
const MASK_FROM = (FACE_SIZE / 2) * FACE_SIZE;

/** Options for {@linkcode buildFaceBatch}. */
export interface FaceBatchOptions {
  /** Where to write `[B, 6, 96, 96]`; allocated when absent. May be longer than needed. */
  out?: Float32Array;
}

/**
 * Builds the `[B, 6, 96, 96]` float32 face batch for the given avatar frames.
 *
 * @param source Stored crops, `N × 96 × 96 × 3` BGR bytes, frame-major (an avatar pack).
 * @param frameIndices The avatar frame of each batch item.
 * @param options Output buffer.
 * @returns The batch: masked BGR in channels 0–2, reference BGR in 3–5, values in [0, 1].
 * @throws {RangeError} When an index is outside the crops or `out` is too short.
 * @example One crop's reference channels keep every row; the masked ones lose the lower half
 * ```ts
 * import { buildFaceBatch, FACE_CROP_BYTES } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * const crops = new Uint8Array(FACE_CROP_BYTES).fill(255);
 * const batch = buildFaceBatch({ crops }, [0]);
 * assert.equal(batch.length, 6 * 96 * 96);
 * assert.equal(batch[0], 1);                 // masked B, row 0
 * assert.equal(batch[48 * 96], 0);           // masked B, row 48
 * assert.equal(batch[3 * 96 * 96 + 48 * 96], 1); // reference B, row 48
 * ```
 */
export function buildFaceBatch(
  source: { crops: Uint8Array },
  frameIndices: ArrayLike<number>,
  options: FaceBatchOptions = {},
): Float32Array {
  const { crops } = source;
  const frameCount = Math.floor(crops.length / FACE_CROP_BYTES);
  const size = frameIndices.length * FACE_INPUT_VALUES;
  const out = options.out ?? new Float32Array(size);
  if (out.length < size) {
    throw new RangeError(
      `Cannot build face batch: output needs ${size} values: received ${out.length}`,
    );
  }
  for (let b = 0; b < frameIndices.length; b++) {
    const frame = frameIndices[b]!;
    if (!Number.isSafeInteger(frame) || frame < 0 || frame >= frameCount) {
      throw new RangeError(
        `Cannot build face batch: frame index must be in [0, ${frameCount}): received ${frame}`,
      );
    }
    writeFace(crops, frame * FACE_CROP_BYTES, out, b * FACE_INPUT_VALUES);
  }
  return out;
}

function writeFace(
  crops: Uint8Array,
  from: number,
  out: Float32Array,
  to: number,
): void {
  const reference = to + 3 * PLANE;
  for (let p = 0, s = from; p < PLANE; p++, s += 3) {
    const b = crops[s]! / 255, g = crops[s + 1]! / 255, r = crops[s + 2]! / 255;
    out[reference + p] = b;
    out[reference + PLANE + p] = g;
    out[reference + 2 * PLANE + p] = r;
    const keep = p < MASK_FROM;
    out[to + p] = keep ? b : 0;
    out[to + PLANE + p] = keep ? g : 0;
    out[to + 2 * PLANE + p] = keep ? r : 0;
  }
}
