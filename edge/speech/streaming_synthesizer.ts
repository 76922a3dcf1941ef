/**
 * Streaming synthesis with a voice exported as an encoder + decoder pair
 * (`infra/export/vits_streaming.py`): the encoder turns the ids into the
 * latent `z` (after the flow), `y_mask` and, for multi-speaker voices, the
 * speaker conditioning `g`; the decoder (HiFi-GAN alone) turns a window of
 * `z` into audio. Windows overlap their neighbours by the decoder's reach, and
 * each window's audio is cut to its own frames, so the joined audio equals the
 * one-shot decode (the exporter checks this) and first audio waits for one
 * window, not the whole sentence. The split follows Piper's streaming export
 * (rhasspy/piper `src/python/piper_train/export_onnx_streaming.py`), with the
 * flow in the encoder.
 *
 * @module
 */

import { firstLipFrameWindow } from "./first_window.ts";
import {
  defined,
  type InferenceBackend,
  InferenceError,
  type NamedTensors,
  vitsInputs,
  vitsSamples,
} from "@lipstream/shared";
import type { SynthesisPlan } from "../text/synthesis_plan.ts";
import type { Voice } from "../voices/voice.ts";

/** Speaks one planned sentence window by window. */
export type StreamingVoiceSynthesizer = (
  voice: Voice,
  plan: SynthesisPlan,
  options: { signal: AbortSignal },
) => AsyncIterable<Float32Array>;

/**
 * Window sizes of {@linkcode backendStreamingSynthesizer}, in latent frames. Each window after
 * the first is twice the one before, up to `frames`: a small first window for an early first
 * audio, then larger ones, since every window also decodes `2 × overlap` frames of context
 * (13 + 13 for an original-size VITS), which a larger window spreads over more frames.
 */
export interface StreamingWindows {
  /**
   * The first window. `auto`: the fewest frames whose audio gives the lip model its first mel
   * window ({@linkcode firstLipFrameWindow}: 19 frames, 221 ms, at 22050 Hz), so the first
   * frame needs only the first decode; a number below that brings the first audio earlier and
   * the first lip frame later (it then waits for the second window). @default {"auto"}
   */
  firstFrames?: number | "auto";
  /** The largest later window. @default {128} */
  frames?: number;
}

/** One decoder call: frames `[start, stop)` decoded from `[from, to)`. */
export interface LatentWindow {
  /** First frame this window delivers. */
  start: number;
  /** One past its last delivered frame. */
  stop: number;
  /** First frame fed to the decoder (start minus the overlap, at least 0). */
  from: number;
  /** One past the last frame fed (stop plus the overlap, at most the length). */
  to: number;
}

/**
 * Splits `frames` latent frames into windows: a first one of `first`, then
 * each twice the one before up to `next`, every one fed with `overlap` frames
 * of context on both sides.
 *
 * @example
 * ```ts
 * import { latentWindows } from "./streaming_synthesizer.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(latentWindows(10, { first: 4, next: 8, overlap: 2 }), [
 *   { start: 0, stop: 4, from: 0, to: 6 },
 *   { start: 4, stop: 10, from: 2, to: 10 },
 * ]);
 * assert.deepEqual(
 *   latentWindows(40, { first: 2, next: 8, overlap: 0 }).map((w) => w.stop - w.start),
 *   [2, 4, 8, 8, 8, 8, 2],
 * );
 * ```
 *
 * @param frames The latent's length.
 * @param sizes First and later window sizes and the overlap.
 * @returns The windows, in order.
 */
export function latentWindows(
  frames: number,
  sizes: { first: number; next: number; overlap: number },
): LatentWindow[] {
  const windows: LatentWindow[] = [];
  let size = Math.max(1, sizes.first);
  for (let start = 0; start < frames;) {
    const stop = Math.min(frames, start + size);
    windows.push({
      start,
      stop,
      from: Math.max(0, start - sizes.overlap),
      to: Math.min(frames, stop + sizes.overlap),
    });
    start = stop;
    size = Math.max(size, Math.min(2 * size, sizes.next));
  }
  return windows;
}

function fp32(outputs: NamedTensors, name: string, model: string) {
  const tensor = outputs[name];
  if (tensor?.datatype !== "FP32" || tensor.shape.length !== 3) {
    throw new InferenceError(
      "invalid_argument",
      `Cannot use '${model}' as a streaming VITS encoder: expected FP32 [1,C,frames] output '${name}': received ${
        tensor === undefined ? "none" : `${tensor.datatype} [${tensor.shape}]`
      }`,
    );
  }
  return tensor as { shape: readonly number[]; data: Float32Array };
}

/** Copies frames `[from, to)` of a `[1, C, T]` latent. */
function sliceFrames(
  z: { shape: readonly number[]; data: Float32Array },
  from: number,
  to: number,
): Float32Array {
  const channels = z.shape[1]!;
  const frames = z.shape[2]!;
  const width = to - from;
  const out = new Float32Array(channels * width);
  for (let c = 0; c < channels; c++) {
    out.set(
      z.data.subarray(c * frames + from, c * frames + to),
      c * width,
    );
  }
  return out;
}

/**
 * Runs streaming voices on an inference backend: the voice's
 * `streaming.encoderModel` once per sentence, then its `decoderModel` once
 * per window; yields each window's samples as soon as they are decoded.
 *
 * @example
 * ```ts ignore
 * const synthesize = backendStreamingSynthesizer(backend);
 * for await (const samples of synthesize(voice, plan, { signal })) play(samples);
 * ```
 *
 * @param backend Triton over HTTP or ONNX Runtime in process.
 * @param windows Window sizes in latent frames.
 * @returns The streaming synthesizer.
 */
export function backendStreamingSynthesizer(
  backend: InferenceBackend,
  windows: StreamingWindows = {},
): StreamingVoiceSynthesizer {
  const firstFrames = windows.firstFrames ?? "auto";
  const next = windows.frames ?? 128;
  return async function* (voice, plan, { signal }) {
    const pair = voice.streaming;
    if (pair === undefined) {
      throw new InferenceError(
        "invalid_argument",
        `Voice '${voice.id}' has no streaming encoder and decoder`,
      );
    }
    const speakerId = plan.speakerId;
    const withSpeaker = speakerId !== undefined;
    const encoded = await backend.infer(
      pair.encoderModel,
      vitsInputs({
        ids: "input",
        lengths: "input_lengths",
        scales: "scales",
        ...(withSpeaker ? { speaker: "sid" } : {}),
        output: "z",
      }, {
        ids: Array.from(plan.ids, Number),
        noiseScale: plan.noiseScale,
        lengthScale: plan.lengthScale,
        noiseW: plan.noiseW,
        ...defined({ speakerId }),
      }),
      { signal, outputs: ["z", "y_mask", ...(withSpeaker ? ["g"] : [])] },
    );
    const z = fp32(encoded, "z", pair.encoderModel);
    const mask = fp32(encoded, "y_mask", pair.encoderModel);
    let frames = 0;
    for (const value of mask.data) if (value > 0) frames++;
    const g = withSpeaker ? encoded["g"] : undefined;
    const channels = z.shape[1]!;
    for (
      const window of latentWindows(frames, {
        first: firstFrames === "auto"
          ? firstLipFrameWindow(voice.sampleRateHz)
          : firstFrames,
        next,
        overlap: pair.overlapFrames,
      })
    ) {
      signal.throwIfAborted();
      const width = window.to - window.from;
      const decoded = await backend.infer(pair.decoderModel, {
        z: {
          datatype: "FP32",
          shape: [1, channels, width],
          data: sliceFrames(z, window.from, window.to),
        },
        ...defined({ g }),
      }, { signal, outputs: ["output"] });
      const audio = vitsSamples(decoded, { output: "output" });
      const hop = audio.length / width;
      if (!Number.isInteger(hop)) {
        throw new InferenceError(
          "invalid_argument",
          `Decoder '${pair.decoderModel}' returned ${audio.length} samples for ${width} frames`,
        );
      }
      yield audio.slice(
        (window.start - window.from) * hop,
        (window.stop - window.from) * hop,
      );
    }
  };
}
