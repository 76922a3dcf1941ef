/**
 * One utterance, from request to response bytes, in the order it happens:
 * register it (so `DELETE /v1/utterances/:id` and a client disconnect cancel
 * it), open the lip-sync session, write the start part, then for each
 * sentence synthesize → WAV part → render → JPEG parts, then the end part.
 * Every route (`/v1/speak`, `/v1/lipsync`, `/v1/tts`, `/v1/speak.mjpeg`)
 * runs this; only the `UtteranceWriter` that turns it into bytes differs
 * (`utterance_parts.ts`, `mjpeg_parts.ts`, `tts_body.ts`).
 *
 * Overlap: sentences are synthesized in a background task into a small
 * queue while the previous one is lip-synced, so nothing runs further ahead
 * than the queue allows when the client reads slowly. Audio first: when the
 * session can take audio mid-render (`append`), a sentence synthesized
 * meanwhile is sent at once, between two frames.
 *
 * Priming: bytes are produced up to the request's `respondAfter` point
 * before the status is sent, so failures before it get a 4xx/5xx status;
 * later failures end the body the writer's way (an error part).
 *
 * @module
 */

import { problem, type ProblemError, toProblemError } from "../http/problem.ts";
import { BoundedQueue } from "./bounded_queue.ts";
import { limitAudio, withStepTimeout } from "./limits.ts";
import type {
  LipSyncService,
  LipSyncSession,
  SpeechChunk,
  SpeechService,
  UtteranceWriter,
  UtteranceWriterContext,
  VideoFrame,
} from "./types.ts";
import { UtteranceClock, type UtteranceMetrics } from "./utterance_clock.ts";
import type { UtteranceRequest } from "./utterance_request.ts";
import { ShutdownError, type UtteranceRegistry } from "./utterances.ts";

/** What {@linkcode runUtterance} runs on: the swappable services, the registry, clock and instruments. */
export interface UtteranceDeps {
  /** Text to speech. */
  speech: SpeechService;
  /** Audio to frames. */
  lipSync: LipSyncService;
  /** Running utterances. */
  utterances: UtteranceRegistry;
  /** Instruments. */
  metrics: UtteranceMetrics;
  /** Longest wait for one sentence or frame; `InferenceError("timeout")` after it. */
  backendTimeoutMs: number;
  /** Longest audio of one utterance, s. @default {Infinity} */
  maxAudioSeconds?: number;
  /** The clock in milliseconds. */
  now: () => number;
}

/** Options for {@linkcode runUtterance}. */
export interface RunUtteranceOptions {
  /** Makes the writer of the response format. */
  writer: (context: UtteranceWriterContext) => UtteranceWriter;
  /** The caller key that may cancel the utterance. */
  owner: string;
  /** The request's logger. */
  log: { error(message: string, fields?: Record<string, unknown>): void };
  /** Request arrival on the `now` clock. */
  startedAtMs: number;
  /** Also cancels the utterance (e.g. the request's signal, for a body that is not streamed). */
  signal?: AbortSignal;
}

/** An utterance primed up to its `respondAfter` point. */
export interface StartedUtterance {
  /** The utterance id (`DELETE /v1/utterances/:id`). */
  id: string;
  /** Response headers, `X-Utterance-Id` included. */
  headers: Record<string, string>;
  /** The body: whole when the utterance already ended, else a stream that pulls the rest. */
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
}

/** Marks the point where the status may be sent. */
const PRIMED = Symbol("primed");

/**
 * Runs one utterance up to its `respondAfter` point and returns the
 * response to send; the rest of the body is produced as the client reads.
 *
 * @param deps Services, registry, clock and instruments.
 * @param request The utterance (see `utterance_request.ts`).
 * @param options The writer, owner, logger and arrival time.
 * @returns The id, headers and body.
 * @throws The first failure, when it happens before `respondAfter`.
 */
export async function runUtterance(
  deps: UtteranceDeps,
  request: UtteranceRequest,
  options: RunUtteranceOptions,
): Promise<StartedUtterance> {
  const id = crypto.randomUUID();
  const controller = new AbortController();
  const unregister = deps.utterances.add(id, {
    owner: options.owner,
    controller,
  });
  const outer = options.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  const done = () => {
    outer?.removeEventListener("abort", onOuterAbort);
    unregister();
  };
  const writer = options.writer({
    utteranceId: id,
    request,
    signal: controller.signal,
    now: deps.now,
  });
  const bytes = writeUtterance(deps, request, writer, {
    id,
    signal: controller.signal,
    log: options.log,
    startedAtMs: options.startedAtMs,
    onEnd: done,
  });
  const first: Uint8Array[] = [];
  try {
    while (true) {
      const next = await bytes.next();
      if (next.done) {
        return { id, headers: headersOf(id, writer), body: concat(first) };
      }
      if (next.value === PRIMED) break;
      first.push(next.value);
    }
  } catch (error) {
    controller.abort(error);
    done();
    throw error;
  }
  const body = new ReadableStream<Uint8Array>({
    async pull(out) {
      const chunk = first.shift() ?? await nextBytes(bytes);
      if (chunk === undefined) out.close();
      else out.enqueue(chunk);
    },
    cancel(reason) {
      // A client disconnect: abort the work, then end the generator (not
      // awaited: one suspended inside an await only returns once that settles).
      controller.abort(reason);
      Promise.resolve(bytes.return(undefined)).catch(() => {});
    },
  }, { highWaterMark: 0 });
  return { id, headers: headersOf(id, writer), body };
}

/** The steps of one utterance, as the writer's bytes, with {@linkcode PRIMED} where the status may go. */
async function* writeUtterance(
  deps: UtteranceDeps,
  request: UtteranceRequest,
  writer: UtteranceWriter,
  run: {
    id: string;
    signal: AbortSignal;
    log: RunUtteranceOptions["log"];
    startedAtMs: number;
    onEnd: () => void;
  },
): AsyncGenerator<Uint8Array | typeof PRIMED> {
  const { signal } = run;
  const stepMs = deps.backendTimeoutMs;
  const clock = new UtteranceClock(deps, request.route, run.startedAtMs);
  // Stops the synthesis task whatever ends the utterance (done, error, return).
  const local = new AbortController();
  const onAbort = () => local.abort(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });
  const sentences = new BoundedQueue<SpeechChunk>(1);
  local.signal.addEventListener(
    "abort",
    () => sentences.fail(local.signal.reason),
    { once: true },
  );
  let primed = false;
  let session: LipSyncSession | undefined;
  async function* audio(chunk: SpeechChunk) {
    yield* writer.audio(clock.audio(chunk));
    if (!primed && request.respondAfter === "audio") {
      primed = true;
      yield PRIMED;
    }
  }
  async function* frame(made: VideoFrame) {
    signal.throwIfAborted();
    yield* writer.frame(clock.frame(made));
    if (!primed && request.respondAfter === "frame") {
      primed = true;
      yield PRIMED;
    }
  }
  try {
    signal.throwIfAborted();
    void pump(synthesize(deps, request, clock, local.signal), sentences);
    if (request.video !== undefined) {
      session = await deps.lipSync.open(request.video, {
        signal: local.signal,
      });
    }
    const open = session;
    clock.open(open);
    yield* writer.start({
      utteranceId: run.id,
      session: open,
      idlePosition: open?.idlePosition,
    });
    for await (const sentence of withStepTimeout(sentences, stepMs)) {
      yield* audio(sentence);
      if (open === undefined) continue;
      const frames = open.render(sentence, { signal: local.signal });
      for await (const made of clock.timeFrames(frames, stepMs)) {
        yield* frame(made);
        if (open.append === undefined) continue;
        for (let next = sentences.takeNow(); next; next = sentences.takeNow()) {
          yield* audio(next);
          open.append(next);
        }
      }
    }
    if (open?.finish !== undefined) {
      const frames = open.finish({ signal: local.signal });
      for await (const made of clock.timeFrames(frames, stepMs)) {
        yield* frame(made);
      }
    }
    yield* writer.end(clock.summary(run.id, open));
  } catch (error) {
    if (!primed) throw error;
    const failure = streamFailure(error, signal);
    clock.failed(failure.problem.type);
    if (failure.problem.status >= 500) {
      run.log.error("stream failed", { error });
    }
    yield* writer.failed(failure);
  } finally {
    signal.removeEventListener("abort", onAbort);
    local.abort(
      signal.reason ?? new DOMException("Utterance ended", "AbortError"),
    );
    session?.close();
    run.onEnd();
  }
}

/** The utterance's audio: synthesized sentence by sentence (timed), or the chunks at hand; never longer than allowed. */
function synthesize(
  deps: UtteranceDeps,
  request: UtteranceRequest,
  clock: UtteranceClock,
  signal: AbortSignal,
): AsyncIterable<SpeechChunk> {
  const max = deps.maxAudioSeconds ?? Infinity;
  const { audio } = request;
  if ("chunks" in audio) return limitAudio(audio.chunks, max, "/audio");
  return limitAudio(
    clock.timeSentences(deps.speech.synthesize(audio.speech, { signal })),
    max,
    "/text",
  );
}

/** The problem to report for a failure after the status. */
function streamFailure(error: unknown, signal: AbortSignal): ProblemError {
  if (signal.aborted && signal.reason instanceof ShutdownError) {
    return problem(503, "shutting-down", {
      detail:
        "The server shut down before the utterance finished; retry on another instance",
    });
  }
  if (signal.aborted) {
    return problem(409, "utterance-cancelled", {
      title: "Utterance Cancelled",
      detail: "The utterance was cancelled",
    });
  }
  return toProblemError(error);
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

async function nextBytes(
  bytes: AsyncIterator<Uint8Array | typeof PRIMED>,
): Promise<Uint8Array | undefined> {
  while (true) {
    const next = await bytes.next();
    if (next.done) return undefined;
    if (next.value !== PRIMED) return next.value;
  }
}

function headersOf(
  id: string,
  writer: UtteranceWriter,
): Record<string, string> {
  return { ...writer.headers, "X-Utterance-Id": id };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
