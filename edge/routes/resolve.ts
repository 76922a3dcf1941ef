/**
 * Looks up the voice, speaker and avatar a request names: 404 when unknown.
 *
 * @module
 */

import type {
  AvatarInfo,
  LipSyncService,
  SpeechService,
  VoiceInfo,
} from "../pipeline/types.ts";
import { problem } from "../http/problem.ts";

/**
 * Finds the voice and checks the speaker and language against it.
 *
 * @param speech The speech service.
 * @param request The voice id, speaker and language of the request.
 * @returns The voice.
 * @throws {ProblemError} 404 for an unknown voice or speaker, 400 for an unsupported language.
 *
 * @example The failing field is named
 * ```ts
 * import { ProblemError } from "../http/problem.ts";
 * import { createSpeechService } from "../speech/mod.ts";
 * import { createVoice } from "../voices/mod.ts";
 * import { resolveVoice } from "./resolve.ts";
 * import assert from "node:assert/strict";
 *
 * const voice = createVoice("en", {
 *   data: { sampling_rate: 16000, add_blank: false, text_cleaners: ["english_cleaners2"] },
 *   symbols: ["_", ..."abcdefghijklmnopqrstuvwxyz .,ˈˌəɪʊɛæɑɔʌθðŋʃʒːɹ"],
 * });
 * const speech = createSpeechService({
 *   voices: [voice],
 *   synthesizer: () => Promise.resolve(new Float32Array()),
 * });
 * assert.equal((await resolveVoice(speech, { voice: "en", language: "en" })).id, "en");
 * async function failure(request: Parameters<typeof resolveVoice>[1]): Promise<string> {
 *   const error = await resolveVoice(speech, request).then(() => undefined, (e) => e);
 *   if (!(error instanceof ProblemError)) return "no problem";
 *   return `${error.problem.status} ${(error.problem.errors as { path: string }[])[0]!.path}`;
 * }
 * assert.equal(await failure({ voice: "nope" }), "404 /voice");
 * assert.equal(await failure({ voice: "en", speaker: 3 }), "404 /speaker");
 * assert.equal(await failure({ voice: "en", language: "zh" }), "400 /language");
 * ```
 */
export async function resolveVoice(
  speech: SpeechService,
  request: {
    voice: string;
    speaker?: string | number | undefined;
    language?: string | undefined;
  },
): Promise<VoiceInfo> {
  const voice = await speech.getVoice(request.voice);
  if (!voice) {
    throw problem(404, "unknown-voice", {
      detail: `No voice ${JSON.stringify(request.voice)}; see GET /v1/voices`,
      extensions: fieldError("/voice", "is not a known voice"),
    });
  }
  const { speaker, language } = request;
  const known = typeof speaker === "number"
    ? speaker < Math.max(1, voice.numSpeakers)
    : speaker === undefined || voice.speakers.includes(speaker);
  if (!known) {
    throw problem(404, "unknown-speaker", {
      detail: `Voice "${voice.id}" has no speaker ${JSON.stringify(speaker)}`,
      extensions: fieldError("/speaker", "is not a speaker of this voice"),
    });
  }
  if (language !== undefined && !voice.languages.includes(language)) {
    throw problem(400, "unsupported-language", {
      detail: `Voice "${voice.id}" does not speak ${
        JSON.stringify(language)
      }: expected one of ${voice.languages.join(", ")}`,
      extensions: fieldError(
        "/language",
        `must be one of ${voice.languages.join(", ")}`,
      ),
    });
  }
  return voice;
}

/**
 * Finds the avatar.
 *
 * @param lipSync The lip-sync service.
 * @param id The avatar id.
 * @returns The avatar.
 * @throws {ProblemError} 404 for an unknown avatar.
 *
 * @example The drawn demo avatar, and an unknown one
 * ```ts
 * import { loadAvatarPack } from "../avatar/mod.ts";
 * import { buildDemoAvatarPack } from "../avatar_build/demo_avatar.ts";
 * import { ProblemError } from "../http/problem.ts";
 * import { createLipSyncService } from "../lipsync/mod.ts";
 * import { resolveAvatar } from "./resolve.ts";
 * import assert from "node:assert/strict";
 *
 * const files = await buildDemoAvatarPack({ size: 64, frameCount: 2 });
 * const pack = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));
 * const lipSync = createLipSyncService({
 *   packs: new Map([["demo", pack]]),
 *   lipModel: () => Promise.reject(new Error("not used")),
 * });
 * assert.equal((await resolveAvatar(lipSync, "demo")).frameCount, 2);
 * await assert.rejects(
 *   resolveAvatar(lipSync, "nobody"),
 *   (error) => error instanceof ProblemError && error.problem.type.endsWith(":unknown-avatar"),
 * );
 * ```
 */
export async function resolveAvatar(
  lipSync: LipSyncService,
  id: string,
): Promise<AvatarInfo> {
  const avatar = await lipSync.getAvatar(id);
  if (!avatar) {
    throw problem(404, "unknown-avatar", {
      detail: `No avatar ${JSON.stringify(id)}; see GET /v1/avatars`,
      extensions: fieldError("/avatar", "is not a known avatar"),
    });
  }
  return avatar;
}

/** The `errors` member naming the failing field (RFC 6901 pointer). */
function fieldError(path: string, message: string) {
  return { errors: [{ path, message }] };
}
