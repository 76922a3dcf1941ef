/**
 * One utterance, from request to response bytes, in the order it happens:
 * register it (so `DELETE /v1/utterances/:id` and a client disconnect cancel
 * it), open the lip-sync session, write the start part, then for each
 * sentence synthesize → WAV part → render → JPEG parts, then the end part.
 * Every route (`/v1/speak`, `/v1/lipsync`, `/v1/tts`, `/v1/speak.mjpeg`)
 * runs this; only the {@linkcode UtteranceWriter} that turns it into bytes
 * differs.
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
import { limitAudio } from "./audio_limit.ts";
import { BoundedQueue } from "./bounded_queue.ts";
import { withStepTimeout } from "./step_timeout.ts";
import type {
  LipSyncService,
  LipSyncSession,
  SpeechChunk,
  SpeechService,
  VideoFrame,
} from "./types.ts";
import type { UtteranceRequest } from "./utterance_request.ts";
import { ShutdownError, type UtteranceRegistry } from "./utterances.ts";

/** A counter or histogram, as `EdgeMetrics` has them. */
interface Instrument {
  inc?(labels?: Readonly<Record<string, string>>, amount?: number): void;
  observe?(value: number, labels?: Readonly<Record<string, string>>): void;
}

/** What an utterance records (the `EdgeMetrics` instruments of the same names). */
export interface UtteranceMetrics {
  /** Seconds from arrival to the first audio, by route. */
  timeToFirstAudio: Required<Pick<Instrument, "observe">>;
  /** Seconds from arrival to the first frame, by route. */
  timeToFirstFrame: Required<Pick<Instrument, "observe">>;
  /** Seconds per sentence (`synthesis`) and per frame (`lipsync`). */
  backendLatency: Required<Pick<Instrument, "observe">>;
  /** Frames produced. */
  frames: Required<Pick<Instrument, "inc">>;
  /** Seconds of audio produced. */
  audioSeconds: Required<Pick<Instrument, "inc">>;
  /** Utterances that ended with a failure after the status, by route and problem type. */
  streamErrors: Required<Pick<Instrument, "inc">>;
}

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

/** The utterance opened: its session (absent for audio only) and where its idle loop started. */
export interface UtteranceStart {
  /** The utterance id. */
  utteranceId: string;
  /** The lip-sync session (frame size and rate); absent for audio only. */
  session: LipSyncSession | undefined;
  /** The session's idle-loop position when it opened (its getter moves on as frames are taken). */
  idlePosition: number | undefined;
}

/** One sentence's audio on the utterance clock. */
export interface UtteranceAudio {
  /** The audio. */
  chunk: SpeechChunk;
  /** Index of its first sample on the utterance clock. */
  startSample: number;
  /** Its start on the utterance clock, ms. */
  startMs: number;
  /** Its length, ms. */
  durationMs: number;
}

/** One frame, in the sentence its PTS falls in. */
export interface UtteranceFrame {
  /** The frame. */
  frame: VideoFrame;
  /** The sentence the frame belongs to. */
  sentenceIndex: number;
}

/** What the end part reports. */
export interface UtteranceSummary {
  /** The utterance id. */
  utteranceId: string;
  /** Audio chunks sent. */
  sentences: number;
  /** Frames sent. */
  frames: number;
  /** Audio sent, ms. */
  audioMs: number;
  /** Where the next utterance's idle loop starts, when the session tells. */
  nextIdlePosition: number | undefined;
  /** Time to first audio and frame, time spent in synthesis and lip-sync, total, ms. */
  timings: {
    ttfaMs: number | undefined;
    ttffMs: number | undefined;
    synthesisMs: number;
    lipSyncMs: number;
    totalMs: number;
  };
}

/** Bytes, at once or as they come. */
export type Bytes = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** How one response format writes an utterance: one method per step. */
export interface UtteranceWriter {
  /** Response headers (the `Content-Type`, with its boundary). */
  readonly headers: Readonly<Record<string, string>>;
  /** The start of the body. */
  start(start: UtteranceStart): Bytes;
  /** One sentence's audio. */
  audio(audio: UtteranceAudio): Bytes;
  /** One frame. */
  frame(frame: UtteranceFrame): Bytes;
  /** The end of the body. */
  end(summary: UtteranceSummary): Bytes;
  /** The end of the body after a failure past the status. */
  failed(problem: ProblemError): Bytes;
}

/** What a writer knows of its utterance. */
export interface UtteranceWriterContext {
  /** The utterance id. */
  utteranceId: string;
  /** The request. */
  request: UtteranceRequest;
  /** Aborted when the utterance is cancelled (for a writer that waits, e.g. to pace frames). */
  signal: AbortSignal;
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

/** Where the utterance stands, on the media clock and the wall clock; every instrument is observed here. */
class UtteranceClock {
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
  readonly #deps: UtteranceDeps;
  readonly #route: string;
  readonly #startedAtMs: number;

  constructor(deps: UtteranceDeps, route: string, startedAtMs: number) {
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
