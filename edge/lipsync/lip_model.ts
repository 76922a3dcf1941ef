/**
 * The seam between the frame pipeline and a Wav2Lip model: a batch of mel
 * windows and face inputs in, one `3 × 96 × 96` BGR face per item out.
 * {@linkcode lipModelFromBackend} runs it on any inference backend, resolving
 * the model's tensor names from its metadata once.
 *
 * @module
 */

import {
  type InferenceBackend,
  resolveWav2lipTensors,
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_MEL_WINDOW_VALUES,
  wav2lipFaces,
  wav2lipFixedBatch,
  wav2lipInputs,
  type Wav2lipTensorNames,
} from "@lipstream/shared";

/** One Wav2Lip batch. */
export interface LipBatch {
  /** `size × 80 × 16` mel values (the model's `[B, 1, 80, 16]`). */
  mel: Float32Array;
  /** `size × 6 × 96 × 96` face values (masked BGR, reference BGR, in [0, 1]). */
  faces: Float32Array;
  /** Batch size. */
  size: number;
}

/** Runs Wav2Lip on a batch; resolves one planar BGR face in [0, 1] per item. */
export type LipModel = (
  batch: LipBatch,
  options: { signal: AbortSignal },
) => Promise<Float32Array[]>;

/** How one model is called: its names and the batch sizes it takes. */
interface LipCallPlan {
  names: Wav2lipTensorNames;
  /** Largest batch per call; `undefined`: any. */
  maxBatch: number | undefined;
  /** Whether every call must carry exactly `maxBatch` items (a fixed-batch export). */
  fixed: boolean;
}

async function planCalls(
  backend: InferenceBackend & MaybeConfig,
  model: string,
  signal: AbortSignal,
): Promise<LipCallPlan> {
  const metadata = await backend.modelMetadata(model, { signal });
  const names = resolveWav2lipTensors(metadata);
  const fixed = wav2lipFixedBatch(metadata, names);
  if (fixed !== undefined) return { names, maxBatch: fixed, fixed: true };
  let maxBatch: number | undefined;
  if (typeof backend.modelConfig === "function") {
    try {
      const limit = (await backend.modelConfig(model, { signal }))
        .max_batch_size;
      if (Number.isSafeInteger(limit) && limit > 0) maxBatch = limit;
    } catch {
      // No config endpoint: the server takes any batch or says why not.
    }
  }
  return { names, maxBatch, fixed: false };
}

/** Backends that can also report a model's Triton config (Triton, the local ORT backends). */
interface MaybeConfig {
  modelConfig?(
    model: string,
    options?: { signal?: AbortSignal },
  ): Promise<{ max_batch_size: number }>;
}

const MEL_ITEM = WAV2LIP_MEL_WINDOW_VALUES;
const FACE_ITEM = WAV2LIP_FACE_INPUT_VALUES;

/**
 * Runs a Wav2Lip model served by `backend` under the name `model`. Tensor
 * names are resolved by shape from the model's metadata once; a batch larger
 * than the model takes (a fixed-batch export, e.g. batch 1, or Triton's
 * `max_batch_size`) is split into calls it takes, the last one of a
 * fixed-batch model padded with zeros and its padding dropped.
 *
 * @example
 * ```ts ignore
 * const lipModel = lipModelFromBackend(backend, "wav2lip");
 * const faces = await lipModel({ mel, faces, size: 16 }, { signal });
 * ```
 *
 * @param backend Triton over HTTP or ONNX Runtime in process.
 * @param model The model's name, or a resolver asked before every batch
 * (the name may be known only once the backend is up).
 * @returns The lip model.
 */
export function lipModelFromBackend(
  backend: InferenceBackend,
  model: string | (() => Promise<string>),
): LipModel {
  const modelName = typeof model === "string"
    ? () => Promise.resolve(model)
    : model;
  // Planned once per model name: the name may change while the backend starts.
  let planned: { model: string; plan: Promise<LipCallPlan> } | undefined;
  async function call(
    model: string,
    names: Wav2lipTensorNames,
    mel: Float32Array,
    face: Float32Array,
    signal: AbortSignal,
  ): Promise<Float32Array[]> {
    const outputs = await backend.infer(
      model,
      wav2lipInputs(names, { mel, face }),
      { signal, outputs: [names.output] },
    );
    return wav2lipFaces(outputs, names);
  }
  return async (batch, { signal }) => {
    const model = await modelName();
    if (planned?.model !== model) {
      const entry = {
        model,
        plan: planCalls(
          backend as InferenceBackend & MaybeConfig,
          model,
          signal,
        ),
      };
      planned = entry;
      entry.plan.catch(() => {
        if (planned === entry) planned = undefined;
      });
    }
    const { names, maxBatch, fixed } = await planned.plan;
    if (maxBatch === undefined || batch.size <= maxBatch && !fixed) {
      return await call(model, names, batch.mel, batch.faces, signal);
    }
    const faces: Float32Array[] = [];
    for (let start = 0; start < batch.size; start += maxBatch) {
      const count = Math.min(maxBatch, batch.size - start);
      let mel = batch.mel.subarray(
        start * MEL_ITEM,
        (start + count) * MEL_ITEM,
      );
      let face = batch.faces.subarray(
        start * FACE_ITEM,
        (start + count) * FACE_ITEM,
      );
      if (fixed && count < maxBatch) {
        const paddedMel = new Float32Array(maxBatch * MEL_ITEM);
        paddedMel.set(mel);
        const paddedFace = new Float32Array(maxBatch * FACE_ITEM);
        paddedFace.set(face);
        mel = paddedMel;
        face = paddedFace;
      }
      const out = await call(model, names, mel, face, signal);
      faces.push(...out.slice(0, count));
    }
    return faces;
  };
}
