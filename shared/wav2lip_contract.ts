/**
 * The Wav2Lip model contract: a batch of mel windows and face crops in, a batch of mouths out.
 *
 * | role | datatype | shape | content |
 * | --- | --- | --- | --- |
 * | mel | FP32 | `[B, 1, 80, 16]` | 16 mel frames of 80 bands, values in [-4, 4] |
 * | face | FP32 | `[B, 6, 96, 96]` | masked BGR (lower half 0) then reference BGR, /255 |
 * | output | FP32 | `[B, 3, 96, 96]` | BGR in [0, 1] (sigmoid) |
 *
 * Names come from the model's metadata ({@linkcode resolveWav2lipTensors}): exporters choose them.
 *
 * @see https://github.com/Rudrabha/Wav2Lip (`inference.py` datagen, `models/wav2lip.py`)
 * @module
 */
import {
  InferenceError,
  type ModelMetadata,
  type TensorMetadata,
} from "./backend.ts";
import type { NamedTensors } from "./tensor.ts";
import {
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_FACE_OUTPUT_VALUES,
  WAV2LIP_FACE_SIZE,
  WAV2LIP_MEL_BANDS,
  WAV2LIP_MEL_STEPS,
  WAV2LIP_MEL_WINDOW_VALUES,
} from "./wav2lip_hparams.ts";

/** The tensor names of one Wav2Lip model, by role. */
export interface Wav2lipTensorNames {
  mel: string;
  face: string;
  output: string;
}

/** Per-item dims of the mel input: `[1, 80, 16]`. */
export const WAV2LIP_MEL_DIMS: readonly number[] = Object.freeze([
  1,
  WAV2LIP_MEL_BANDS,
  WAV2LIP_MEL_STEPS,
]);
/** Per-item dims of the face input: `[6, 96, 96]`. */
export const WAV2LIP_FACE_DIMS: readonly number[] = Object.freeze([
  6,
  WAV2LIP_FACE_SIZE,
  WAV2LIP_FACE_SIZE,
]);
/** Per-item dims of the output: `[3, 96, 96]`. */
export const WAV2LIP_OUTPUT_DIMS: readonly number[] = Object.freeze([
  3,
  WAV2LIP_FACE_SIZE,
  WAV2LIP_FACE_SIZE,
]);

const MEL_SIZE = WAV2LIP_MEL_WINDOW_VALUES;
const FACE_SIZE = WAV2LIP_FACE_INPUT_VALUES;
const OUTPUT_SIZE = WAV2LIP_FACE_OUTPUT_VALUES;

/** How well `t` fits per-item `dims`: 2 exact, 1 with variable dims, 0 not at all. */
function fit(t: TensorMetadata, dims: readonly number[]): number {
  if (t.datatype !== "FP32" || t.shape.length !== dims.length + 1) return 0;
  const rest = t.shape.slice(1);
  if (rest.every((d, i) => d === dims[i])) return 2;
  return rest.every((d, i) => d === dims[i] || d === -1) ? 1 : 0;
}

function describe(tensors: readonly TensorMetadata[]): string {
  return tensors.map((t) => `${t.name} ${t.datatype} [${t.shape}]`).join(", ");
}

function invalid(message: string): InferenceError {
  return new InferenceError("invalid_argument", message);
}

const ROLE_NAMES: Readonly<Record<keyof Wav2lipTensorNames, RegExp>> = {
  mel: /mel|audio/i,
  face: /face|image|img|video/i,
  output: /.*/,
};

/**
 * Finds the Wav2Lip roles by shape: the FP32 rank-4 input `[., 1, 80, 16]` is the mel, `[., 6, 96,
 * 96]` the face, and the FP32 output `[., 3, 96, 96]` the result. Names do not matter when shapes
 * decide; an export whose dims are all variable is resolved by names (`mel`/`audio`,
 * `face`/`image`/`video`) and the two inputs must differ. Any other input is refused, naming it.
 *
 * @param metadata The model's metadata.
 * @returns The names by role.
 * @throws {InferenceError} Kind `invalid_argument` when a role is missing or ambiguous, or an
 * input has no role.
 * @example Names chosen by an exporter
 * ```ts
 * import { resolveWav2lipTensors } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const names = resolveWav2lipTensors({
 *   name: "wav2lip", platform: "onnxruntime_onnx",
 *   inputs: [
 *     { name: "face_sequences", datatype: "FP32", shape: [-1, 6, 96, 96] },
 *     { name: "audio_sequences", datatype: "FP32", shape: [-1, 1, 80, 16] },
 *   ],
 *   outputs: [{ name: "out", datatype: "FP32", shape: [-1, 3, 96, 96] }],
 * });
 * assert.deepEqual(names, { mel: "audio_sequences", face: "face_sequences", output: "out" });
 * ```
 */
export function resolveWav2lipTensors(
  metadata: ModelMetadata,
): Wav2lipTensorNames {
  const find = (
    list: readonly TensorMetadata[],
    dims: readonly number[],
    role: keyof Wav2lipTensorNames,
    label: string,
    taken?: TensorMetadata,
  ) => {
    const candidates = list.filter((t) => t !== taken && fit(t, dims) > 0);
    const exact = candidates.filter((t) => fit(t, dims) === 2);
    const named = candidates.filter((t) => ROLE_NAMES[role].test(t.name));
    const found = exact.length === 1
      ? exact[0]
      : candidates.length === 1
      ? candidates[0]
      : named.length === 1
      ? named[0]
      : undefined;
    if (found === undefined) {
      throw invalid(
        `Cannot use model '${metadata.name}' as Wav2Lip: ${
          candidates.length === 0 ? "no" : "no unambiguous"
        } ${label} of FP32 [B,${dims}]: received [${describe(list)}]`,
      );
    }
    return found;
  };
  const mel = find(metadata.inputs, WAV2LIP_MEL_DIMS, "mel", "mel input");
  const face = find(
    metadata.inputs,
    WAV2LIP_FACE_DIMS,
    "face",
    "face input",
    mel,
  );
  const output = find(
    metadata.outputs,
    WAV2LIP_OUTPUT_DIMS,
    "output",
    "output",
  );
  const extra = metadata.inputs.find((t) => t !== mel && t !== face);
  if (extra !== undefined) {
    throw invalid(
      `Cannot use model '${metadata.name}' as Wav2Lip: input '${extra.name}' (${
        describe([extra])
      }) has no role in the Wav2Lip contract (mel [B,1,80,16], face [B,6,96,96])`,
    );
  }
  return { mel: mel.name, face: face.name, output: output.name };
}

/**
 * The batch size a Wav2Lip model was exported with, when fixed (e.g. `[1, 1, 80, 16]`): callers
 * must then send batches of exactly that size. `undefined` for a variable batch dim.
 *
 * @param metadata The model's metadata.
 * @param names Its resolved names.
 * @returns The fixed batch size, or `undefined`.
 * @example A batch-1 export
 * ```ts
 * import { wav2lipFixedBatch } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const metadata = {
 *   name: "w", platform: "onnxruntime_onnx",
 *   inputs: [
 *     { name: "mel", datatype: "FP32" as const, shape: [1, 1, 80, 16] },
 *     { name: "face", datatype: "FP32" as const, shape: [1, 6, 96, 96] },
 *   ],
 *   outputs: [{ name: "out", datatype: "FP32" as const, shape: [1, 3, 96, 96] }],
 * };
 * assert.equal(wav2lipFixedBatch(metadata, { mel: "mel", face: "face", output: "out" }), 1);
 * ```
 */
export function wav2lipFixedBatch(
  metadata: ModelMetadata,
  names: Wav2lipTensorNames,
): number | undefined {
  const dims = [names.mel, names.face].map((name) =>
    metadata.inputs.find((t) => t.name === name)?.shape[0] ?? -1
  );
  const fixed = dims.filter((d) => d > 0);
  if (fixed.length === 0) return undefined;
  if (new Set(fixed).size > 1 || fixed.length !== dims.length) {
    throw invalid(
      `Cannot use model '${metadata.name}' as Wav2Lip: inputs '${names.mel}' and '${names.face}' have different batch dims [${dims}]`,
    );
  }
  return fixed[0];
}

/** One Wav2Lip batch: `batch` mel windows and face inputs, packed row-major. */
export interface Wav2lipBatch {
  /** `batch × 80 × 16` mel values (band-major within a window). */
  mel: Float32Array;
  /** `batch × 6 × 96 × 96` values: masked BGR then reference BGR planes, in [0, 1]. */
  face: Float32Array;
}

/**
 * Builds the two input tensors of a Wav2Lip batch, using the caller's arrays without copying.
 *
 * @param names The model's tensor names ({@linkcode resolveWav2lipTensors}).
 * @param batch Packed mel windows and faces; the batch size is `mel.length / 1280`.
 * @returns The named FP32 tensors `[B,1,80,16]` and `[B,6,96,96]`.
 * @throws {InferenceError} Kind `invalid_argument` when the lengths are not whole items or the
 * batch sizes differ.
 * @example One window and one face
 * ```ts
 * import { wav2lipInputs } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const inputs = wav2lipInputs({ mel: "mel", face: "face", output: "out" }, {
 *   mel: new Float32Array(80 * 16),
 *   face: new Float32Array(6 * 96 * 96),
 * });
 * assert.deepEqual(inputs["mel"]?.shape, [1, 1, 80, 16]);
 * assert.deepEqual(inputs["face"]?.shape, [1, 6, 96, 96]);
 * ```
 */
export function wav2lipInputs(
  names: Wav2lipTensorNames,
  batch: Wav2lipBatch,
): NamedTensors {
  const size = batch.mel.length / MEL_SIZE;
  if (!Number.isInteger(size) || size < 1) {
    throw invalid(
      `Cannot build Wav2Lip input '${names.mel}': expected a positive multiple of ${MEL_SIZE} values ([B,1,80,16]): received ${batch.mel.length}`,
    );
  }
  if (batch.face.length !== size * FACE_SIZE) {
    throw invalid(
      `Cannot build Wav2Lip input '${names.face}': expected ${
        size * FACE_SIZE
      } values ([${size},6,96,96]): received ${batch.face.length}`,
    );
  }
  return {
    [names.mel]: {
      datatype: "FP32",
      shape: [size, ...WAV2LIP_MEL_DIMS],
      data: batch.mel,
    },
    [names.face]: {
      datatype: "FP32",
      shape: [size, ...WAV2LIP_FACE_DIMS],
      data: batch.face,
    },
  };
}

/**
 * Reads the faces of a Wav2Lip response as one `3 × 96 × 96` BGR view per batch item (views into
 * the output, no copies).
 *
 * @param outputs The response's tensors.
 * @param names The model's tensor names (only `output` is read).
 * @returns One planar BGR face per item, values in [0, 1].
 * @throws {InferenceError} Kind `invalid_argument` when the output is missing, not FP32
 * `[B,3,96,96]`, or its data length disagrees with its shape.
 * @example Two faces
 * ```ts
 * import { wav2lipFaces } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const data = new Float32Array(2 * 3 * 96 * 96).fill(0.5);
 * const faces = wav2lipFaces({ out: { datatype: "FP32", shape: [2, 3, 96, 96], data } }, { output: "out" });
 * assert.equal(faces.length, 2);
 * assert.equal(faces[1]?.length, 3 * 96 * 96);
 * ```
 */
export function wav2lipFaces(
  outputs: NamedTensors,
  names: Pick<Wav2lipTensorNames, "output">,
): Float32Array[] {
  const name = names.output;
  const tensor = outputs[name];
  if (tensor === undefined) {
    throw invalid(
      `Cannot read Wav2Lip output '${name}': expected FP32 [B,3,96,96]: received no such tensor`,
    );
  }
  const [size, ...dims] = tensor.shape;
  const fits = tensor.datatype === "FP32" && size !== undefined &&
    dims.length === 3 && dims.every((d, i) => d === WAV2LIP_OUTPUT_DIMS[i]);
  if (!fits) {
    throw invalid(
      `Cannot read Wav2Lip output '${name}': expected FP32 [B,3,96,96]: received ${tensor.datatype} [${tensor.shape}]`,
    );
  }
  if (tensor.data.length !== size * OUTPUT_SIZE) {
    throw invalid(
      `Cannot read Wav2Lip output '${name}': expected ${
        size * OUTPUT_SIZE
      } values for [${tensor.shape}]: received ${tensor.data.length}`,
    );
  }
  const data = tensor.data;
  return Array.from(
    { length: size },
    (_, i) => data.subarray(i * OUTPUT_SIZE, (i + 1) * OUTPUT_SIZE),
  );
}
