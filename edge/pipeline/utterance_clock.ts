/**
 * Where an utterance stands: on the media clock (samples, sentences, the
 * sentence each frame falls in) and on the wall clock (time to first audio
 * and frame, time spent in synthesis and lip-sync). Every instrument of an
 * utterance is observed here, nowhere else.
 *
 * @module
 */

import { withStepTimeout } from "./limits.ts";
import type {
  LipSyncSession,
  SpeechChunk,
  UtteranceAudio,
  UtteranceFrame,
  UtteranceSummary,
  VideoFrame,
} from "./types.ts";

/** A histogram (`EdgeMetrics`' `Histogram` is one). */
interface Observer {
  observe(value: number, labels?: Readonly<Record<string, string>>): void;
}

/** A counter (`EdgeMetrics`' `Counter` is one). */
interface Tally {
  inc(labels?: Readonly<Record<string, string>>, amount?: number): void;
}

/** What an utterance records (the `EdgeMetrics` instruments of the same names). */
export interface UtteranceMetrics {
  /** Seconds from arrival to the first audio, by route. */
  timeToFirstAudio: Observer;
  /** Seconds from arrival to the first frame, by route. */
  timeToFirstFrame: Observer;
  /** Seconds per sentence (`synthesis`) and per frame (`lipsync`). */
  backendLatency: Observer;
  /** Frames produced. */
  frames: Tally;
  /** Seconds of audio produced. */
  audioSeconds: Tally;
  /** Utterances that ended with a failure after the status, by route and problem type. */
  streamErrors: Tally;
}

/** What the clock observes into, and the time it reads. */
export interface ClockDeps {
  /** Instruments. */
  metrics: UtteranceMetrics;
  /** The clock in milliseconds. */
  now: () => number;
}

/** Where the utterance stands, on the media clock and the wall clock. */
export class UtteranceClock {
  #startSample = 0;
  #rateHz = 1;
  /** Sentence starts on the utterance clock, in order. */
  #starts: { sentenceIndex: number; startSample: number }[] = [];
  #sentences = 0;
  #frames = 0;
  #audioMs = 0;
  #ttfaMs: number | undefined;
  #ttffMs: number | undefined;
  #synthesisMs = 0;
  #lipSyncMs = 0;
  #fps = 1;
  readonly #deps: ClockDeps;
  readonly #route: string;
  readonly #startedAtMs: number;

  /**
   * Starts the clock.
   *
   * @param deps The instruments and the clock in milliseconds.
   * @param route The route label of the instruments.
   * @param startedAtMs Request arrival on `deps.now`.
   */
  constructor(deps: ClockDeps, route: string, startedAtMs: number) {
    this.#deps = deps;
    this.#route = route;
    this.#startedAtMs = startedAtMs;
  }

  /** Takes the session's frame rate (frames are placed in sentences by it). */
  open(session: LipSyncSession | undefined): void {
    this.#fps = session?.fps ?? 1;
  }

  /** Places the next sentence's audio after the previous one. */
  audio(chunk: SpeechChunk): UtteranceAudio {
    const { metrics, now } = this.#deps;
    const startSample = this.#startSample;
    const durationMs = chunk.samples.length * 1000 / chunk.sampleRateHz;
    this.#rateHz = chunk.sampleRateHz;
    this.#starts.push({ sentenceIndex: chunk.sentenceIndex, startSample });
    this.#startSample += chunk.samples.length;
    this.#sentences++;
    this.#audioMs += durationMs;
    if (this.#ttfaMs === undefined) {
      this.#ttfaMs = now() - this.#startedAtMs;
      metrics.timeToFirstAudio.observe(this.#ttfaMs / 1000, {
        route: this.#route,
      });
    }
    metrics.audioSeconds.inc({}, durationMs / 1000);
    return {
      chunk,
      startSample,
      startMs: startSample * 1000 / chunk.sampleRateHz,
      durationMs,
    };
  }

  /** Puts a frame in the sentence its PTS falls in. */
  frame(frame: VideoFrame): UtteranceFrame {
    const { metrics, now } = this.#deps;
    const sample = Math.floor(frame.index * this.#rateHz / this.#fps);
    let at = this.#starts.length - 1;
    while (at > 0 && this.#starts[at]!.startSample > sample) at--;
    this.#frames++;
    if (this.#ttffMs === undefined) {
      this.#ttffMs = now() - this.#startedAtMs;
      metrics.timeToFirstFrame.observe(this.#ttffMs / 1000, {
        route: this.#route,
      });
    }
    metrics.frames.inc();
    return { frame, sentenceIndex: this.#starts[at]?.sentenceIndex ?? 0 };
  }

  /** Times each sentence of `sentences` (`synthesis` latency). */
  async *timeSentences(
    sentences: AsyncIterable<SpeechChunk>,
  ): AsyncGenerator<SpeechChunk> {
    const { metrics, now } = this.#deps;
    let start = now();
    for await (const sentence of sentences) {
      const ms = now() - start;
      this.#synthesisMs += ms;
      metrics.backendLatency.observe(ms / 1000, { stage: "synthesis" });
      yield sentence;
      start = now();
    }
  }

  /** Times each frame of `frames` (`lipsync` latency), at most `stepMs` each. */
  async *timeFrames(
    frames: AsyncIterable<VideoFrame>,
    stepMs: number,
  ): AsyncGenerator<VideoFrame> {
    const { metrics, now } = this.#deps;
    let start = now();
    for await (const frame of withStepTimeout(frames, stepMs)) {
      const ms = now() - start;
      this.#lipSyncMs += ms;
      metrics.backendLatency.observe(ms / 1000, { stage: "lipsync" });
      yield frame;
      start = now();
    }
  }

  /** Counts a failure after the status. */
  failed(kind: string): void {
    this.#deps.metrics.streamErrors.inc({ route: this.#route, kind });
  }

  /** What the end part reports. */
  summary(utteranceId: string, session?: LipSyncSession): UtteranceSummary {
    return {
      utteranceId,
      sentences: this.#sentences,
      frames: this.#frames,
      audioMs: this.#audioMs,
      nextIdlePosition: session?.idlePosition,
      timings: {
        ttfaMs: this.#ttfaMs,
        ttffMs: this.#ttffMs,
        synthesisMs: this.#synthesisMs,
        lipSyncMs: this.#lipSyncMs,
        totalMs: this.#deps.now() - this.#startedAtMs,
      },
    };
  }
}
