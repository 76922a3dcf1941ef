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
 * The CPU work (resample + mel, face batch, paste-back, JPEG) goes through
 * a {@linkcode FrameWork}: on the calling thread by default, on a frame
 * worker when the service has a pool (`frame_worker_pool.ts`).
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
import { PingPongPicker } from "../frames/ping_pong.ts";
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
import {
  type EmittedFrame,
  type FrameWork,
  type FrameWorkOptions,
  inlineFrameWork,
} from "./frame_work.ts";
import { MEL_WINDOW_VALUES, MelTimeline } from "./mel_timeline.ts";

/** Stages of the frame pipeline that {@linkcode LipSyncSessionOptions.profile} times. */
export type LipStage = "mel" | "batch" | "model" | "paste" | "jpeg";

/** Receives one stage's duration in ms (CPU time where it ran; the model's wall time). */
export type LipStageRecorder = (stage: LipStage, ms: number) => void;

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
  /**
   * Opens the utterance's CPU work once its audio rate is known.
   * @default {inlineFrameWork} on `pack`
   */
  work?: (options: FrameWorkOptions) => FrameWork;
  /** Receives each stage's duration (see {@linkcode LipStage}). */
  profile?: LipStageRecorder;
}

/** How one frame of a batch is made. */
interface FramePlan {
  /** What the counters call it. */
  kind: "rendered" | "held" | "silent";
  /** What the frame shows (`idle`: the stored avatar JPEG, no work). */
  mouth: "rendered" | "held" | "idle";
  /** The model's face for a rendered frame. */
  face?: Float32Array | undefined;
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
  const profile = options.profile ?? (() => {});
  const openWork = options.work ??
    ((workOptions: FrameWorkOptions) => inlineFrameWork(pack, workOptions));
  /** When the first audio was handed on: frame `i` is due `ptsMs(i)` later. */
  let anchorMs: number | undefined;
  /** Whether the model rendered a mouth yet (the work holds the last one). */
  let hasFace = false;
  const { width, height } = pack.manifest;
  const picker = new PingPongPicker(pack.manifest.frameCount, {
    start: options.startPosition,
  });
  // The first batch may be the larger one (e.g. `{ first: 16, next: 4 }`).
  const capacity = Math.max(batching.first, batching.next);
  const melBatch = new Float32Array(capacity * MEL_WINDOW_VALUES);
  let work: FrameWork | undefined;
  let clock: FrameClock | undefined;
  let timeline: MelTimeline | undefined;
  /** Audio received but not yet in the mel (see `feedMel`). */
  const pending: Float32Array[] = [];
  let samples = 0;
  let nextFrame = 0;
  let batches = 0;
  /** Whether `finish` was called: no more audio. */
  let ended = false;
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
  async function feedMel(all: boolean): Promise<void> {
    const slice = Math.ceil((clock?.sampleRateHz ?? 0) / 20);
    while (pending.length > 0) {
      const early = !all && batches === 0;
      if (early && readyCount() >= batching.first) return;
      const head = pending[0]!;
      const take = early ? Math.min(slice, head.length) : head.length;
      if (take === head.length) pending.shift();
      else pending[0] = head.subarray(take);
      const { frames, ms } = await work!.mel(head.subarray(0, take));
      profile("mel", ms);
      timeline!.appendFrames(frames);
    }
  }

  async function* emitReady(
    signal: AbortSignal,
    ending = false,
  ): AsyncGenerator<VideoFrame> {
    if (ending && timeline !== undefined && !timeline.finished) {
      await feedMel(true);
      const { frames, ms } = await work!.melFlush();
      profile("mel", ms);
      timeline.finish(frames);
    }
    while (true) {
      await feedMel(false);
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
      const batch = await work!.faceBatch(
        rendered.map((k) => avatarFrames[k]!),
      );
      profile("batch", batch.ms);
      signal.throwIfAborted();
      const modelStartedMs = now();
      faces = await options.lipModel({
        mel: melBatch.subarray(0, count * MEL_WINDOW_VALUES),
        faces: batch.faces,
        size: count,
      }, { signal });
      profile("model", now() - modelStartedMs);
      costs.recordModel(now() - startedMs, count);
      stats.modelCalls++;
      stats.batchSizes.push(count);
      if (stats.batchSizes.length > 1000) stats.batchSizes.shift();
      signal.throwIfAborted();
    }
    // Which frames get a pasted mouth, and with which face (`undefined`: the
    // one held), decided up front so the work can start ahead of the reader.
    const plans: FramePlan[] = [];
    let face = 0;
    let speakingAt = 0;
    for (let k = 0; k < size; k++) {
      const isSpeaking = speaking[speakingAt] === k;
      if (isSpeaking) speakingAt++;
      if (rendered[face] === k) {
        plans.push({
          kind: "rendered",
          mouth: "rendered",
          face: faces[face++],
        });
        hasFace = true;
      } else if (isSpeaking) {
        plans.push({ kind: "held", mouth: hasFace ? "held" : "idle" });
      } else plans.push({ kind: "silent", mouth: "idle" });
    }
    const jobs: (Promise<EmittedFrame> | undefined)[] = [];
    const startJob = (k: number) => {
      const plan = plans[k];
      if (plan === undefined || plan.mouth === "idle" || jobs[k]) return;
      const job = work!.emit(avatarFrames[k]!, plan.face, signal);
      job.catch(() => {}); // awaited below; a job not reached is dropped
      jobs[k] = job;
    };
    let emitMs = 0;
    for (let k = 0; k < size; k++) {
      const avatarFrame = avatarFrames[k]!;
      const index = first + k;
      for (let j = k; j <= k + work!.lookahead; j++) startJob(j);
      const plan = plans[k]!;
      let jpeg = pack.jpegs[avatarFrame]!;
      if (plan.mouth !== "idle") {
        const out = await jobs[k]!;
        signal.throwIfAborted();
        profile("paste", out.pasteMs);
        profile("jpeg", out.jpegMs);
        emitMs += out.pasteMs + out.jpegMs;
        jpeg = out.jpeg;
      }
      if (plan.kind === "rendered") stats.renderedFrames++;
      else if (plan.kind === "held") stats.heldFrames++;
      else stats.silentFrames++;
      if (k === size - 1) costs.recordEmit(emitMs, size);
      stats.frames++;
      yield { index, ptsMs: clock!.ptsMs(index), jpeg, mouth: plan.mouth };
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
      if (ended) {
        throw new Error(
          `Cannot render chunk ${chunk.sentenceIndex}: the utterance is finished`,
        );
      }
      if (clock === undefined) {
        clock = new FrameClock(fps, chunk.sampleRateHz);
        timeline = new MelTimeline(chunk.sampleRateHz);
        work = openWork({
          sampleRateHz: chunk.sampleRateHz,
          jpegQuality: options.jpegQuality,
          blend: options.blend,
        });
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
      if (clock === undefined || ended) {
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
      const first = !ended;
      ended = true;
      return emitReady(signal, first);
    },
    close() {
      if (closed) return;
      closed = true;
      work?.close();
      options.onClose(picker.position);
    },
  };
}
