/**
 * Places each sentence's audio on one `AudioContext` timeline at
 * `origin + firstSample / sampleRate`, so joins have no gap and no overlap,
 * and tells the utterance clock (what is heard now, ms since sample 0) that
 * the frame painter follows.
 *
 * Playback starts once the first audio and the first video frame are both in
 * (plus a short lead for decoding), or when the first audio has waited
 * `maxWaitSec` for video: not at a fixed delay after the first audio, so a
 * fast server starts speaking sooner and a slow first frame is still shown.
 *
 * If a part arrives after its slot has passed (network or backend stall), the
 * origin moves later by the shortfall: audio gets a gap but stays whole, and
 * video follows the moved clock. Such moves are counted as `rebases`.
 *
 * @module
 */

/** Headroom before a part's start below which it counts as late, seconds. */
const SAFETY_SEC = 0.01;

/** Where {@linkcode placePart} puts a part. */
export interface PartPlacement {
  /** Context time at which its first sample plays. */
  whenSec: number;
  /** The timeline's origin after placing it (later if the part was late). */
  originSec: number;
  /** Whether the origin moved. */
  rebased: boolean;
}

/**
 * Places a part whose first sample is `startSec` into the utterance at
 * `originSec + startSec`; a part whose slot is (nearly) past moves the origin
 * later by the shortfall, so it plays whole after a gap.
 *
 * @param originSec Context time of the utterance's sample 0.
 * @param startSec The part's start on the utterance clock.
 * @param nowSec The context's current time.
 * @returns When it plays and the origin from then on.
 * @example A part 50 ms late moves the origin 60 ms (10 ms headroom)
 * ```ts
 * import { placePart } from "./audio_timeline.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(placePart(1, 0.5, 1.4), { whenSec: 1.5, originSec: 1, rebased: false });
 * const late = placePart(1, 0.5, 1.55);
 * assert.equal(late.rebased, true);
 * assert.ok(Math.abs(late.whenSec - 1.56) < 1e-9 && Math.abs(late.originSec - 1.06) < 1e-9);
 * ```
 */
export function placePart(
  originSec: number,
  startSec: number,
  nowSec: number,
): PartPlacement {
  const whenSec = originSec + startSec;
  if (whenSec >= nowSec + SAFETY_SEC) {
    return { whenSec, originSec, rebased: false };
  }
  const moved = originSec + nowSec + SAFETY_SEC - whenSec;
  return { whenSec: moved + startSec, originSec: moved, rebased: true };
}

/** Options for {@linkcode AudioTimeline}. */
export interface AudioTimelineOptions {
  /** Headroom between the start decision and sample 0 (scheduling, first frames' decoding). @default {0.05} */
  leadSec?: number;
  /** How long the first audio waits for the first frame. @default {0.25} */
  maxWaitSec?: number;
}

/** One utterance's audio on an `AudioContext` timeline. */
export class AudioTimeline {
  /** Scheduled audio `[start, end]` in context seconds. */
  readonly segments: [number, number][] = [];
  /** How often a late part moved the origin. */
  rebases = 0;
  #context: BaseAudioContext;
  #leadSec: number;
  #maxWaitSec: number;
  #output: GainNode;
  #originSec: number | null = null;
  #waiting: [AudioBuffer, number][] = [];
  #waitTimer: ReturnType<typeof setTimeout> | undefined;
  #hasVideo = false;
  #sources = new Set<AudioBufferSourceNode>();

  /**
   * Creates a timeline playing into the context's destination.
   *
   * @param context The page's audio context.
   * @param options Lead and wait.
   */
  constructor(context: BaseAudioContext, options: AudioTimelineOptions = {}) {
    this.#context = context;
    this.#leadSec = options.leadSec ?? 0.05;
    this.#maxWaitSec = options.maxWaitSec ?? 0.25;
    this.#output = context.createGain();
    this.#output.connect(context.destination);
  }

  /** Schedules a buffer whose first sample is at `startSec` on the utterance clock. */
  schedule(buffer: AudioBuffer, startSec: number): void {
    if (this.#originSec !== null) {
      this.#play(buffer, startSec);
      return;
    }
    this.#waiting.push([buffer, startSec]);
    if (this.#hasVideo) this.start();
    else {
      this.#waitTimer ??= setTimeout(
        () => this.start(),
        this.#maxWaitSec * 1000,
      );
    }
  }

  /** The first video frame is in: start if audio is waiting. */
  videoReady(): void {
    this.#hasVideo = true;
    if (this.#waiting.length > 0) this.start();
  }

  /** Fixes the origin now (plus the lead) and plays what waited; later calls do nothing. */
  start(): void {
    clearTimeout(this.#waitTimer);
    if (this.#originSec !== null || this.#waiting.length === 0) return;
    this.#originSec = this.#context.currentTime + this.#leadSec;
    for (const [buffer, startSec] of this.#waiting.splice(0)) {
      this.#play(buffer, startSec);
    }
  }

  #play(buffer: AudioBuffer, startSec: number): void {
    const placed = placePart(
      this.#originSec!,
      startSec,
      this.#context.currentTime,
    );
    this.#originSec = placed.originSec;
    if (placed.rebased) this.rebases++;
    const when = placed.whenSec;
    const source = this.#context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.#output);
    source.onended = () => this.#sources.delete(source);
    source.start(when);
    this.#sources.add(source);
    this.segments.push([when, when + buffer.length / buffer.sampleRate]);
  }

  /** `performance.now()` at which sample 0 is heard, or null before the start. */
  startPerformanceMs(): number | null {
    if (this.#originSec === null) return null;
    return performance.now() + (this.#originSec - this.#heardSec()) * 1000;
  }

  /** Context time being heard now (output latency counted when the browser reports it). */
  #heardSec(): number {
    const context = this.#context;
    if (!(context instanceof AudioContext)) return context.currentTime;
    const stamp = context.getOutputTimestamp();
    if (!stamp.performanceTime || stamp.contextTime === undefined) {
      return context.currentTime;
    }
    const sec = stamp.contextTime +
      (performance.now() - stamp.performanceTime) / 1000;
    return Math.min(sec, context.currentTime);
  }

  /** The utterance clock in ms (negative before sample 0), or null before any audio. */
  clockMs(): number | null {
    return this.#originSec === null
      ? null
      : (this.#heardSec() - this.#originSec) * 1000;
  }

  /** Whether scheduled audio is still playing or waiting. */
  isPlaying(): boolean {
    if (this.#waiting.length > 0) return true;
    const end = this.segments.at(-1)?.[1];
    return this.#sources.size > 0 && end !== undefined &&
      this.#context.currentTime < end;
  }

  /** Silences everything at once and forgets the scheduled parts. */
  stop(): void {
    clearTimeout(this.#waitTimer);
    this.#waiting = [];
    this.#output.gain.setValueAtTime(0, this.#context.currentTime);
    this.#output.disconnect();
    for (const source of this.#sources) {
      try {
        source.stop();
      } catch {
        // never started: nothing to stop
      }
    }
    this.#sources.clear();
  }
}
