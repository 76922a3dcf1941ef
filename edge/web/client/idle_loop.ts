/**
 * Animates the avatar's idle video between utterances with the server's own
 * ping-pong loop ({@linkcode pingPongFrame}), played from the pack's frames
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

import { pingPongFrame, pingPongPeriod } from "../../frames/ping_pong.ts";
import type { AvatarEntry } from "./catalog.ts";

const MAX_DECODED_BYTES = 64 * 1024 * 1024;

/**
 * Reduces any integer position into the ping-pong cycle `[0, period)`.
 *
 * @param position A position, possibly past the cycle or negative.
 * @param frameCount Frames in the pack.
 * @returns The position in the cycle.
 * @example
 * ```ts
 * import { cyclePosition } from "./idle_loop.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([0, 5, 6, 7, -1].map((p) => cyclePosition(p, 4)), [0, 5, 0, 1, 5]);
 * ```
 */
export function cyclePosition(position: number, frameCount: number): number {
  const period = pingPongPeriod(frameCount);
  return ((Math.round(position) % period) + period) % period;
}

/** The avatar's idle animation, on the page's canvas. */
export class IdleLoop {
  /** The position the next tick shows. */
  position = 0;
  /** Ticks drawn so far. */
  ticks = 0;
  #canvas: HTMLCanvasElement;
  #frames: ImageBitmap[] = [];
  #avatarId: string | null = null;
  #fps = 25;
  #timer: ReturnType<typeof setInterval> | null = null;

  /**
   * Creates a stopped loop.
   *
   * @param canvas Where frames are drawn.
   */
  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas;
  }

  /** Whether frames are loaded for this avatar id. */
  has(avatarId: string): boolean {
    return this.#avatarId === avatarId && this.#frames.length > 1;
  }

  /** Whether the loop is drawing now. */
  get running(): boolean {
    return this.#timer !== null;
  }

  /**
   * Loads the avatar's frames; loading another avatar meanwhile cancels this one.
   *
   * @param avatar The catalog entry.
   * @param headers Request headers (the API key).
   * @returns Whether it can animate.
   */
  async load(avatar: AvatarEntry, headers: HeadersInit): Promise<boolean> {
    this.pause();
    this.#release();
    this.#avatarId = avatar.id;
    this.#fps = avatar.fps;
    this.position = 0;
    const count = avatar.frame_count;
    if (
      !(count > 1) ||
      avatar.width * avatar.height * 4 * count > MAX_DECODED_BYTES
    ) return false;
    const base = `/v1/avatars/${encodeURIComponent(avatar.id)}/frames/`;
    const frames = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const response = await fetch(`${base}${index}.jpg`, { headers });
        if (!response.ok) {
          throw new Error(`frame ${index}: HTTP ${response.status}`);
        }
        return await createImageBitmap(await response.blob());
      }),
    );
    if (this.#avatarId !== avatar.id || this.#frames.length > 0) {
      frames.forEach((frame) => frame.close());
      return false;
    }
    this.#frames = frames;
    return true;
  }

  /** Starts drawing from `position` (default: where it stands); a running loop goes on as it is. */
  resume(position: number = this.position): void {
    if (this.#frames.length < 2 || this.#timer !== null) return;
    this.position = cyclePosition(position, this.#frames.length);
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), 1000 / this.#fps);
  }

  /**
   * Stops drawing.
   *
   * @returns The position the next frame would show.
   */
  pause(): number {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    return this.position;
  }

  #tick(): void {
    const count = this.#frames.length;
    const frame = this.#frames[pingPongFrame(this.position, count)]!;
    if (this.#canvas.width !== frame.width) this.#canvas.width = frame.width;
    if (this.#canvas.height !== frame.height) {
      this.#canvas.height = frame.height;
    }
    this.#canvas.getContext("2d")!.drawImage(frame, 0, 0);
    this.position = cyclePosition(this.position + 1, count);
    this.ticks++;
  }

  #release(): void {
    this.#frames.forEach((frame) => frame.close());
    this.#frames = [];
  }
}
