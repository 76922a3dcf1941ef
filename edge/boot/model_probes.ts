/**
 * One small real inference per model, through the same code the requests use (tensor roles,
 * batch splitting, output checks), so readiness reports what a request would meet: a model the
 * edge cannot feed (other tensor names, a fixed batch that fails, an input with no role) fails
 * here, by name and with the reason, instead of on every request.
 *
 * @module
 */

import {
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_MEL_WINDOW_VALUES,
} from "@lipstream/shared";
import type { LipModel } from "../lipsync/lip_model.ts";
import type { VoiceSynthesizer } from "../speech/voice_synthesizer.ts";
import type { Voice } from "../voices/voice.ts";

/** One model's check: resolves when the model answered correctly, rejects with why not. */
export interface ModelProbe {
  /** The model's name on the backend. */
  model: string;
  /** `lip` or `voice`: a server needs its lip model and at least one voice. */
  role: "lip" | "voice";
  /** Runs the inference. */
  run(options: { signal: AbortSignal }): Promise<void>;
}

/**
 * A probe of the lip model: one batch of silent mel windows and blank faces per batch size
 * the edge sends (the first batch of an utterance and the steady batch), each of which must
 * come back as that many faces of finite values. A model that runs only batch 1 fails here
 * when the edge would later send it 16 frames.
 *
 * @example
 * ```ts ignore
 * const probe = lipModelProbe("wav2lip", lipModelFromBackend(backend, "wav2lip"), [1, 16]);
 * await probe.run({ signal: AbortSignal.timeout(5000) });
 * ```
 *
 * @param model The model's name.
 * @param lipModel The lip model as the pipeline calls it.
 * @param sizes Frames per batch (`LIPSYNC_FIRST_BATCH`, `LIPSYNC_BATCH`); each distinct size runs once.
 * @returns The probe.
 */
export function lipModelProbe(
  model: string,
  lipModel: LipModel,
  sizes: readonly number[],
): ModelProbe {
  const distinct = [...new Set(sizes)].sort((a, b) => a - b);
  return {
    model,
    role: "lip",
    async run({ signal }) {
      for (const size of distinct) {
        const faces = await lipModel({
          mel: new Float32Array(size * WAV2LIP_MEL_WINDOW_VALUES).fill(-4),
          faces: new Float32Array(size * WAV2LIP_FACE_INPUT_VALUES).fill(0.5),
          size,
        }, { signal });
        if (faces.length !== size) {
          throw new Error(
            `a batch of ${size} frames returned ${faces.length} faces`,
          );
        }
        if (faces.some((face) => !face.every(Number.isFinite))) {
          throw new Error("the model returned non-finite values");
        }
      }
    },
  };
}

/** The largest symbol id a voice accepts plus one. */
function symbolCount(voice: Voice): number {
  if (voice.kind === "vits") return voice.symbolIds.size;
  let max = 0;
  for (const ids of voice.phonemeIds.values()) {
    for (const id of ids) max = Math.max(max, id + 1);
  }
  return max;
}

/**
 * A probe of a voice's model: three symbol ids (Piper's `^ _ $` where the voice has them) with
 * the voice's default scales and first speaker, which must give finite samples.
 *
 * @example
 * ```ts ignore
 * const probe = voiceModelProbe(voice, backendVoiceSynthesizer(backend));
 * await probe.run({ signal: AbortSignal.timeout(5000) });
 * ```
 *
 * @param voice The voice (its `tritonModel` is probed).
 * @param synthesizer The synthesizer the speech service uses.
 * @returns The probe.
 */
export function voiceModelProbe(
  voice: Voice,
  synthesizer: VoiceSynthesizer,
): ModelProbe {
  const count = Math.max(1, symbolCount(voice));
  const piperIds = voice.kind === "piper"
    ? ["^", "_", "$"].map((p) => voice.phonemeIds.get(p)?.[0])
    : [];
  const ids = piperIds.length > 0 && piperIds.every((id) => id !== undefined)
    ? piperIds as number[]
    : [1, 0, 1].map((id) => Math.min(id, count - 1));
  return {
    model: voice.tritonModel,
    role: "voice",
    async run({ signal }) {
      const samples = await synthesizer(voice, {
        voiceId: voice.id,
        kind: voice.kind,
        ids: BigInt64Array.from(ids, BigInt),
        speakerId: voice.speakerInput ? 0 : undefined,
        ...voice.scales,
        sampleRateHz: voice.sampleRateHz,
        symbols: "",
        warnings: [],
      }, { signal });
      if (!samples.every(Number.isFinite)) {
        throw new Error("the model returned non-finite samples");
      }
    },
  };
}
