/**
 * Browser module `/web/frame_painter.js`: holds decoded frames in PTS order
 * and, on each animation frame, paints the newest frame that is due on the
 * audio clock. Older due frames are dropped rather than shown late, and so is
 * any frame more than one frame period behind the clock, so video never
 * drifts behind the audio. The last painted frame stays up as the idle face.
 *
 * @module
 */

/** Source of `/web/frame_painter.js`. */
export const FRAME_PAINTER_JS: string = String
  .raw`// Paints ImageBitmaps on a canvas at their PTS against a clock.
export class FramePainter {
  /**
   * canvas: the target; clockMs: () => utterance clock in ms or null;
   * stats: object whose framesPainted, framesDropped, lastOffsetMs,
   * maxAbsOffsetMs and firstPaintAt (performance.now) fields are updated.
   */
  constructor(canvas, clockMs, stats) {
    this.canvas = canvas;
    this.context2d = canvas.getContext("2d");
    this.clockMs = clockMs;
    this.stats = stats;
    this.periodMs = 40;
    this.queue = [];
    this.running = false;
    this.onPaint = null;
  }

  /** Starts the paint loop for one utterance at a frame rate. */
  start(fps) {
    this.periodMs = 1000 / fps;
    this.clear();
    if (this.running) return;
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.tick();
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  /** Adds a decoded frame; one already a period late is dropped at once. */
  enqueue(bitmap, ptsMs) {
    const now = this.clockMs();
    if (now !== null && now - ptsMs > this.periodMs) {
      this.drop(bitmap);
      return;
    }
    let at = this.queue.length;
    while (at > 0 && this.queue[at - 1].ptsMs > ptsMs) at--;
    this.queue.splice(at, 0, { bitmap, ptsMs });
  }

  /** Number of frames waiting. */
  get pending() {
    return this.queue.length;
  }

  /** One paint step: the newest due frame is painted, older due frames dropped. */
  tick() {
    const now = this.clockMs();
    if (now === null) return;
    let due = null;
    while (this.queue.length > 0 && this.queue[0].ptsMs <= now) {
      if (due) this.drop(due.bitmap);
      due = this.queue.shift();
    }
    if (!due) return;
    const offsetMs = now - due.ptsMs;
    if (offsetMs > this.periodMs) {
      this.drop(due.bitmap);
      return;
    }
    this.paint(due.bitmap);
    const stats = this.stats;
    stats.framesPainted++;
    stats.lastOffsetMs = offsetMs;
    stats.lastPaintedPtsMs = due.ptsMs;
    stats.maxAbsOffsetMs = Math.max(stats.maxAbsOffsetMs, Math.abs(offsetMs));
    stats.paints?.push([performance.now() - stats.startedAt, offsetMs]);
    stats.firstPaintAt ??= performance.now();
    if (this.onPaint) this.onPaint(due.ptsMs, offsetMs);
  }

  /** Draws a bitmap now, resizing the canvas to it, and releases it. */
  paint(bitmap) {
    if (this.canvas.width !== bitmap.width || this.canvas.height !== bitmap.height) {
      this.canvas.width = bitmap.width;
      this.canvas.height = bitmap.height;
    }
    this.context2d.drawImage(bitmap, 0, 0);
    bitmap.close();
  }

  drop(bitmap) {
    this.stats.framesDropped++;
    bitmap.close();
  }

  /** Forgets waiting frames (not counted as dropped); the canvas keeps its last frame. */
  clear() {
    for (const frame of this.queue) frame.bitmap.close();
    this.queue = [];
  }

  /** Stops the paint loop and forgets waiting frames. */
  stop() {
    this.running = false;
    this.clear();
  }
}
`;
