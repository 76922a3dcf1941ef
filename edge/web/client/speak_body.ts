/**
 * The form's values as a `POST /v1/speak` body (also the base of simple
 * mode's `/v1/tts` body and `/v1/speak.mjpeg` query).
 *
 * @module
 */

import { defined } from "../../../shared/defined.ts";

/** The request fields the form sets. */
export interface SpeakBody {
  text: string;
  voice: string;
  avatar: string;
  speed: number;
  speaker?: number | string;
  language?: string;
  session?: string;
  idle_position?: number;
}

/**
 * Builds the body from form values: a numeric speaker is sent as a number,
 * empty speaker and language are left out.
 *
 * @param value Reads a form field by name.
 * @returns The body.
 * @example
 * ```ts
 * import { speakBodyFromForm } from "./speak_body.ts";
 * import assert from "node:assert/strict";
 *
 * const fields: Record<string, string> = { text: "Hi.", voice: "v", avatar: "a", speed: "1.5", speaker: "2", language: "" };
 * assert.deepEqual(speakBodyFromForm((name) => fields[name] ?? ""), {
 *   text: "Hi.", voice: "v", avatar: "a", speed: 1.5, speaker: 2,
 * });
 * ```
 */
export function speakBodyFromForm(value: (name: string) => string): SpeakBody {
  const body: SpeakBody = {
    text: value("text"),
    voice: value("voice"),
    avatar: value("avatar"),
    speed: Number(value("speed")),
  };
  const speaker = value("speaker");
  if (speaker !== "") {
    body.speaker = /^\d+$/.test(speaker) ? Number(speaker) : speaker;
  }
  const language = value("language");
  if (language !== "") body.language = language;
  return body;
}

/**
 * The `/v1/speak.mjpeg` query for simple mode.
 *
 * @param body The speak body.
 * @param sessionId The page's session.
 * @returns The query parameters.
 * @example
 * ```ts
 * import { mjpegQuery } from "./speak_body.ts";
 * import assert from "node:assert/strict";
 *
 * const query = mjpegQuery({ text: "Hi.", voice: "v", avatar: "a", speed: 1, speaker: 0 }, "s1");
 * assert.equal(String(query), "text=Hi.&voice=v&avatar=a&speed=1&session=s1&speaker=0");
 * ```
 */
export function mjpegQuery(
  body: SpeakBody,
  sessionId: string,
): URLSearchParams {
  const query = new URLSearchParams({
    text: body.text,
    voice: body.voice,
    avatar: body.avatar,
    speed: String(body.speed),
    session: sessionId,
  });
  if (body.speaker !== undefined) query.set("speaker", String(body.speaker));
  if (body.language !== undefined) query.set("language", body.language);
  return query;
}

/**
 * The `/v1/tts` body for simple mode: the speech fields, asking for JSON
 * (duration and a WAV data URI for the `<audio>`).
 *
 * @param body The speak body.
 * @returns The TTS request body.
 */
export function ttsBody(body: SpeakBody): Record<string, unknown> {
  const { text, voice, speed, speaker, language } = body;
  return {
    text,
    voice,
    speed,
    format: "json",
    ...defined({ speaker, language }),
  };
}
