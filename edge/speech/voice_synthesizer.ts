/**
 * The seam between the speech service and a VITS model: one planned sentence
 * in, its samples out. {@linkcode backendVoiceSynthesizer} runs it on any
 * {@linkcode InferenceBackend} (Triton over HTTP or ONNX Runtime in process).
 *
 * @module
 */

import {
  defined,
  type InferenceBackend,
  resolveVitsTensors,
  vitsInputs,
  vitsSamples,
  type VitsTensorNames,
} from "@lipstream/shared";
import type { SynthesisPlan } from "../text/synthesis_plan.ts";
import type { Voice } from "../voices/voice.ts";

/** Speaks one planned sentence with its voice's model. */
export type VoiceSynthesizer = (
  voice: Voice,
  plan: SynthesisPlan,
  options: { signal: AbortSignal },
) => Promise<Float32Array>;

/**
 * Runs voices on an inference backend: each voice's model is the one named
 * `voice.tritonModel`; its tensor names are resolved from the model's metadata
 * once (Piper's names, or the roles found by dtype and rank) and reused.
 *
 * @example
 * ```ts ignore
 * const synthesizer = backendVoiceSynthesizer(new TritonClient({ url: "http://triton:8000" }));
 * const samples = await synthesizer(voice, plan, { signal });
 * ```
 *
 * @param backend Triton over HTTP or ONNX Runtime in process.
 * @returns The synthesizer.
 */
export function backendVoiceSynthesizer(
  backend: InferenceBackend,
): VoiceSynthesizer {
  const names = new Map<string, Promise<VitsTensorNames>>();
  function namesOf(model: string, signal: AbortSignal) {
    let resolved = names.get(model);
    if (resolved === undefined) {
      resolved = backend.modelMetadata(model, { signal }).then(
        resolveVitsTensors,
      );
      resolved.catch(() => names.delete(model));
      names.set(model, resolved);
    }
    return resolved;
  }
  return async (voice, plan, { signal }) => {
    const model = voice.tritonModel;
    const tensorNames = await namesOf(model, signal);
    const inputs = vitsInputs(tensorNames, {
      ids: Array.from(plan.ids, Number),
      noiseScale: plan.noiseScale,
      lengthScale: plan.lengthScale,
      noiseW: plan.noiseW,
      ...defined({ speakerId: plan.speakerId }),
    });
    const outputs = await backend.infer(model, inputs, {
      signal,
      outputs: [tensorNames.output],
    });
    return vitsSamples(outputs, tensorNames);
  };
}
