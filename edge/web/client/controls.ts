/**
 * The form: fills the voice, speaker, language and avatar pickers from the
 * catalog, reads the API key as request headers and the fields as a request
 * body.
 *
 * @module
 */

import {
  type AvatarEntry,
  avatarOptions,
  type Catalog,
  languageOptions,
  type PickerOption,
  speakerOptions,
  type VoiceEntry,
  voiceOptions,
} from "./catalog.ts";
import { type SpeakBody, speakBodyFromForm } from "./speak_body.ts";

/** A named control of the form. */
function field(
  form: HTMLFormElement,
  name: string,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const element = form.elements.namedItem(name);
  if (
    !(element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement)
  ) throw new TypeError(`Cannot read the form: no field named "${name}"`);
  return element;
}

/** A named `<select>` of the form. */
function picker(form: HTMLFormElement, name: string): HTMLSelectElement {
  const element = field(form, name);
  if (!(element instanceof HTMLSelectElement)) {
    throw new TypeError(`Cannot read the form: "${name}" is not a picker`);
  }
  return element;
}

/** Opens the collapsed section that holds the API key field and focuses it. */
export function revealApiKey(form: HTMLFormElement): void {
  const key = field(form, "api-key");
  const section = key.closest("details");
  if (section) section.open = true;
  key.focus();
}

/** The API key field as request headers (none when empty). */
export function authHeaders(form: HTMLFormElement): Record<string, string> {
  const key = field(form, "api-key").value.trim();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** A short text for an error response: the RFC 9457 detail when present. */
export async function problemText(response: Response): Promise<string> {
  try {
    const problem = await response.json() as {
      detail?: string;
      title?: string;
    };
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function getJson<T>(path: string, headers: HeadersInit): Promise<T> {
  const response = await fetch(path, { headers });
  if (!response.ok) throw new Error(await problemText(response));
  return await response.json() as T;
}

function fill(select: HTMLSelectElement, options: PickerOption[]): void {
  select.replaceChildren(
    ...options.map(([value, label]) => new Option(label, value)),
  );
}

/**
 * Loads the catalog into the pickers; the speaker and language pickers follow
 * the voice.
 *
 * @param form The page's form.
 * @returns The catalog.
 */
export async function loadCatalog(form: HTMLFormElement): Promise<Catalog> {
  const headers = authHeaders(form);
  const [{ voices }, { avatars }] = await Promise.all([
    getJson<{ voices: VoiceEntry[] }>("/v1/voices", headers),
    getJson<{ avatars: AvatarEntry[] }>("/v1/avatars", headers),
  ]);
  const voicePicker = picker(form, "voice");
  fill(voicePicker, voiceOptions(voices));
  fill(picker(form, "avatar"), avatarOptions(avatars));
  const onVoice = () => {
    const voice = voices.find((v) => v.id === voicePicker.value);
    fill(picker(form, "speaker"), speakerOptions(voice));
    fill(picker(form, "language"), languageOptions(voice));
  };
  voicePicker.addEventListener("change", onVoice);
  onVoice();
  return { voices, avatars };
}

/** The selected avatar's catalog entry. */
export function selectedAvatar(
  form: HTMLFormElement,
  avatars: readonly AvatarEntry[],
): AvatarEntry | undefined {
  const id = picker(form, "avatar").value;
  return avatars.find((a) => a.id === id);
}

/** The form as a `/v1/speak` body. */
export function readSpeakBody(form: HTMLFormElement): SpeakBody {
  return speakBodyFromForm((name) => field(form, name).value);
}

/** Whether a checkbox of the form is checked. */
export function isChecked(form: HTMLFormElement, name: string): boolean {
  const element = field(form, name);
  return element instanceof HTMLInputElement && element.checked;
}

/** Listens to one named control of the form. */
export function onField(
  form: HTMLFormElement,
  name: string,
  type: "change" | "input",
  listener: (
    element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  ) => void,
): void {
  const element = field(form, name);
  element.addEventListener(type, () => listener(element));
}
