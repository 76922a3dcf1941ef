/**
 * The seams between the HTTP layer and the speech / lip-sync pipeline. The
 * routes depend only on these interfaces (the requests they send are
 * declared beside their mapping, in `utterance_request.ts`); the real pipeline (text front end,
 * VITS on Triton or ONNX Runtime, Wav2Lip, JPEG) is adapted to them in
 * `main.ts`, and tests use deterministic stand-ins.
 *
 * Every long call takes an `AbortSignal`: when a client disconnects or cancels
 * the utterance, the signal aborts and implementations must stop promptly
 * (reject or end their iterables) and pass it on to their backend calls.
 *
 * @module
 */

import type { LipSyncRequest, SpeechRequest } from "./utterance_request.ts";

export type { LipSyncRequest, SpeechRequest };

/** What `GET /v1/voices` lists and the routes check requests against. */
export interface VoiceInfo {
  /** The voice id (letters, digits, `_`, `.`, `-`). */
  id: string;
  /** `vits` (VITS / VITS-fast-fine-tuning) or `piper`. */
  kind: "vits" | "piper";
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
