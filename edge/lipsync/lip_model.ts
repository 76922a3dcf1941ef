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
  wav2lipFaces,
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

/**
 * Runs a Wav2Lip model served by `backend` under the name `model`.
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
  let names: { model: string; names: Promise<Wav2lipTensorNames> } | undefined;
  return async (batch, { signal }) => {
    const model = await modelName();
    if (names?.model !== model) {
      const entry = {
        model,
        names: backend.modelMetadata(model, { signal }).then(
          resolveWav2lipTensors,
        ),
      };
      names = entry;
      entry.names.catch(() => {
        if (names === entry) names = undefined;
      });
    }
    const resolved = await names.names;
    const outputs = await backend.infer(
      model,
      wav2lipInputs(resolved, { mel: batch.mel, face: batch.faces }),
      { signal, outputs: [resolved.output] },
    );
    return wav2lipFaces(outputs, resolved);
  };
}
