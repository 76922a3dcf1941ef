/**
 * The seams between the HTTP layer and the speech / lip-sync pipeline. The
 * routes depend only on these interfaces (the requests they send are
 * declared beside their mapping, in `utterance_request.ts`), and a response
 * format is an {@linkcode UtteranceWriter} that `runUtterance` calls step by
 * step; the real pipeline (text front end, VITS on Triton or ONNX Runtime,
 * Wav2Lip, JPEG) is adapted to them by `buildPipelineDeps()` in
 * `boot/pipeline_deps.ts`, and tests use deterministic stand-ins.
 *
 * Every long call takes an `AbortSignal`: when a client disconnects or cancels
 * the utterance, the signal aborts and implementations must stop promptly
 * (reject or end their iterables) and pass it on to their backend calls.
 *
 * @module
 */

import type { ProblemError } from "../http/problem.ts";
import type {
  LipSyncRequest,
  SpeechRequest,
  UtteranceRequest,
} from "./utterance_request.ts";

export type { LipSyncRequest, SpeechRequest };

/** What `GET /v1/voices` lists and the routes check requests against. */
export interface VoiceInfo {
  /** The voice id (letters, digits, `_`, `.`, `-`). */
  id: string;
  /**
   * `vits` (VITS / VITS-fast-fine-tuning), `piper`, or `espeak` (eSpeak NG's
   * own formant synthesizer: the demo voice, not a model).
   */
  kind: "vits" | "piper" | "espeak";
  /** Language codes the front end accepts for this voice (e.g. `["zh", "en", "mix"]`). */
  languages: string[];
  /** Speaker names, in id order; empty for single-speaker voices. */
  speakers: string[];
  /** Number of speaker ids the model accepts (1 for single-speaker voices). */
  numSpeakers: number;
  /** Output sample rate of the model. */
  sampleRateHz: number;
  /** A generated test model with the real contract, not a real voice (it speaks tones). */
  fixture?: boolean;
  /** A demo synthesizer that speaks words with no model download (eSpeak NG), not a VITS voice. */
  demo?: boolean;
}

/** What `GET /v1/avatars` lists. */
export interface AvatarInfo {
  /** The avatar pack id (letters, digits, `_`, `.`, `-`). */
  id: string;
  /** Width of the output frames in pixels. */
  width: number;
  /** Height of the output frames in pixels. */
  height: number;
  /** Frame rate the pack was recorded at. */
  fps: number;
  /** Number of frames in the pack (played ping-pong). */
  frameCount: number;
  /** The drawn demo avatar (`kind: "demo"` in its manifest), not a real face. */
  demo?: boolean;
}

/** Audio of one sentence, mono float samples in [-1, 1]. */
export interface SpeechChunk {
  /** 0-based index of the sentence within the utterance. */
  sentenceIndex: number;
  /** The samples. */
  samples: Float32Array;
  /** Their sample rate. */
  sampleRateHz: number;
  /** The sentence text, for logs and the client. */
  text?: string;
}

/** Options of every pipeline call. */
export interface PipelineCallOptions {
  /** Aborts the call and every backend call it made. */
  signal: AbortSignal;
}

/** Text to speech, sentence by sentence. */
export interface SpeechService {
  /** Every voice that can be requested. */
  listVoices(): Promise<VoiceInfo[]>;
  /** One voice, or `undefined` when there is no such voice. */
  getVoice(id: string): Promise<VoiceInfo | undefined>;
  /**
   * Synthesizes sentence after sentence. The route pulls the next chunk only
   * when it has room for it, so an implementation should do no more work
   * ahead than its own small buffer. Errors are `InferenceError`s where they
   * come from a backend (their kind picks the HTTP status).
   */
  synthesize(
    request: SpeechRequest,
    options: PipelineCallOptions,
  ): AsyncIterable<SpeechChunk>;
}

/** One encoded video frame on the utterance clock. */
export interface VideoFrame {
  /** 0-based frame index within the utterance. */
  index: number;
  /** Presentation time in milliseconds on the utterance clock (`index * 1000 / fps`). */
  ptsMs: number;
  /** The JPEG bytes. */
  jpeg: Uint8Array;
  /**
   * How the mouth was made, when the service tells: `rendered` by the lip
   * model, `held` (the last rendered mouth reused to keep up with the audio
   * clock) or `idle` (the avatar frame as recorded: silence).
   */
  mouth?: "rendered" | "held" | "idle";
}

/**
 * One utterance's lip-sync state: frame clock, avatar position and any audio
 * context carried from one chunk to the next.
 */
export interface LipSyncSession {
  /** Width of the frames in pixels. */
  readonly width: number;
  /** Height of the frames in pixels. */
  readonly height: number;
  /** Frame rate of the frames. */
  readonly fps: number;
  /**
   * The ping-pong idle-loop position the next frame picks from (after the
   * last frame, where an idle animation continues), when the service has one.
   */
  readonly idlePosition?: number;
  /**
   * Renders the frames that cover `chunk`'s audio, in order, continuing the
   * frame index and PTS from the previous chunk so frames and audio share one
   * clock that starts at 0 with the first sample.
   */
  render(
    chunk: SpeechChunk,
    options: PipelineCallOptions,
  ): AsyncIterable<VideoFrame>;
  /**
   * Renders the frames still owed after the last chunk (those whose mel
   * window reaches past the audio received so far, padded with silence), so
   * the utterance ends with exactly `ceil(duration · fps)` frames. Called once
   * after the last `render`, when implemented.
   */
  finish?(options: PipelineCallOptions): AsyncIterable<VideoFrame>;
  /**
   * Adds a later chunk's audio while a `render` iteration runs; that
   * iteration continues with the frames it makes ready. Lets the caller send
   * audio as soon as it is synthesized instead of after the previous
   * chunk's frames, when implemented.
   */
  append?(chunk: SpeechChunk): void;
  /** Releases what the session holds; called once, also after errors and aborts. */
  close(): void;
}

/** Audio to lip-sync frames. */
export interface LipSyncService {
  /** Every avatar that can be requested. */
  listAvatars(): Promise<AvatarInfo[]>;
  /** One avatar, or `undefined` when there is no such avatar. */
  getAvatar(id: string): Promise<AvatarInfo | undefined>;
  /**
   * The avatar's idle frame as JPEG (what clients show before and after
   * speech): the frame the session's next utterance starts on (the
   * anonymous loop's when `sessionId` is absent), or `undefined` when there
   * is no such avatar.
   */
  idleFrame?(
    avatarId: string,
    sessionId?: string,
  ): Promise<Uint8Array | undefined>;
  /**
   * Frame `index` of the avatar's idle video as JPEG, for clients that
   * animate the idle loop themselves; `undefined` when there is none.
   */
  avatarFrame?(
    avatarId: string,
    index: number,
  ): Promise<Uint8Array | undefined>;
  /**
   * Frames emitted so far by kind: `rendered` by the lip model, `held` (a
   * speaking frame that reused the last rendered mouth to keep up with the
   * audio clock) and `silent` (the idle frame), when the service counts them.
   */
  frameCounts?(): { rendered: number; held: number; silent: number };
  /** Opens a session for one utterance. */
  open(
    request: LipSyncRequest,
    options: PipelineCallOptions,
  ): Promise<LipSyncSession>;
}

/** The result of a readiness probe. */
export interface ReadinessReport {
  /** Whether the server can take speech requests now. */
  ready: boolean;
  /** Named checks (e.g. `backend`, `model:vits-zh`, `avatars`) and whether each passed. */
  checks: Record<string, { ok: boolean; detail?: string }>;
  /** When not ready, a hint for the `Retry-After` header in seconds. */
  retryAfterSeconds?: number;
  /** Models that failed while the server is still ready without them (e.g. one of several voices). */
  degraded?: string[];
  /** Voices and avatar packs skipped at start-up, each with its file and field. */
  failed?: {
    voices: readonly LoadFailure[];
    avatars: readonly LoadFailure[];
  };
}

/** A voice or avatar pack that did not load at start-up. */
export interface LoadFailure {
  /** The file at fault (relative to its folder). */
  file: string;
  /** The field at fault inside it; `""` for the whole file. */
  field: string;
  /** What is wrong. */
  message: string;
}

/** Whether the backend is reachable, models are ready and packs are loaded. */
export interface Readiness {
  /** Runs (or returns a recently cached) probe; must not throw. */
  check(options: PipelineCallOptions): Promise<ReadinessReport>;
}

/** Sample formats of WAV parts. */
export type WavSampleFormat = "pcm16" | "float32";

// The seam between `runUtterance` and a response format: the writer it
// calls at each step, and what each step hands it.

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
