/**
 * Runs one utterance: audio chunks are produced in a background task into a
 * small queue while the consumer lip-syncs the previous chunk, so synthesis of
 * sentence k+1 overlaps lip-sync of sentence k, and nothing runs further ahead
 * than the queue allows when the client reads slowly.
 *
 * Audio first: when the session can take audio mid-iteration (`append`), a
 * chunk that is ready while frames of earlier chunks are still being made is
 * sent at once, between two frames, so slow lip-sync never delays the sound.
 * A frame's `sentenceIndex` is the sentence its PTS falls in.
 *
 * @module
 */

import { BoundedQueue } from "./bounded_queue.ts";
import { withStepTimeout } from "./step_timeout.ts";
import type {
  LipSyncRequest,
  LipSyncService,
  LipSyncSession,
  SpeechChunk,
  VideoFrame,
} from "./types.ts";

/** An event of an utterance, in the order a client should receive it. */
export type UtteranceEvent =
  | {
    type: "start";
    /** The open lip-sync session (frame size and rate). */
    session: LipSyncSession;
    /** The session's idle-loop position when it opened (its getter moves on as frames are taken). */
    idlePosition?: number;
  }
  | {
    type: "audio";
    /** The sentence's audio. */
    chunk: SpeechChunk;
    /** Index of its first sample on the utterance clock. */
    startSample: number;
    /** Its start on the utterance clock in milliseconds. */
    startMs: number;
  }
  | {
    type: "frame";
    /** The frame. */
    frame: VideoFrame;
    /** The sentence the frame belongs to. */
    sentenceIndex: number;
  };

/** Options for {@linkcode runUtterance}. */
export interface RunUtteranceOptions {
  /** Aborts everything; the iteration then throws the abort reason. */
  signal: AbortSignal;
  /** The longest wait for one chunk or frame; `InferenceError("timeout")` after it. */
  stepTimeoutMs: number;
  /** Chunks that may wait between synthesis and lip-sync. @default {1} */
  queueSize?: number;
}

/**
 * Yields the `start` event, then for each audio chunk an `audio` event
 * followed by that chunk's `frame` events.
 *
 * @param lipSync The lip-sync service.
 * @param request The avatar and frame settings, plus `audio`, which produces the
 * chunks (speech synthesis, or a decoded upload) and must honour the signal.
 * @param options Signal, step timeout and queue size.
 * @returns The events.
 */
export async function* runUtterance(
  lipSync: LipSyncService,
  request: LipSyncRequest & {
    audio: (signal: AbortSignal) => AsyncIterable<SpeechChunk>;
  },
  options: RunUtteranceOptions,
): AsyncGenerator<UtteranceEvent> {
  const { signal, stepTimeoutMs, queueSize = 1 } = options;
  signal.throwIfAborted();
  const local = new AbortController();
  const onAbort = () => local.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const queue = new BoundedQueue<SpeechChunk>(queueSize);
  local.signal.addEventListener(
    "abort",
    () => queue.fail(local.signal.reason),
    { once: true },
  );
  let session: LipSyncSession | undefined;
  try {
    void pump(request.audio(local.signal), queue);
    session = await lipSync.open(request, { signal: local.signal });
    yield {
      type: "start",
      session,
      ...(session.idlePosition === undefined
        ? {}
        : { idlePosition: session.idlePosition }),
    };
    const open = session;
    const timeline = new SentenceTimeline(open.fps);
    const audio = (chunk: SpeechChunk) => timeline.audio(chunk);
    const frameEvent = (frame: VideoFrame) => timeline.frame(frame);
    for await (const chunk of withStepTimeout(queue, stepTimeoutMs)) {
      yield audio(chunk);
      const frames = open.render(chunk, { signal: local.signal });
      for await (const frame of withStepTimeout(frames, stepTimeoutMs)) {
        signal.throwIfAborted();
        yield frameEvent(frame);
        if (open.append === undefined) continue;
        for (let next = queue.takeNow(); next; next = queue.takeNow()) {
          yield audio(next);
          open.append(next);
        }
      }
    }
    if (open.finish !== undefined) {
      const frames = open.finish({ signal: local.signal });
      for await (const frame of withStepTimeout(frames, stepTimeoutMs)) {
        signal.throwIfAborted();
        yield frameEvent(frame);
      }
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    // Stops the producer whatever ended the iteration (done, error, return).
    local.abort(
      signal.reason ?? new DOMException("Utterance ended", "AbortError"),
    );
    session?.close();
  }
}

/** Places sentences on the utterance clock and frames in their sentences. */
class SentenceTimeline {
  #startSample = 0;
  #rateHz = 1;
  /** Sentence starts on the utterance clock, in order. */
  #starts: { sentenceIndex: number; startSample: number }[] = [];
  readonly #fps: number;

  constructor(fps: number) {
    this.#fps = fps;
  }

  /** The audio event of the next chunk. */
  audio(chunk: SpeechChunk): UtteranceEvent {
    const startSample = this.#startSample;
    this.#rateHz = chunk.sampleRateHz;
    this.#starts.push({ sentenceIndex: chunk.sentenceIndex, startSample });
    this.#startSample += chunk.samples.length;
    return {
      type: "audio",
      chunk,
      startSample,
      startMs: startSample * 1000 / chunk.sampleRateHz,
    };
  }

  /** The frame event of `frame`, in the sentence its PTS falls in. */
  frame(frame: VideoFrame): UtteranceEvent {
    const sample = Math.floor(frame.index * this.#rateHz / this.#fps);
    let at = this.#starts.length - 1;
    while (at > 0 && this.#starts[at]!.startSample > sample) at--;
    return {
      type: "frame",
      frame,
      sentenceIndex: this.#starts[at]?.sentenceIndex ?? 0,
    };
  }
}

/** Moves chunks from `source` into `queue` until either ends. */
async function pump(
  source: AsyncIterable<SpeechChunk>,
  queue: BoundedQueue<SpeechChunk>,
): Promise<void> {
  try {
    for await (const chunk of source) await queue.push(chunk);
    queue.close();
  } catch (error) {
    queue.fail(error);
  }
}
