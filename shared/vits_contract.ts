/**
 * The VITS voice model contract (Piper-compatible ONNX): which tensors a voice takes and returns,
 * how to build its request and how to read its audio.
 *
 * | role | Piper name | datatype | shape |
 * | --- | --- | --- | --- |
 * | phoneme ids | `input` | INT64 | `[1, T]` |
 * | id count | `input_lengths` | INT64 | `[1]` |
 * | scales | `scales` | FP32 | `[3]`: noise_scale, length_scale, noise_w (or three FP32 scalars) |
 * | speaker | `sid` | INT64 | `[1]`, only in multi-speaker models |
 * | audio | `output` | FP32 | rank 2–4, samples on the last axis |
 *
 * Names come from the model's metadata ({@linkcode resolveVitsTensors}), Piper's names first.
 *
 * @see https://github.com/rhasspy/piper (`src/python/piper_train/export_onnx.py`, `src/cpp/piper.cpp`)
 * @module
 */
import {
  InferenceError,
  type ModelMetadata,
  type TensorMetadata,
} from "./backend.ts";
import type { NamedTensors } from "./tensor.ts";

/** The tensor names of one VITS voice model, by role. */
export interface VitsTensorNames {
  /** Phoneme ids, INT64 `[1, T]`. */
  ids: string;
  /** Number of ids, INT64 `[1]`. */
  lengths: string;
  /**
   * `[noise_scale, length_scale, noise_w]`, FP32 `[3]`; or, for exports that take them as three
   * FP32 scalars (`noise_scale`, `length_scale`, `noise_scale_w`), their names.
   */
  scales: string | VitsScaleInputs;
  /** Speaker id, INT64 `[1]`; absent for single-speaker models. */
  speaker?: string;
  /** Audio samples, FP32, samples on the last axis. */
  output: string;
}

/** The three scale inputs of an export that takes them one by one, as FP32 `[]` or `[1]`. */
export interface VitsScaleInputs {
  /** Noise scale of the prior. */
  noiseScale: string;
  /** Length scale. */
  lengthScale: string;
  /** Noise scale of the duration predictor. */
  noiseW: string;
  /** Rank of each: 0 (`[]`) or 1 (`[1]`). */
  rank: 0 | 1;
}

/** Piper's tensor names (`export_onnx.py`), preferred when a model declares them. */
export const PIPER_TENSOR_NAMES: Readonly<
  Required<VitsTensorNames> & { scales: string }
> = Object
  .freeze({
    ids: "input",
    lengths: "input_lengths",
    scales: "scales",
    speaker: "sid",
    output: "output",
  });

/** Piper's inference defaults (`python_run/piper/config.py`). */
export const VITS_DEFAULT_SCALES = Object.freeze({
  noiseScale: 0.667,
  lengthScale: 1,
  noiseW: 0.8,
});

function describe(tensors: readonly TensorMetadata[]): string {
  return tensors.map((t) => `${t.name} ${t.datatype} [${t.shape}]`).join(", ");
}

function pick(
  candidates: readonly TensorMetadata[],
  preferred: string,
  fits: (t: TensorMetadata) => boolean,
): TensorMetadata | undefined {
  const named = candidates.find((t) => t.name === preferred);
  if (named !== undefined && fits(named)) return named;
  return candidates.find(fits);
}

/** Name patterns of the three scalar scale inputs, tried in this order. */
const SCALAR_SCALES = [
  ["noiseW", /^(noise_?(scale_?)?w|noisew|noise_w_?scale|w_?noise)$/i],
  ["lengthScale", /^(length_?scale|length)$/i],
  ["noiseScale", /^(noise_?scale|noise)$/i],
] as const;

function isScalar(t: TensorMetadata): boolean {
  return t.datatype === "FP32" &&
    (t.shape.length === 0 || (t.shape.length === 1 && t.shape[0] === 1));
}

/**
 * Finds each VITS role among a model's inputs and outputs: Piper's names when present with the
 * right datatype and rank, otherwise by datatype and rank (INT64 rank 2 = ids, FP32 `[3]` =
 * scales, INT64 rank 1 = lengths, then a second INT64 rank 1 = speaker). Exports that take the
 * scales as three FP32 scalars (`noise_scale`, `length_scale`, `noise_scale_w`, as in
 * VITS-fast-fine-tuning's `infer()` arguments) are adapted. An input with no role is refused, so
 * a model the edge cannot feed fails at start, naming the tensor, instead of on every request.
 *
 * @param metadata The model's metadata.
 * @returns The names by role.
 * @throws {InferenceError} Kind `invalid_argument` when a required role is missing or an input
 * has no role.
 * @example A Piper voice with one speaker
 * ```ts
 * import { resolveVitsTensors } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const names = resolveVitsTensors({
 *   name: "vits", platform: "onnxruntime_onnx",
 *   inputs: [
 *     { name: "input", datatype: "INT64", shape: [1, -1] },
 *     { name: "input_lengths", datatype: "INT64", shape: [1] },
 *     { name: "scales", datatype: "FP32", shape: [3] },
 *   ],
 *   outputs: [{ name: "output", datatype: "FP32", shape: [1, 1, 1, -1] }],
 * });
 * assert.deepEqual(names, { ids: "input", lengths: "input_lengths", scales: "scales", output: "output" });
 * ```
 */
export function resolveVitsTensors(metadata: ModelMetadata): VitsTensorNames {
  const fail = (role: string, list: readonly TensorMetadata[]) =>
    new InferenceError(
      "invalid_argument",
      `Cannot use model '${metadata.name}' as a VITS voice: no ${role}: received [${
        describe(list)
      }]`,
    );
  const int64 = (rank: number) => (t: TensorMetadata) =>
    t.datatype === "INT64" && t.shape.length === rank;
  const ids = pick(metadata.inputs, PIPER_TENSOR_NAMES.ids, int64(2));
  if (ids === undefined) {
    throw fail("INT64 [1,T] phoneme-id input", metadata.inputs);
  }
  const used = new Set<TensorMetadata>([ids]);
  let scales: string | VitsScaleInputs;
  const vector = pick(
    metadata.inputs,
    PIPER_TENSOR_NAMES.scales,
    (t) =>
      t.datatype === "FP32" && t.shape.length === 1 &&
      (t.shape[0] === 3 || t.shape[0] === -1),
  );
  if (vector !== undefined) {
    used.add(vector);
    scales = vector.name;
  } else {
    const found: Partial<Record<keyof VitsScaleInputs, TensorMetadata>> = {};
    for (const [role, pattern] of SCALAR_SCALES) {
      const tensor = metadata.inputs.find((t) =>
        !used.has(t) && isScalar(t) && pattern.test(t.name)
      );
      if (tensor !== undefined) {
        found[role] = tensor;
        used.add(tensor);
      }
    }
    const { noiseScale, lengthScale, noiseW } = found;
    if (
      noiseScale === undefined || lengthScale === undefined ||
      noiseW === undefined
    ) {
      throw fail(
        "FP32 [3] scales input (nor FP32 scalars noise_scale, length_scale, noise_scale_w)",
        metadata.inputs,
      );
    }
    const ranks = new Set(
      [noiseScale, lengthScale, noiseW].map((t) => t.shape.length),
    );
    if (ranks.size !== 1) {
      throw fail("scalar scales of one rank", [
        noiseScale,
        lengthScale,
        noiseW,
      ]);
    }
    scales = {
      noiseScale: noiseScale.name,
      lengthScale: lengthScale.name,
      noiseW: noiseW.name,
      rank: noiseScale.shape.length as 0 | 1,
    };
  }
  const rest = metadata.inputs.filter((t) => !used.has(t));
  const lengths = pick(rest, PIPER_TENSOR_NAMES.lengths, int64(1)) ??
    rest.find((t) => int64(1)(t) && /len/i.test(t.name));
  if (lengths === undefined) {
    throw fail("INT64 [1] lengths input", metadata.inputs);
  }
  const speaker = pick(
    rest.filter((t) => t !== lengths),
    PIPER_TENSOR_NAMES.speaker,
    int64(1),
  );
  const unknown = rest.filter((t) => t !== lengths && t !== speaker);
  if (unknown.length > 0) {
    throw new InferenceError(
      "invalid_argument",
      `Cannot use model '${metadata.name}' as a VITS voice: input '${
        unknown[0]!.name
      }' (${
        describe(unknown.slice(0, 1))
      }) has no role in the voice contract (ids, lengths, scales, sid)`,
    );
  }
  const isAudio = (t: TensorMetadata) =>
    t.datatype === "FP32" && t.shape.length >= 2 && t.shape.length <= 4;
  const output = pick(metadata.outputs, PIPER_TENSOR_NAMES.output, isAudio);
  if (output === undefined) {
    throw fail("FP32 audio output of rank 2-4", metadata.outputs);
  }
  return {
    ids: ids.name,
    lengths: lengths.name,
    scales,
    ...(speaker === undefined ? {} : { speaker: speaker.name }),
    output: output.name,
  };
}

/** What one VITS request says: phoneme ids plus optional scales and speaker. */
export interface VitsRequest {
  /** Phoneme ids (Piper: `^ _ p1 _ … pn _ $`), each a non-negative integer. */
  ids: ArrayLike<number>;
  /** Noise added to the prior. @default {0.667} */
  noiseScale?: number;
  /** Duration multiplier: > 1 is slower. @default {1} */
  lengthScale?: number;
  /** Noise of the duration predictor. @default {0.8} */
  noiseW?: number;
  /** Speaker id, for multi-speaker models only. @default {0} */
  speakerId?: number;
}

function scalesName(scales: VitsTensorNames["scales"]): string {
  return typeof scales === "string" ? scales : scales.noiseScale;
}

function invalid(message: string): InferenceError {
  return new InferenceError("invalid_argument", message);
}

/**
 * Builds the input tensors of one VITS request (batch 1).
 *
 * @param names The model's tensor names ({@linkcode resolveVitsTensors}).
 * @param request Ids, scales and speaker.
 * @returns Named INT64/FP32 tensors ready for `infer`.
 * @throws {InferenceError} Kind `invalid_argument` on empty or invalid ids, non-positive scales, or a
 * speaker id for a model without a speaker input.
 * @example Three ids at half speed
 * ```ts
 * import { PIPER_TENSOR_NAMES, vitsInputs } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const inputs = vitsInputs(PIPER_TENSOR_NAMES, { ids: [1, 20, 2], lengthScale: 2, speakerId: 1 });
 * assert.deepEqual(inputs["input"]?.shape, [1, 3]);
 * assert.deepEqual([...inputs["scales"]!.data as Float32Array], [Math.fround(0.667), 2, Math.fround(0.8)]);
 * assert.deepEqual([...inputs["sid"]!.data as BigInt64Array], [1n]);
 * ```
 */
export function vitsInputs(
  names: VitsTensorNames,
  request: VitsRequest,
): NamedTensors {
  const count = request.ids.length;
  if (count === 0) {
    throw invalid(
      `Cannot build VITS input '${names.ids}': expected at least 1 phoneme id: received 0`,
    );
  }
  const ids = new BigInt64Array(count);
  for (let i = 0; i < count; i++) {
    const id = request.ids[i]!;
    if (!Number.isSafeInteger(id) || id < 0) {
      throw invalid(
        `Cannot build VITS input '${names.ids}': expected non-negative integer ids: received ${id} at ${i}`,
      );
    }
    ids[i] = BigInt(id);
  }
  const scales = [
    request.noiseScale ?? VITS_DEFAULT_SCALES.noiseScale,
    request.lengthScale ?? VITS_DEFAULT_SCALES.lengthScale,
    request.noiseW ?? VITS_DEFAULT_SCALES.noiseW,
  ];
  if (
    !scales.every(Number.isFinite) || scales.some((s) => s < 0) ||
    !(scales[1]! > 0)
  ) {
    throw invalid(
      `Cannot build VITS input '${
        scalesName(names.scales)
      }': expected finite scales >= 0 and length_scale > 0: received [${scales}]`,
    );
  }
  const tensors: NamedTensors = {
    [names.ids]: { datatype: "INT64", shape: [1, count], data: ids },
    [names.lengths]: {
      datatype: "INT64",
      shape: [1],
      data: BigInt64Array.of(BigInt(count)),
    },
  };
  if (typeof names.scales === "string") {
    tensors[names.scales] = {
      datatype: "FP32",
      shape: [3],
      data: Float32Array.from(scales),
    };
  } else {
    const shape = names.scales.rank === 0 ? [] : [1];
    const { noiseScale, lengthScale, noiseW } = names.scales;
    [noiseScale, lengthScale, noiseW].forEach((name, i) => {
      tensors[name] = {
        datatype: "FP32",
        shape,
        data: Float32Array.of(scales[i]!),
      };
    });
  }
  const speakerId = request.speakerId ?? 0;
  if (!Number.isSafeInteger(speakerId) || speakerId < 0) {
    throw invalid(
      `Cannot build VITS input 'sid': expected a non-negative integer speaker id: received ${speakerId}`,
    );
  }
  if (names.speaker !== undefined) {
    tensors[names.speaker] = {
      datatype: "INT64",
      shape: [1],
      data: BigInt64Array.of(BigInt(speakerId)),
    };
  } else if (speakerId !== 0) {
    throw invalid(
      `Cannot build VITS inputs: the model has one speaker: received speaker id ${speakerId}`,
    );
  }
  return tensors;
}

/**
 * Reads the audio of a VITS response: the FP32 output of rank 2–4 whose leading dimensions are all
 * 1, samples on the last axis (Piper's C++ runtime reads it the same way). Returns the tensor's own
 * data, no copy.
 *
 * @param outputs The response's tensors.
 * @param names The model's tensor names (only `output` is read).
 * @returns The samples, nominally in [-1, 1].
 * @throws {InferenceError} Kind `invalid_argument` when the output is missing, not FP32, of another
 * rank, or holds more than one batch item or channel.
 * @example Piper's `[1, 1, 1, N]` output
 * ```ts
 * import { vitsSamples } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const data = Float32Array.of(0, 0.5, -0.5);
 * const samples = vitsSamples({ output: { datatype: "FP32", shape: [1, 1, 1, 3], data } }, { output: "output" });
 * assert.equal(samples, data);
 * ```
 */
export function vitsSamples(
  outputs: NamedTensors,
  names: Pick<VitsTensorNames, "output">,
): Float32Array {
  const name = names.output;
  const tensor = outputs[name];
  if (tensor === undefined) {
    throw invalid(
      `Cannot read VITS output '${name}': expected FP32 [1,1,N]: received no such tensor`,
    );
  }
  const leading = tensor.shape.slice(0, -1);
  if (
    tensor.datatype !== "FP32" || tensor.shape.length < 2 ||
    tensor.shape.length > 4 || leading.some((d) => d !== 1)
  ) {
    throw invalid(
      `Cannot read VITS output '${name}': expected FP32 of rank 2-4 with leading dims 1 ([1,1,N]): received ${tensor.datatype} [${tensor.shape}]`,
    );
  }
  const count = tensor.shape[tensor.shape.length - 1]!;
  if (tensor.data.length !== count) {
    throw invalid(
      `Cannot read VITS output '${name}': expected ${count} samples for shape [${tensor.shape}]: received ${tensor.data.length}`,
    );
  }
  return tensor.data;
}
