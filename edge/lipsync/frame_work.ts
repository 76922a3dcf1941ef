/**
 * The CPU-heavy half of one utterance's frame pipeline, behind one seam so
 * that it can run on the server thread or on a worker: resample + mel of the
 * audio, the Wav2Lip face batch from the avatar's crops, and per frame the
 * paste-back and JPEG encoding. The session (`lipsync_session.ts`) keeps the
 * control (clock, batching, pacing, the model call) and awaits these.
 *
 * {@linkcode inlineFrameWork} runs them on the calling thread, one frame per
 * event-loop slice; `frame_worker_pool.ts` runs the same functions on Web
 * Workers.
 *
 * @module
 */

import type { AvatarPack } from "../avatar/pack_loader.ts";
import { buildFaceBatch, FACE_INPUT_VALUES } from "../frames/face_batch.ts";
import { JpegEncoder } from "../frames/jpeg_encoder.ts";
import { pasteFace } from "../frames/paste_face.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import type { FaceBox } from "../frames/face_box.ts";
import { yieldToEventLoop } from "../pipeline/yield_to_event_loop.ts";
import { MelFeed } from "./mel_feed.ts";

/** One encoded frame and what it cost where it ran. */
export interface EmittedFrame {
  /** The JPEG bytes. */
  jpeg: Uint8Array;
  /** Paste-back time, ms. */
  pasteMs: number;
  /** JPEG encoding time, ms. */
  jpegMs: number;
}

/** Mel frames and what they cost where they ran. */
export interface MelResult {
  /** Whole mel frames, 80 values each, frame-major. */
  frames: Float32Array;
  /** Resample + mel time, ms. */
  ms: number;
}

/** A face batch and what it cost where it was built. */
export interface FaceBatchResult {
  /** `[B, 6, 96, 96]` face input. */
  faces: Float32Array;
  /** Build time, ms. */
  ms: number;
}

/** The CPU work of one utterance (see the module doc). Calls run in call order. */
export interface FrameWork {
  /** Where the work runs. */
  readonly where: "inline" | "worker";
  /** Frames worth starting before the previous one is taken (keeps a worker busy). */
  readonly lookahead: number;
  /** Resample + mel of the next audio (the caller may reuse `samples` afterwards). */
  mel(samples: Float32Array): Promise<MelResult>;
  /** Ends the audio: the feed's final frames. */
  melFlush(): Promise<MelResult>;
  /** The Wav2Lip face input for these avatar frames (valid until the next call). */
  faceBatch(avatarFrames: readonly number[]): Promise<FaceBatchResult>;
  /**
   * Pastes a mouth onto avatar frame `avatarFrame` and encodes it: `face`
   * (one `[3, 96, 96]` model output) becomes the held mouth; `undefined`
   * pastes the mouth held from an earlier call.
   */
  emit(
    avatarFrame: number,
    face: Float32Array | undefined,
    signal: AbortSignal,
  ): Promise<EmittedFrame>;
  /** Releases the utterance's state. */
  close(): void;
}

/** How one utterance encodes its frames. */
export interface FrameWorkOptions {
  /** Rate of the utterance's audio. */
  sampleRateHz: number;
  /** JPEG quality. */
  jpegQuality: number;
  /** Paste-back mode. */
  blend: "reference" | "feathered";
}

/** What the frame work needs of an avatar pack (a worker gets only this). */
export interface PackFrames {
  /** Decoded RGB per frame. */
  frames: RgbImage[];
  /** Face box per frame. */
  boxes: FaceBox[];
  /** `frameCount × 96 × 96 × 3` BGR crops. */
  crops: Uint8Array;
}

/**
 * The synchronous core shared by the inline work and the frame worker: one
 * utterance's mel feed, encoder, held mouth and buffers.
 */
export class FrameKernel {
  readonly #pack: PackFrames;
  readonly #feed: MelFeed;
  readonly #encoder: JpegEncoder;
  readonly #blend: "reference" | "feathered";
  readonly #pasted: Uint8Array;
  #faces = new Float32Array(0);
  #held: Float32Array | undefined;

  /**
   * Plans one utterance's work on `pack`.
   *
   * @example
   * ```ts
   * import { FrameKernel } from "@lipstream/edge/lipsync";
   * import assert from "node:assert/strict";
   *
   * const frame = { width: 16, height: 16, data: new Uint8Array(768).fill(90) };
   * const pack = { frames: [frame], boxes: [{ y1: 2, y2: 14, x1: 2, x2: 14 }], crops: new Uint8Array(96 * 96 * 3) };
   * const kernel = new FrameKernel(pack, { sampleRateHz: 16000, jpegQuality: 80, blend: "feathered" });
   * assert.equal(kernel.mel(new Float32Array(16000)).frames.length % 80, 0);
   * const { jpeg } = kernel.emit(0, new Float32Array(3 * 96 * 96).fill(0.5));
   * assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8]);
   * ```
   *
   * @param pack The avatar's frames, boxes and crops.
   * @param options Audio rate, JPEG quality and paste-back mode.
   */
  constructor(pack: PackFrames, options: FrameWorkOptions) {
    this.#pack = pack;
    this.#feed = new MelFeed(options.sampleRateHz);
    this.#encoder = new JpegEncoder({ quality: options.jpegQuality });
    this.#blend = options.blend;
    const first = pack.frames[0];
    this.#pasted = new Uint8Array(
      first === undefined ? 0 : first.width * first.height * 3,
    );
  }

  /** Resample + mel of the next audio. */
  mel(samples: Float32Array): MelResult {
    const started = performance.now();
    const frames = this.#feed.push(samples);
    return { frames, ms: performance.now() - started };
  }

  /** The feed's final frames. */
  melFlush(): MelResult {
    const started = performance.now();
    const frames = this.#feed.flush();
    return { frames, ms: performance.now() - started };
  }

  /** The face batch, in a buffer reused by the next call unless `fresh`. */
  faceBatch(avatarFrames: readonly number[], fresh = false): FaceBatchResult {
    const started = performance.now();
    const size = avatarFrames.length * FACE_INPUT_VALUES;
    if (fresh) this.#faces = new Float32Array(size);
    else if (this.#faces.length < size) this.#faces = new Float32Array(size);
    buildFaceBatch(this.#pack, avatarFrames, { out: this.#faces });
    return {
      faces: this.#faces.subarray(0, size),
      ms: performance.now() - started,
    };
  }

  /** Paste + JPEG of one frame; `face` becomes the held mouth. */
  emit(avatarFrame: number, face: Float32Array | undefined): EmittedFrame {
    if (face !== undefined) this.#held = face;
    const held = this.#held;
    const frame = this.#pack.frames[avatarFrame];
    const box = this.#pack.boxes[avatarFrame];
    if (held === undefined || frame === undefined || box === undefined) {
      throw new RangeError(
        `Cannot emit avatar frame ${avatarFrame}: ${
          held === undefined ? "no mouth was rendered yet" : "no such frame"
        }`,
      );
    }
    const started = performance.now();
    pasteFace(frame, { face: held, box }, {
      mode: this.#blend,
      out: this.#pasted,
    });
    const pasted = performance.now();
    const jpeg = this.#encoder.encode({
      width: frame.width,
      height: frame.height,
      data: this.#pasted,
    });
    return {
      jpeg,
      pasteMs: pasted - started,
      jpegMs: performance.now() - pasted,
    };
  }
}

/**
 * Runs an utterance's frame work on the calling thread; each frame's paste
 * and JPEG is its own event-loop slice (other requests run in between).
 *
 * @example
 * ```ts ignore
 * const work = inlineFrameWork(pack, { sampleRateHz: 22050, jpegQuality: 80, blend: "feathered" });
 * const { frames } = await work.mel(samples);
 * ```
 *
 * @param pack The avatar.
 * @param options Audio rate, JPEG quality and paste-back mode.
 * @returns The work.
 */
export function inlineFrameWork(
  pack: AvatarPack | PackFrames,
  options: FrameWorkOptions,
): FrameWork {
  const kernel = new FrameKernel(pack, options);
  return {
    where: "inline",
    lookahead: 0,
    mel: (samples) => Promise.resolve(kernel.mel(samples)),
    melFlush: () => Promise.resolve(kernel.melFlush()),
    faceBatch: (avatarFrames) =>
      new Promise((resolve) => resolve(kernel.faceBatch(avatarFrames))),
    async emit(avatarFrame, face, signal) {
      // One frame's CPU work is one slice: requests run in between.
      await yieldToEventLoop();
      signal.throwIfAborted();
      return kernel.emit(avatarFrame, face);
    },
    close() {},
  };
}
