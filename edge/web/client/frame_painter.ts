/**
 * Paints decoded frames on a canvas at their PTS against the audio clock: on
 * each animation frame the newest due frame is painted (see
 * {@linkcode FrameQueue} for what is dropped), and the counters of the
 * utterance are updated. The last painted frame stays up as the idle face.
 *
 * @module
 */

import { FrameQueue } from "./frame_queue.ts";
import type { UtteranceStats } from "./utterance_stats.ts";

/** The frame painter of the page's canvas. */
export class FramePainter {
  /** The counters the paints are recorded in (swapped per utterance). */
  stats: UtteranceStats;
  #canvas: HTMLCanvasElement;
  #context2d: CanvasRenderingContext2D;
  #clockMs: () => number | null;
  #queue = new FrameQueue<ImageBitmap>(40);
  #running = false;

  /**
   * Creates a painter.
   *
   * @param canvas The target.
   * @param clockMs The utterance clock in ms, or null before audio.
   * @param stats The counters to update.
   */
  constructor(
    canvas: HTMLCanvasElement,
    clockMs: () => number | null,
    stats: UtteranceStats,
  ) {
    this.#canvas = canvas;
    this.#context2d = canvas.getContext("2d")!;
    this.#clockMs = clockMs;
    this.stats = stats;
  }

  /** The frame period, ms. */
  set periodMs(ms: number) {
    this.#queue.periodMs = ms;
  }

  /** Number of frames waiting. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Starts the paint loop for one utterance at a frame rate. */
  start(fps: number): void {
    this.periodMs = 1000 / fps;
    this.clear();
    if (this.#running) return;
    this.#running = true;
    const loop = () => {
      if (!this.#running) return;
      this.#tick();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  /** Adds a decoded frame; one already a period late is dropped at once. */
  enqueue(bitmap: ImageBitmap, ptsMs: number): void {
    if (!this.#queue.add(bitmap, ptsMs, this.#clockMs())) this.#drop(bitmap);
  }

  #tick(): void {
    const now = this.#clockMs();
    if (now === null) return;
    const { paint, dropped } = this.#queue.take(now);
    dropped.forEach((bitmap) => this.#drop(bitmap));
    if (!paint) return;
    const offsetMs = now - paint.ptsMs;
    this.#paint(paint.frame);
    const stats = this.stats;
    stats.framesPainted++;
    stats.lastOffsetMs = offsetMs;
    stats.lastPaintedPtsMs = paint.ptsMs;
    stats.maxAbsOffsetMs = Math.max(stats.maxAbsOffsetMs, Math.abs(offsetMs));
    stats.paints.push([performance.now() - stats.startedAt, offsetMs]);
    stats.firstPaintAt ??= performance.now();
  }

  /** Draws a bitmap now, resizing the canvas to it, and releases it. */
  #paint(bitmap: ImageBitmap): void {
    if (
      this.#canvas.width !== bitmap.width ||
      this.#canvas.height !== bitmap.height
    ) {
      this.#canvas.width = bitmap.width;
      this.#canvas.height = bitmap.height;
    }
    this.#context2d.drawImage(bitmap, 0, 0);
    bitmap.close();
  }

  #drop(bitmap: ImageBitmap): void {
    this.stats.framesDropped++;
    bitmap.close();
  }

  /** Forgets waiting frames (not counted as dropped); the canvas keeps its last frame. */
  clear(): void {
    this.#queue.clear().forEach((bitmap) => bitmap.close());
  }

  /** Stops the paint loop and forgets waiting frames. */
  stop(): void {
    this.#running = false;
    this.clear();
  }
}
