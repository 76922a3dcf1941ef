/**
 * The frame painter's decision, without a canvas: frames wait in PTS order,
 * and at each paint step the newest frame that is due on the audio clock is
 * shown while older due frames are dropped. A frame more than one frame
 * period behind the clock is dropped too, so video never drifts behind audio.
 *
 * @module
 */

/** A frame waiting to be shown at `ptsMs` on the utterance clock. */
export interface QueuedFrame<F> {
  /** The frame (a decoded bitmap in the page). */
  frame: F;
  /** Presentation time, ms since the utterance's first sample. */
  ptsMs: number;
}

/** What one {@linkcode FrameQueue.take} step decided. */
export interface FrameStep<F> {
  /** The frame to paint now, if any. */
  paint: QueuedFrame<F> | null;
  /** Frames that came due too late to show, oldest first. */
  dropped: F[];
}

/**
 * Frames in PTS order against a clock with a tolerance of one frame period.
 *
 * @example Only the newest due frame is painted
 * ```ts
 * import { FrameQueue } from "./frame_queue.ts";
 * import assert from "node:assert/strict";
 *
 * const queue = new FrameQueue<string>(40);
 * queue.add("b", 40, null);
 * queue.add("a", 0, null);
 * queue.add("c", 80, null);
 * const step = queue.take(45);
 * assert.equal(step.paint?.frame, "b");
 * assert.deepEqual(step.dropped, ["a"]);
 * assert.equal(queue.length, 1);
 * ```
 */
export class FrameQueue<F> {
  /** One frame period in ms: the most a painted frame may lag the clock. */
  periodMs: number;
  #queue: QueuedFrame<F>[] = [];

  /**
   * Creates an empty queue.
   *
   * @param periodMs The frame period, ms (40 at 25 fps).
   */
  constructor(periodMs: number) {
    this.periodMs = periodMs;
  }

  /** Number of frames waiting. */
  get length(): number {
    return this.#queue.length;
  }

  /**
   * Adds a frame in PTS order, unless it is already a period late.
   *
   * @param frame The frame.
   * @param ptsMs Its presentation time.
   * @param nowMs The clock now, or `null` before audio starts.
   * @returns Whether it was queued (false: drop it).
   */
  add(frame: F, ptsMs: number, nowMs: number | null): boolean {
    if (nowMs !== null && nowMs - ptsMs > this.periodMs) return false;
    let at = this.#queue.length;
    while (at > 0 && this.#queue[at - 1]!.ptsMs > ptsMs) at--;
    this.#queue.splice(at, 0, { frame, ptsMs });
    return true;
  }

  /**
   * Takes the frames due at `nowMs`: the newest to paint, the rest dropped.
   *
   * @param nowMs The clock now.
   * @returns The frame to paint (null if none is due in time) and the dropped ones.
   */
  take(nowMs: number): FrameStep<F> {
    const dropped: F[] = [];
    let due: QueuedFrame<F> | undefined;
    while (this.#queue.length > 0 && this.#queue[0]!.ptsMs <= nowMs) {
      if (due) dropped.push(due.frame);
      due = this.#queue.shift();
    }
    if (due && nowMs - due.ptsMs > this.periodMs) {
      dropped.push(due.frame);
      due = undefined;
    }
    return { paint: due ?? null, dropped };
  }

  /**
   * Empties the queue.
   *
   * @returns The frames that were waiting.
   */
  clear(): F[] {
    return this.#queue.splice(0).map(({ frame }) => frame);
  }
}
