/**
 * One utterance's frame pipeline: audio chunks in, JPEG frames out on the
 * utterance clock. A frame is emitted as soon as both its presentation time
 * lies inside the audio received so far and its 16-frame mel window is
 * complete; the rest wait for the next chunk, and
 * {@linkcode LipSyncFrameSession.finish} emits the tail with the mel padded
 * by silence. So the frames of an utterance are the same (index, time and
 * pixels) whether its audio arrives whole or sentence by sentence, and an
 * utterance of `n` samples has exactly `ceil(n · fps / rate)` frames.
 *
 * The session keeps (does not copy) each chunk's `samples` until they are in
 * the mel: by the end of that chunk's frames, or by the next `render` or
 * `finish` when its frames are not read. Callers must not reuse the buffer
 * before then.
 *
 * Overload (`deadlineSlackMs`): each batch renders only the speaking frames
 * the model can finish before the batch's first frame is due on the audio
 * clock (`frame_pacer.ts`); the others are held: the last rendered mouth is
 * pasted onto their own avatar frame (the idle frame while none is
 * rendered yet). Their index and PTS are unchanged.
 *
 * @module
 */

import { melWindowStart } from "@lipstream/shared";
import type { AvatarPack } from "../avatar/pack_loader.ts";
import { buildFaceBatch, FACE_INPUT_VALUES } from "../frames/face_batch.ts";
import { JpegEncoder } from "../frames/jpeg_encoder.ts";
import { pasteFace } from "../frames/paste_face.ts";
import { PingPongPicker } from "../frames/ping_pong.ts";
import { yieldToEventLoop } from "../pipeline/yield_to_event_loop.ts";
import type {
  LipSyncSession,
  PipelineCallOptions,
  SpeechChunk,
  VideoFrame,
} from "../pipeline/types.ts";
import type { BatchPolicy } from "./batch_policy.ts";
import { FrameClock } from "./frame_clock.ts";
import type { LipModel } from "./lip_model.ts";
import { LipCostMeter, renderBudget, spreadRenders } from "./frame_pacer.ts";
import { MEL_WINDOW_VALUES, MelTimeline } from "./mel_timeline.ts";

/** Counters of what a session (or a whole service) did. */
export interface LipSyncStats {
  /** Frames emitted. */
  frames: number;
  /** Frames that took the idle JPEG because their mel window was silent. */
  silentFrames: number;
  /** Speaking frames whose mouth the model rendered. */
  renderedFrames: number;
  /** Speaking frames held (the last rendered mouth reused) to keep up with the audio clock. */
  heldFrames: number;
  /** Model calls made. */
  modelCalls: number;
  /** Sizes of the model calls, in order (bounded to the last 1000). */
  batchSizes: number[];
}

/** Options of one session. */
export interface LipSyncSessionOptions {
  /** The avatar. */
  pack: AvatarPack;
  /** The Wav2Lip model. */
  lipModel: LipModel;
  /** Output frame rate (an integer). */
  fps: number;
  /** JPEG quality of generated frames. */
  jpegQuality: number;
  /** Batch sizes. */
  batching: BatchPolicy;
  /** Windows whose peak normalized mel is at or below this skip the model; `undefined` turns the skip off. */
  silencePeak: number | undefined;
  /** Paste-back mode. */
  blend: "reference" | "feathered";
  /** Ping-pong position to start at. */
  startPosition: number;
  /** Counters to update (shared with the service). */
  stats: LipSyncStats;
  /** Called once by `close()` with the ping-pong position reached. */
  onClose: (position: number) => void;
  /**
   * How late after its PTS (counted from the first `render`) a frame may
   * leave; batches render fewer frames to stay within it. `undefined`
   * renders every frame however long it takes.
   */
  deadlineSlackMs?: number | undefined;
  /** Measured model and emit costs (shared with the service). @default a new meter */
  costs?: LipCostMeter;
  /** The clock in milliseconds. @default {performance.now} */
  now?: () => number;
}

/** A lip-sync session that can also be finished (see the module doc). */
export interface LipSyncFrameSession extends LipSyncSession {
  /** Ends the audio and renders the remaining frames. */
  finish(options: PipelineCallOptions): AsyncIterable<VideoFrame>;
  /**
   * Adds a chunk's audio while a `render` iteration is running; that
   * iteration goes on with its frames (so audio can be sent ahead of the
   * frames still owed).
   */
  append(chunk: SpeechChunk): void;
}

/**
 * Opens the frame pipeline of one utterance.
 *
 * @example
 * ```ts ignore
 * const session = createLipSyncSession({ pack, lipModel, fps: 25, jpegQuality: 80,
 *   batching: { first: 4, next: 16 }, silencePeak: -3.5, blend: "feathered",
 *   startPosition: 0, stats, onClose: () => {} });
 * for await (const frame of session.render(chunk, { signal })) send(frame);
 * for await (const frame of session.finish({ signal })) send(frame);
 * session.close();
 * ```
 *
 * @param options The avatar, model and settings.
 * @returns The session.
 */
export function createLipSyncSession(
  options: LipSyncSessionOptions,
): LipSyncFrameSession {
  const { pack, fps, batching, stats } = options;
  const costs = options.costs ?? new LipCostMeter();
  const now = options.now ?? (() => performance.now());
  /** When the first audio was handed on: frame `i` is due `ptsMs(i)` later. */
  let anchorMs: number | undefined;
  /** The last mouth the model rendered, held on frames that skip it. */
  let lastFace: Float32Array | undefined;
  const { width, height } = pack.manifest;
  const picker = new PingPongPicker(pack.manifest.frameCount, {
    start: options.startPosition,
  });
  const encoder = new JpegEncoder({ quality: options.jpegQuality });
  // The first batch may be the larger one (e.g. `{ first: 16, next: 4 }`).
  const capacity = Math.max(batching.first, batching.next);
  const melBatch = new Float32Array(capacity * MEL_WINDOW_VALUES);
  const faceBatch = new Float32Array(capacity * FACE_INPUT_VALUES);
  const pasted = new Uint8Array(width * height * 3);
  let clock: FrameClock | undefined;
  let timeline: MelTimeline | undefined;
  /** Audio received but not yet in the mel (see `feedMel`). */
  const pending: Float32Array[] = [];
  let samples = 0;
  let nextFrame = 0;
  let batches = 0;
  let closed = false;

  function readyCount(): number {
    if (clock === undefined || timeline === undefined) return 0;
    const presented = clock.frameCountFor(samples);
    let end = nextFrame;
    while (end < presented && timeline.hasWindow(melWindowStart(end, fps))) {
      end++;
    }
    return end - nextFrame;
  }

  /**
   * Moves received audio into the mel. Until the utterance's first batch is
   * ready it feeds slices of 50 ms and stops as soon as that batch is, so the
   * first frame waits for the mel of a few hundred milliseconds rather than of
   * a whole sentence; the streams make the mel independent of the slicing.
   */
  function feedMel(all: boolean): void {
    const slice = Math.ceil((clock?.sampleRateHz ?? 0) / 20);
    while (pending.length > 0) {
      const early = !all && batches === 0;
      if (early && readyCount() >= batching.first) return;
      const head = pending[0]!;
      const take = early ? Math.min(slice, head.length) : head.length;
      timeline!.push(head.subarray(0, take));
      if (take === head.length) pending.shift();
      else pending[0] = head.subarray(take);
    }
  }

  async function* emitReady(signal: AbortSignal): AsyncGenerator<VideoFrame> {
    while (true) {
      feedMel(false);
      const ready = readyCount();
      if (ready === 0) return;
      signal.throwIfAborted();
      const size = Math.min(
        ready,
        batches === 0 ? batching.first : batching.next,
      );
      batches++;
      yield* renderBatch(size, signal);
    }
  }

  async function* renderBatch(
    size: number,
    signal: AbortSignal,
  ): AsyncGenerator<VideoFrame> {
    const first = nextFrame;
    nextFrame += size;
    const avatarFrames = picker.take(size);
    const speaking: number[] = [];
    for (let k = 0; k < size; k++) {
      const start = melWindowStart(first + k, fps);
      if (
        options.silencePeak === undefined ||
        timeline!.windowPeak(start) > options.silencePeak
      ) {
        speaking.push(k);
      }
    }
    let rendered = speaking;
    if (options.deadlineSlackMs !== undefined && speaking.length > 0) {
      const dueMs = anchorMs! + clock!.ptsMs(first) + options.deadlineSlackMs;
      const budget = renderBudget({
        speaking: speaking.length,
        frames: size,
        leadMs: dueMs - now(),
        modelMsPerFrame: costs.modelMsPerFrame,
        emitMsPerFrame: costs.emitMsPerFrame,
      });
      const mask = spreadRenders(speaking.length, budget);
      rendered = speaking.filter((_, j) => mask[j]);
    }
    let faces: Float32Array[] = [];
    if (rendered.length > 0) {
      const count = rendered.length;
      const startedMs = now();
      rendered.forEach((k, b) =>
        timeline!.copyWindow(
          melWindowStart(first + k, fps),
          melBatch,
          b * MEL_WINDOW_VALUES,
        )
      );
      const indices = rendered.map((k) => avatarFrames[k]!);
      buildFaceBatch(pack, indices, { out: faceBatch });
      faces = await options.lipModel({
        mel: melBatch.subarray(0, count * MEL_WINDOW_VALUES),
        faces: faceBatch.subarray(0, count * FACE_INPUT_VALUES),
        size: count,
      }, { signal });
      costs.recordModel(now() - startedMs, count);
      stats.modelCalls++;
      stats.batchSizes.push(count);
      if (stats.batchSizes.length > 1000) stats.batchSizes.shift();
      signal.throwIfAborted();
    }
    let face = 0;
    let speakingAt = 0;
    let emitMs = 0;
    for (let k = 0; k < size; k++) {
      const avatarFrame = avatarFrames[k]!;
      const index = first + k;
      let jpeg: Uint8Array;
      let mouth: "rendered" | "held" | "idle" = "idle";
      const isSpeaking = speaking[speakingAt] === k;
      if (isSpeaking) speakingAt++;
      if (rendered[face] === k) lastFace = faces[face++]!;
      if (isSpeaking && lastFace !== undefined) {
        // One frame's CPU work is one slice: requests run in between.
        await yieldToEventLoop();
        signal.throwIfAborted();
        const startedMs = now();
        pasteFace(pack.frames[avatarFrame]!, {
          face: lastFace,
          box: pack.boxes[avatarFrame]!,
        }, { mode: options.blend, out: pasted });
        jpeg = encoder.encode({ width, height, data: pasted });
        emitMs += now() - startedMs;
      } else {
        jpeg = pack.jpegs[avatarFrame]!;
      }
      if (!isSpeaking) {
        stats.silentFrames++;
      } else if (rendered[face - 1] === k) {
        stats.renderedFrames++;
        mouth = "rendered";
      } else {
        stats.heldFrames++;
        if (lastFace !== undefined) mouth = "held";
      }
      if (k === size - 1) costs.recordEmit(emitMs, size);
      stats.frames++;
      yield { index, ptsMs: clock!.ptsMs(index), jpeg, mouth };
    }
  }

  return {
    width,
    height,
    fps,
    get idlePosition() {
      return picker.position;
    },
    render(chunk: SpeechChunk, { signal }: PipelineCallOptions) {
      if (timeline?.finished) {
        throw new Error(
          `Cannot render chunk ${chunk.sentenceIndex}: the utterance is finished`,
        );
      }
      if (clock === undefined) {
        clock = new FrameClock(fps, chunk.sampleRateHz);
        timeline = new MelTimeline(chunk.sampleRateHz);
      } else if (chunk.sampleRateHz !== clock.sampleRateHz) {
        throw new RangeError(
          `Cannot render chunk ${chunk.sentenceIndex}: sample rate changed from ${clock.sampleRateHz} to ${chunk.sampleRateHz} Hz within an utterance`,
        );
      }
      anchorMs ??= now();
      // Fed to the mel as frames are pulled (`feedMel`); chunks not pulled
      // are fed by the next `render` or `finish`.
      pending.push(chunk.samples);
      samples += chunk.samples.length;
      return emitReady(signal);
    },
    append(chunk: SpeechChunk) {
      if (clock === undefined || timeline?.finished) {
        throw new Error(
          `Cannot append chunk ${chunk.sentenceIndex}: ${
            clock === undefined
              ? "no chunk was rendered yet"
              : "the utterance is finished"
          }`,
        );
      }
      if (chunk.sampleRateHz !== clock.sampleRateHz) {
        throw new RangeError(
          `Cannot append chunk ${chunk.sentenceIndex}: sample rate changed from ${clock.sampleRateHz} to ${chunk.sampleRateHz} Hz within an utterance`,
        );
      }
      pending.push(chunk.samples);
      samples += chunk.samples.length;
    },
    finish({ signal }: PipelineCallOptions) {
      if (timeline !== undefined && !timeline.finished) {
        feedMel(true);
        timeline.finish();
      }
      return emitReady(signal);
    },
    close() {
      if (closed) return;
      closed = true;
      options.onClose(picker.position);
    },
  };
}
