/**
 * Picks avatar frames forward then backward (0, 1, …, N−1, N−2, …, 1, 0, 1, …) so an idle video
 * loops without a jump. The end frames are not repeated, so the period is `2 · (N − 1)`.
 *
 * @module
 */

/** Options for {@linkcode PingPongPicker}. */
export interface PingPongOptions {
  /** Position in the ping-pong cycle to start at (0 ≤ start < 2 · (N − 1)). @default {0} */
  start?: number;
}

/**
 * A deterministic ping-pong frame picker; keep one per session so the loop continues across
 * utterances.
 *
 * @example Four frames
 * ```ts
 * import { PingPongPicker } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * const picker = new PingPongPicker(4);
 * assert.deepEqual([...picker.take(8)], [0, 1, 2, 3, 2, 1, 0, 1]);
 * assert.equal(picker.next(), 2);
 * ```
 */
export class PingPongPicker {
  #frameCount: number;
  #period: number;
  #position: number;

  /**
   * Creates a picker over `frameCount` frames.
   *
   * @param frameCount Frames in the avatar pack (≥ 1).
   * @param options Start position.
   */
  constructor(frameCount: number, options: PingPongOptions = {}) {
    if (!Number.isSafeInteger(frameCount) || frameCount < 1) {
      throw new RangeError(
        `Cannot create ping-pong picker: frame count must be a positive integer: received ${frameCount}`,
      );
    }
    this.#frameCount = frameCount;
    this.#period = pingPongPeriod(frameCount);
    const start = options.start ?? 0;
    if (!Number.isSafeInteger(start) || start < 0 || start >= this.#period) {
      throw new RangeError(
        `Cannot create ping-pong picker: start must be in [0, ${this.#period}): received ${start}`,
      );
    }
    this.#position = start;
  }

  /** The position in the cycle the next pick uses (save it to resume a session). */
  get position(): number {
    return this.#position;
  }

  /**
   * Returns the next frame index and advances.
   *
   * @returns A frame index in [0, frameCount).
   */
  next(): number {
    const p = this.#position;
    this.#position = (p + 1) % this.#period;
    return pingPongFrame(p, this.#frameCount);
  }

  /**
   * Returns the next `count` frame indices and advances past them.
   *
   * @param count How many frames.
   * @param out Where to write them; allocated when absent.
   * @returns The frame indices.
   */
  take(count: number, out: Int32Array = new Int32Array(count)): Int32Array {
    for (let i = 0; i < count; i++) out[i] = this.next();
    return out;
  }
}

/**
 * The frame index at `position` of the ping-pong cycle over `frameCount` frames (the frame a picker
 * started at `position` gives first).
 *
 * @example
 * ```ts
 * import { pingPongFrame } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([0, 3, 4, 5].map((p) => pingPongFrame(p, 4)), [0, 3, 2, 1]);
 * ```
 *
 * @param position A position in [0, 2 · (frameCount − 1)), e.g. {@linkcode PingPongPicker.position}.
 * @param frameCount Frames in the avatar pack (≥ 1).
 * @returns A frame index in [0, frameCount).
 */
export function pingPongFrame(position: number, frameCount: number): number {
  const period = pingPongPeriod(frameCount);
  const p = position % period;
  return p < frameCount ? p : period - p;
}

/**
 * Positions in one ping-pong cycle over `frameCount` frames: `2 · (frameCount − 1)`, at least 1.
 *
 * @example
 * ```ts
 * import { pingPongPeriod } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([1, 2, 40].map(pingPongPeriod), [1, 2, 78]);
 * ```
 *
 * @param frameCount Frames in the avatar pack (≥ 1).
 * @returns The period.
 */
export function pingPongPeriod(frameCount: number): number {
  return Math.max(1, 2 * (frameCount - 1));
}
