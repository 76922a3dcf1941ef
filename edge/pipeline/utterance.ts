/**
 * Runs one utterance: audio chunks are produced in a background task into a
 * small queue while the consumer lip-syncs the previous chunk, so synthesis of
 * sentence k+1 overlaps lip-sync of sentence k, and nothing runs further ahead
 * than the queue allows when the client reads slowly.
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
    let startSample = 0;
    let lastSentence = 0;
    for await (const chunk of withStepTimeout(queue, stepTimeoutMs)) {
      const startMs = startSample * 1000 / chunk.sampleRateHz;
      yield { type: "audio", chunk, startSample, startMs };
      const frames = session.render(chunk, { signal: local.signal });
      for await (const frame of withStepTimeout(frames, stepTimeoutMs)) {
        signal.throwIfAborted();
        yield { type: "frame", frame, sentenceIndex: chunk.sentenceIndex };
      }
      startSample += chunk.samples.length;
      lastSentence = chunk.sentenceIndex;
    }
    if (session.finish !== undefined) {
      const frames = session.finish({ signal: local.signal });
      for await (const frame of withStepTimeout(frames, stepTimeoutMs)) {
        signal.throwIfAborted();
        yield { type: "frame", frame, sentenceIndex: lastSentence };
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
