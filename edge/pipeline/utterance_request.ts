/**
 * What the pipeline is asked to do, and one function per route that maps a
 * validated body or query (plus the voice and avatar it resolved to) onto it.
 * A new request option is a field in `http/schemas.ts`, a line here, and the
 * stage that uses it.
 *
 * @module
 */

import type {
  LipsyncFields,
  MjpegQuery,
  SpeakBody,
  TtsBody,
} from "../http/schemas.ts";
import type {
  AvatarInfo,
  SpeechChunk,
  VoiceInfo,
  WavSampleFormat,
} from "./types.ts";

/**
 * One utterance to speak, already validated against the voice. An option
 * that is absent or `undefined` takes the voice's default.
 */
export interface SpeechRequest {
  /** The whole text; the service splits it into sentences. */
  text: string;
  /** The voice id. */
  voiceId: string;
  /** Speaker name or id; the voice's first speaker when absent. */
  speaker?: string | number | undefined;
  /** `zh`, `en`, `ja` or `mix`; the voice's default when absent. */
  language?: string | undefined;
  /** Speaking rate (1 = the voice's own). */
  speed?: number | undefined;
  /** Overrides the voice's noise scale. */
  noiseScale?: number | undefined;
  /** Overrides the voice's duration noise scale. */
  noiseW?: number | undefined;
}

/**
 * How to open a lip-sync session. An option that is absent or `undefined`
 * takes the service's default.
 */
export interface LipSyncRequest {
  /** The avatar pack id. */
  avatarId: string;
  /** Output frame rate. */
  fps: number;
  /** JPEG quality, 1–100; the service's default when absent. */
  jpegQuality?: number | undefined;
  /**
   * The caller's session: its utterances on one avatar continue one idle
   * loop. Requests without one share the avatar's anonymous loop.
   */
  sessionId?: string | undefined;
  /**
   * Where in the avatar's ping-pong idle loop to start (taken modulo the
   * loop's period), e.g. where a client's own idle animation stands; the
   * session's cursor when absent.
   */
  idlePosition?: number | undefined;
}

/** One utterance, as every route hands it to `runUtterance`. */
export interface UtteranceRequest {
  /** The route, for metrics and logs. */
  route: string;
  /** Text to synthesize sentence by sentence, or audio already at hand (an upload, in pieces). */
  audio: { speech: SpeechRequest } | { chunks: readonly SpeechChunk[] };
  /** Sample rate of the audio (the voice's or the upload's), for the start part. */
  sampleRateHz: number;
  /** The lip-sync session; absent when only audio is wanted (`/v1/tts`). */
  video?: LipSyncRequest;
  /** Sample format of WAV output. */
  audioFormat: WavSampleFormat;
  /**
   * When the response status is sent: after the first audio, after the
   * first frame (audio at hand: so a lip model that cannot run still gets a
   * status), or at the end (a body that is not streamed).
   */
  respondAfter: "audio" | "frame" | "end";
}

/** The voice and avatar a request resolved to, and the defaults that fill it. */
export interface Resolved {
  /** The voice. */
  voice: VoiceInfo;
  /** The avatar. */
  avatar: AvatarInfo;
  /** Frames per second when the request gives none. */
  defaultFps: number;
}

/**
 * `POST /v1/speak`: text in, audio and frames out.
 *
 * @param body The validated body.
 * @param resolved Its voice, avatar and default frame rate.
 * @returns The utterance.
 *
 * @example Noise scales reach the synthesizer
 * ```ts
 * import { speakRequest } from "./utterance_request.ts";
 * import type { AvatarInfo, VoiceInfo } from "./types.ts";
 * import assert from "node:assert/strict";
 *
 * const voice = { id: "v", sampleRateHz: 22050 } as VoiceInfo;
 * const avatar = { id: "a" } as AvatarInfo;
 * const request = speakRequest(
 *   { text: "Hi.", voice: "v", avatar: "a", noise_scale: 0.3 },
 *   { voice, avatar, defaultFps: 25 },
 * );
 * assert.ok("speech" in request.audio);
 * assert.equal(request.audio.speech.noiseScale, 0.3);
 * assert.equal(request.audio.speech.speed, undefined); // the voice's own
 * assert.equal(request.video?.fps, 25);
 * ```
 */
export function speakRequest(
  body: SpeakBody,
  resolved: Resolved,
): UtteranceRequest {
  return {
    route: "/v1/speak",
    audio: { speech: speechOf(body, resolved.voice) },
    sampleRateHz: resolved.voice.sampleRateHz,
    video: videoOf(body, resolved),
    audioFormat: body.audio_format ?? "pcm16",
    respondAfter: "audio",
  };
}

/**
 * `GET /v1/speak.mjpeg`: the same as speak, read from a query.
 *
 * @param query The validated query.
 * @param resolved Its voice, avatar and default frame rate.
 * @returns The utterance.
 */
export function mjpegRequest(
  query: MjpegQuery,
  resolved: Resolved,
): UtteranceRequest {
  return {
    route: "/v1/speak.mjpeg",
    audio: { speech: speechOf(query, resolved.voice) },
    sampleRateHz: resolved.voice.sampleRateHz,
    video: videoOf(query, resolved),
    audioFormat: "pcm16",
    respondAfter: "audio",
  };
}

/**
 * `POST /v1/tts`: text in, one WAV out, no frames.
 *
 * @param body The validated body.
 * @param voice Its voice.
 * @returns The utterance.
 */
export function ttsRequest(body: TtsBody, voice: VoiceInfo): UtteranceRequest {
  return {
    route: "/v1/tts",
    audio: { speech: speechOf(body, voice) },
    sampleRateHz: voice.sampleRateHz,
    audioFormat: body.audio_format ?? "pcm16",
    respondAfter: "end",
  };
}

/**
 * `POST /v1/lipsync`: decoded upload in, cut into pieces of `chunkSeconds`
 * so the first frames leave before the whole upload is lip-synced.
 *
 * @param params The validated query or form fields.
 * @param resolved The avatar, default frame rate, the decoded audio and its piece length.
 * @returns The utterance.
 *
 * @example One-second pieces
 * ```ts
 * import { lipsyncRequest } from "./utterance_request.ts";
 * import type { AvatarInfo } from "./types.ts";
 * import assert from "node:assert/strict";
 *
 * const request = lipsyncRequest({ avatar: "a", fps: 30 }, {
 *   avatar: { id: "a" } as AvatarInfo,
 *   defaultFps: 25,
 *   samples: new Float32Array(40_000),
 *   sampleRateHz: 16000,
 *   chunkSeconds: 1,
 * });
 * assert.ok("chunks" in request.audio);
 * assert.deepEqual(request.audio.chunks.map((c) => c.samples.length), [16000, 16000, 8000]);
 * assert.equal(request.video?.fps, 30);
 * ```
 */
export function lipsyncRequest(
  params: LipsyncFields,
  resolved: Omit<Resolved, "voice"> & {
    samples: Float32Array;
    sampleRateHz: number;
    chunkSeconds: number;
  },
): UtteranceRequest {
  const { samples, sampleRateHz } = resolved;
  const step = Math.max(1, Math.round(resolved.chunkSeconds * sampleRateHz));
  const chunks: SpeechChunk[] = [];
  for (let start = 0; start < samples.length; start += step) {
    chunks.push({
      sentenceIndex: chunks.length,
      samples: samples.subarray(start, Math.min(samples.length, start + step)),
      sampleRateHz,
    });
  }
  return {
    route: "/v1/lipsync",
    audio: { chunks },
    sampleRateHz,
    video: videoOf(params, resolved),
    audioFormat: params.audio_format ?? "pcm16",
    respondAfter: "frame",
  };
}

/** The voice fields every spoken request shares (see `voiceFields` in the schemas). */
function speechOf(
  fields:
    & Pick<
      SpeakBody,
      "text" | "language" | "speed" | "noise_scale" | "noise_scale_w"
    >
    & { speaker?: string | number | undefined },
  voice: VoiceInfo,
): SpeechRequest {
  return {
    text: fields.text,
    voiceId: voice.id,
    speaker: fields.speaker,
    language: fields.language,
    speed: fields.speed,
    noiseScale: fields.noise_scale,
    noiseW: fields.noise_scale_w,
  };
}

/** The video fields every lip-synced request shares. */
function videoOf(
  fields: Pick<SpeakBody, "session" | "idle_position" | "fps" | "jpeg_quality">,
  resolved: Pick<Resolved, "avatar" | "defaultFps">,
): LipSyncRequest {
  return {
    avatarId: resolved.avatar.id,
    fps: fields.fps ?? resolved.defaultFps,
    jpegQuality: fields.jpeg_quality,
    sessionId: fields.session,
    idlePosition: fields.idle_position,
  };
}
