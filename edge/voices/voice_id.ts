/**
 * Voice ids: names that are safe as file names and Triton model names.
 *
 * @module
 */

const VOICE_ID_REGEXP = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * Whether `id` is a valid voice id: letters, digits, `_`, `.` and `-`, starting
 * with a letter or digit, at most 128 characters, and never `..` (so it cannot
 * name a path outside the voices folder).
 *
 * @example Ids that could escape the folder are refused
 * ```ts
 * import { isVoiceId } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isVoiceId("zh_CN-huayan-medium"), true);
 * assert.equal(isVoiceId("../etc/passwd"), false);
 * assert.equal(isVoiceId("a/b"), false);
 * assert.equal(isVoiceId("a..b"), false);
 * ```
 *
 * @param id The candidate id.
 * @returns `true` when the id is valid.
 */
export function isVoiceId(id: string): boolean {
  return VOICE_ID_REGEXP.test(id) && !id.includes("..");
}
