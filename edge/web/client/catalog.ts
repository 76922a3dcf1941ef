/**
 * The catalog the pickers show (`GET /v1/voices`, `GET /v1/avatars`), and how
 * each entry is labelled. Generated test models and the drawn demo avatar say
 * so: they are not a real voice or face.
 *
 * @module
 */

/** A `GET /v1/voices` entry (the fields the page uses). */
export interface VoiceEntry {
  id: string;
  kind: string;
  fixture?: boolean;
  /** The eSpeak NG demo synthesizer, not a VITS voice. */
  demo?: boolean;
  /** Speaker names, empty for numbered speakers. */
  speakers: string[];
  num_speakers?: number;
  languages?: string[];
}

/** A `GET /v1/avatars` entry (the fields the page uses). */
export interface AvatarEntry {
  id: string;
  width: number;
  height: number;
  fps: number;
  frame_count: number;
  demo?: boolean;
}

/** Both lists. */
export interface Catalog {
  voices: VoiceEntry[];
  avatars: AvatarEntry[];
}

/** A picker option: `[value, label]`. */
export type PickerOption = [value: string, label: string];

/**
 * The voice picker's options.
 *
 * @param voices The voices.
 * @returns One option per voice.
 * @example
 * ```ts
 * import { voiceOptions } from "./catalog.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(voiceOptions([{ id: "v", kind: "vits", speakers: [] }]), [["v", "v (vits)"]]);
 * ```
 */
export function voiceOptions(voices: readonly VoiceEntry[]): PickerOption[] {
  return voices.map((v) => [
    v.id,
    `${v.id} (${
      v.fixture
        ? "test fixture, tones"
        : v.demo
        ? "demo: eSpeak NG, not VITS"
        : v.kind
    })`,
  ]);
}

/**
 * The avatar picker's options.
 *
 * @param avatars The avatars.
 * @returns One option per avatar.
 */
export function avatarOptions(avatars: readonly AvatarEntry[]): PickerOption[] {
  return avatars.map((a) => [
    a.id,
    `${a.id} ${a.width}×${a.height}${a.demo ? " (drawn demo)" : ""}`,
  ]);
}

/**
 * The speaker picker's options for a voice: its named speakers, else `#0`…
 * up to its speaker count.
 *
 * @param voice The selected voice, if any.
 * @returns The options.
 */
export function speakerOptions(voice: VoiceEntry | undefined): PickerOption[] {
  if (voice?.speakers.length) return voice.speakers.map((name) => [name, name]);
  return Array.from(
    { length: voice?.num_speakers ?? 1 },
    (_, id) => [String(id), `#${id}`],
  );
}

/**
 * The language picker's options: `auto`, then the voice's languages.
 *
 * @param voice The selected voice, if any.
 * @returns The options.
 */
export function languageOptions(voice: VoiceEntry | undefined): PickerOption[] {
  return [
    ["", "auto"],
    ...(voice?.languages ?? []).map((l): PickerOption => [l, l]),
  ];
}
