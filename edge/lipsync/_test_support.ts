/**
 * Test helpers of the lip-sync pipeline: speech-like audio, sentence splits,
 * a session driver and deterministic pure-TS stand-ins for Wav2Lip.
 *
 * @module
 */

import { buildDemoAvatarPack } from "../avatar_build/demo_avatar.ts";
import { type AvatarPack, loadAvatarPack } from "../avatar/pack_loader.ts";
import { FACE_SIZE } from "../frames/face_batch.ts";
import type {
  LipSyncSession,
  SpeechChunk,
  VideoFrame,
} from "../pipeline/types.ts";
import type { LipModel } from "./lip_model.ts";
import { MEL_WINDOW_VALUES } from "./mel_timeline.ts";

const PLANE = FACE_SIZE * FACE_SIZE;
const FACE_OUTPUT_VALUES = 3 * PLANE;

/**
 * Speech-like audio: a 140 Hz sawtooth (harmonic-rich, like a voiced glottal
 * source, so most mel bands carry energy) whose loudness rises and falls
 * every 0.3 s.
 */
export function voiced(seconds: number, rate: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, n) => {
    const t = n / rate;
    return 0.5 * Math.abs(Math.sin(Math.PI * t / 0.3)) *
      (2 * ((140 * t) % 1) - 1);
  });
}

/** Splits `audio` into sentences of `sizes` samples (the rest is one more). */
export function chunksOf(
  audio: Float32Array,
  sizes: number[],
  rate: number,
): SpeechChunk[] {
  const chunks: SpeechChunk[] = [];
  let at = 0;
  for (const [index, size] of sizes.entries()) {
    chunks.push({
      sentenceIndex: index,
      samples: audio.subarray(at, at + size),
      sampleRateHz: rate,
    });
    at += size;
  }
  if (at < audio.length || chunks.length === 0) {
    chunks.push({
      sentenceIndex: sizes.length,
      samples: audio.subarray(at),
      sampleRateHz: rate,
    });
  }
  return chunks;
}

/** A seeded generator of numbers in [0, 1) (deterministic tests). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random sentence sizes summing to `total`, each at most `max` samples. */
export function randomSizes(
  total: number,
  max: number,
  random: () => number,
): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0;) {
    const size = Math.min(left, 1 + Math.floor(random() * max));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/**
 * Feeds `chunks` to a session, then finishes it; closes it in every case.
 * `perChunk` receives how many frames each `render` call yielded.
 */
export async function renderSession(
  session: LipSyncSession,
  chunks: SpeechChunk[],
  signal: AbortSignal,
  perChunk: number[] = [],
): Promise<VideoFrame[]> {
  const frames: VideoFrame[] = [];
  try {
    for (const chunk of chunks) {
      const before = frames.length;
      for await (const frame of session.render(chunk, { signal })) {
        frames.push(frame);
      }
      perChunk.push(frames.length - before);
    }
    if (session.finish !== undefined) {
      for await (const frame of session.finish({ signal })) frames.push(frame);
    }
  } finally {
    session.close();
  }
  return frames;
}

/** Loudness of one mel window: its mean mapped from [−4, 4] to [0, 1]. */
export function windowLoudness(mel: Float32Array, item: number): number {
  const window = mel.subarray(
    item * MEL_WINDOW_VALUES,
    (item + 1) * MEL_WINDOW_VALUES,
  );
  const mean = window.reduce((sum, v) => sum + v, 0) / window.length;
  return Math.min(1, Math.max(0, (mean + 4) / 8));
}

/** Each face is one grey level set by its window's loudness. */
export const greyByLoudnessModel: LipModel = (batch) => {
  const faces: Float32Array[] = [];
  for (let b = 0; b < batch.size; b++) {
    faces.push(
      new Float32Array(FACE_OUTPUT_VALUES).fill(windowLoudness(batch.mel, b)),
    );
  }
  return Promise.resolve(faces);
};

/**
 * Returns the reference face (input channels 3–5) with its lower half
 * darkened in proportion to the window's loudness, like a mouth opening.
 */
export const darkMouthModel: LipModel = (batch) => {
  const faces: Float32Array[] = [];
  for (let b = 0; b < batch.size; b++) {
    const reference = batch.faces.subarray(
      (b * 6 + 3) * PLANE,
      (b * 6 + 6) * PLANE,
    );
    const face = Float32Array.from(reference);
    const keep = 1 - 0.9 * windowLoudness(batch.mel, b);
    for (let c = 0; c < 3; c++) {
      for (let p = PLANE / 2; p < PLANE; p++) face[c * PLANE + p]! *= keep;
    }
    faces.push(face);
  }
  return Promise.resolve(faces);
};

/** The drawn demo avatar as a loaded pack (small by default, for fast tests). */
export async function loadDemoPack(
  options: { size?: number; frameCount?: number } = {},
): Promise<AvatarPack> {
  const files = await buildDemoAvatarPack({
    size: options.size ?? 64,
    frameCount: options.frameCount ?? 6,
  });
  return loadAvatarPack((path) => Promise.resolve(files.get(path)!));
}
