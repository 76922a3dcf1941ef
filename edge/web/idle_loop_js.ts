/**
 * Browser module `/web/idle_loop.js`: animates the avatar's idle video
 * between utterances — the server's ping-pong loop (position `p` shows frame
 * `p < n ? p : 2(n−1) − p`), played from the pack's frames
 * (`GET /v1/avatars/:id/frames/:i.jpg`) at the avatar's frame rate. Its
 * `position` is the next one it would show: a Speak request sends it as
 * `idle_position` so the utterance starts there, and the loop resumes from
 * the end part's `next_idle_position`, so the face never jumps.
 *
 * Avatars whose decoded frames would take more than 64 MB are not animated
 * (the still idle frame stays).
 *
 * @module
 */

/** Source of `/web/idle_loop.js`. */
export const IDLE_LOOP_JS: string = String
  .raw`// The avatar's idle animation, on the page's canvas.
const MAX_DECODED_BYTES = 64 * 1024 * 1024;

export class IdleLoop {
  /** canvas: where frames are drawn. */
  constructor(canvas) {
    this.canvas = canvas;
    this.frames = [];
    this.avatarId = null;
    this.fps = 25;
    this.position = 0;
    this.timer = null;
    this.ticks = 0;
  }

  /** Whether frames are loaded for this avatar id. */
  has(avatarId) {
    return this.avatarId === avatarId && this.frames.length > 1;
  }

  /** Whether the loop is drawing now. */
  get running() {
    return this.timer !== null;
  }

  get period() {
    return Math.max(1, 2 * (this.frames.length - 1));
  }

  /**
   * Loads the avatar's frames (catalog entry: id, fps, width, height,
   * frame_count); resolves true when it can animate. Loading another avatar
   * meanwhile cancels this one.
   */
  async load(avatar, headers) {
    this.pause();
    this.release();
    this.avatarId = avatar.id;
    this.fps = avatar.fps;
    this.position = 0;
    const count = avatar.frame_count;
    if (!(count > 1) || avatar.width * avatar.height * 4 * count > MAX_DECODED_BYTES) return false;
    const base = "/v1/avatars/" + encodeURIComponent(avatar.id) + "/frames/";
    const frames = await Promise.all(Array.from({ length: count }, async (_, index) => {
      const response = await fetch(base + index + ".jpg", { headers });
      if (!response.ok) throw new Error("frame " + index + ": HTTP " + response.status);
      return await createImageBitmap(await response.blob());
    }));
    if (this.avatarId !== avatar.id || this.frames.length > 0) {
      frames.forEach((frame) => frame.close());
      return false;
    }
    this.frames = frames;
    return true;
  }

  /** Starts drawing from position (default: where it stands); a running loop goes on as it is. */
  resume(position = this.position) {
    if (this.frames.length < 2 || this.timer !== null) return;
    this.position = ((Math.round(position) % this.period) + this.period) % this.period;
    this.tick();
    this.timer = setInterval(() => this.tick(), 1000 / this.fps);
  }

  /** Stops drawing; returns the position the next frame would show. */
  pause() {
    clearInterval(this.timer);
    this.timer = null;
    return this.position;
  }

  tick() {
    const p = this.position;
    const frame = this.frames[p < this.frames.length ? p : this.period - p];
    if (this.canvas.width !== frame.width) this.canvas.width = frame.width;
    if (this.canvas.height !== frame.height) this.canvas.height = frame.height;
    this.canvas.getContext("2d").drawImage(frame, 0, 0);
    this.position = (p + 1) % this.period;
    this.ticks++;
  }

  release() {
    this.frames.forEach((frame) => frame.close());
    this.frames = [];
  }
}
`;
