/**
 * Graceful overload: when the lip model cannot keep up, the frame pipeline
 * lowers the lip-frame rate instead of falling behind the audio.
 *
 * Every frame has a deadline on the audio clock: frame `i` is due
 * `i / fps` seconds after the utterance's first audio was handed on, plus a
 * slack for the client's start-up buffer. Before each batch the pacer
 * estimates, from measured costs, how many of the batch's speaking frames
 * the model can render before the batch's first frame is due; the others
 * are *held* (they reuse the last rendered mouth on their own avatar frame,
 * see `lipsync_session.ts`). Rendered frames are spread evenly over the
 * batch, so at half the budget every other frame is rendered. Frames never
 * change their index or PTS, and audio never waits for them.
 *
 * Costs are measured, not configured: an exponential moving average of the
 * model's wall time per rendered frame (which includes waiting behind other
 * streams' calls, so two streams on one core see twice the cost) and of the
 * per-frame paste + JPEG time, shared by all sessions of a service.
 *
 * @module
 */

/** Measured costs shared by the sessions of one lip-sync service. */
export class LipCostMeter {
  #modelMsPerFrame: number | undefined;
  #emitMsPerFrame: number | undefined;
  readonly #weight: number;

  /**
   * Creates a meter with no measurements.
   *
   * @example
   * ```ts
   * import { LipCostMeter } from "@lipstream/edge/lipsync";
   * import assert from "node:assert/strict";
   *
   * const meter = new LipCostMeter();
   * assert.equal(meter.modelMsPerFrame, undefined);
   * meter.recordModel(400, 8);
   * assert.equal(meter.modelMsPerFrame, 50);
   * ```
   *
   * @param weight Weight of a new measurement in the moving average, (0, 1].
   */
  constructor(weight = 0.3) {
    if (!(weight > 0 && weight <= 1)) {
      throw new RangeError(
        `Cannot create cost meter: weight must be in (0, 1]: received ${weight}`,
      );
    }
    this.#weight = weight;
  }

  /** Model wall time per rendered frame, ms; `undefined` before the first call. */
  get modelMsPerFrame(): number | undefined {
    return this.#modelMsPerFrame;
  }

  /** Paste + JPEG time per emitted frame, ms; `undefined` before the first batch. */
  get emitMsPerFrame(): number | undefined {
    return this.#emitMsPerFrame;
  }

  /** Records one model call of `frames` frames that took `ms`. */
  recordModel(ms: number, frames: number): void {
    if (frames > 0) {
      this.#modelMsPerFrame = this.#average(this.#modelMsPerFrame, ms / frames);
    }
  }

  /** Records the paste and encoding of `frames` frames that took `ms`. */
  recordEmit(ms: number, frames: number): void {
    if (frames > 0) {
      this.#emitMsPerFrame = this.#average(this.#emitMsPerFrame, ms / frames);
    }
  }

  #average(old: number | undefined, value: number): number {
    return old === undefined ? value : old + this.#weight * (value - old);
  }
}

/** Inputs of {@linkcode renderBudget}. */
export interface RenderBudgetInput {
  /** Speaking frames in the batch (candidates for the model). */
  speaking: number;
  /** Frames in the batch (all of them are pasted or copied). */
  frames: number;
  /** Milliseconds until the batch's first frame is due (negative: late). */
  leadMs: number;
  /** Measured model time per frame; `undefined` renders everything. */
  modelMsPerFrame: number | undefined;
  /** Measured emit time per frame. @default {0} */
  emitMsPerFrame?: number | undefined;
}

/**
 * How many of a batch's speaking frames to render so that the batch is out
 * before its first frame is due.
 *
 * @example
 * ```ts
 * import { renderBudget } from "@lipstream/edge/lipsync";
 * import assert from "node:assert/strict";
 *
 * // 16 frames, 640 ms ahead, 80 ms per frame: half of them.
 * assert.equal(renderBudget({ speaking: 16, frames: 16, leadMs: 640, modelMsPerFrame: 80 }), 8);
 * // Fast enough: all. No measurement yet: all. Already late: none.
 * assert.equal(renderBudget({ speaking: 16, frames: 16, leadMs: 640, modelMsPerFrame: 30 }), 16);
 * assert.equal(renderBudget({ speaking: 16, frames: 16, leadMs: 0, modelMsPerFrame: undefined }), 16);
 * assert.equal(renderBudget({ speaking: 16, frames: 16, leadMs: -5, modelMsPerFrame: 30 }), 0);
 * ```
 *
 * @param input Batch, lead and costs.
 * @returns A count in `[0, speaking]`.
 */
export function renderBudget(input: RenderBudgetInput): number {
  const { speaking, frames, leadMs, modelMsPerFrame } = input;
  if (modelMsPerFrame === undefined || !(modelMsPerFrame > 0)) return speaking;
  const available = leadMs - frames * (input.emitMsPerFrame ?? 0);
  if (!(available > 0)) return 0;
  return Math.max(
    0,
    Math.min(speaking, Math.floor(available / modelMsPerFrame)),
  );
}

/**
 * Which of `count` frames to render when only `budget` may be: evenly
 * spread, the first always among them (so later held frames have a mouth to
 * hold).
 *
 * @example
 * ```ts
 * import { spreadRenders } from "@lipstream/edge/lipsync";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(spreadRenders(6, 3), [true, false, true, false, true, false]);
 * assert.deepEqual(spreadRenders(4, 4), [true, true, true, true]);
 * assert.deepEqual(spreadRenders(3, 0), [false, false, false]);
 * ```
 *
 * @param count Frames.
 * @param budget Frames to render, at most `count`.
 * @returns One flag per frame, `budget` of them true.
 */
export function spreadRenders(count: number, budget: number): boolean[] {
  const mask = new Array<boolean>(count).fill(false);
  const n = Math.max(0, Math.min(count, budget));
  for (let j = 0; j < n; j++) mask[Math.floor(j * count / n)] = true;
  return mask;
}
