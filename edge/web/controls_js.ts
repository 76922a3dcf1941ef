/**
 * Browser module `/web/controls.js`: fills the voice, speaker, language and
 * avatar pickers from `GET /v1/voices` and `GET /v1/avatars`, and reads the
 * form into a `POST /v1/speak` body.
 *
 * @module
 */

/** Source of `/web/controls.js`. */
export const CONTROLS_JS: string = String
  .raw`// Pickers from the catalog, and the form as a request body.

/** The API key field as request headers ({} when empty). */
export function authHeaders(form) {
  const key = form.elements.namedItem("api-key").value.trim();
  return key ? { Authorization: "Bearer " + key } : {};
}

/** GET a JSON endpoint, throwing the problem detail on failure. */
export async function getJson(path, headers) {
  const response = await fetch(path, { headers });
  if (!response.ok) throw new Error(await problemText(response));
  return await response.json();
}

/** A short text for an error response (RFC 9457 detail when present). */
export async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail ?? problem.title ?? "HTTP " + response.status;
  } catch {
    return "HTTP " + response.status;
  }
}

function fill(select, options) {
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
}

/** Loads the catalog into the pickers; returns {voices, avatars}. */
export async function loadCatalog(form) {
  const headers = authHeaders(form);
  const [{ voices }, { avatars }] = await Promise.all([
    getJson("/v1/voices", headers),
    getJson("/v1/avatars", headers),
  ]);
  const elements = form.elements;
  // Generated test models and the drawn demo avatar say so: they are not a real voice or face.
  fill(elements.namedItem("voice"), voices.map((v) =>
    [v.id, v.id + " (" + (v.fixture ? "test fixture, tones" : v.kind) + ")"]));
  fill(elements.namedItem("avatar"), avatars.map((a) =>
    [a.id, a.id + " " + a.width + "×" + a.height + (a.demo ? " (drawn demo)" : "")]));
  const onVoice = () => {
    const voice = voices.find((v) => v.id === elements.namedItem("voice").value);
    const speakers = voice?.speakers.length
      ? voice.speakers.map((name) => [name, name])
      : Array.from({ length: voice?.num_speakers ?? 1 }, (_, id) => [String(id), "#" + id]);
    fill(elements.namedItem("speaker"), speakers);
    fill(elements.namedItem("language"), [["", "auto"], ...(voice?.languages ?? []).map((l) => [l, l])]);
  };
  elements.namedItem("voice").addEventListener("change", onVoice);
  onVoice();
  return { voices, avatars };
}

/** The selected avatar's catalog entry. */
export function selectedAvatar(form, avatars) {
  return avatars.find((a) => a.id === form.elements.namedItem("avatar").value);
}

/** The form as a /v1/speak (and /v1/tts) body. */
export function readSpeakBody(form) {
  const value = (name) => form.elements.namedItem(name).value;
  const body = {
    text: value("text"),
    voice: value("voice"),
    avatar: value("avatar"),
    speed: Number(value("speed")),
  };
  const speaker = value("speaker");
  if (speaker !== "") body.speaker = /^\d+$/.test(speaker) ? Number(speaker) : speaker;
  if (value("language") !== "") body.language = value("language");
  return body;
}
`;
