/**
 * The page's behaviour, served bundled as `/web/app.js`. Speak streams
 * `POST /v1/speak`, schedules each WAV part on the audio timeline and paints
 * JPEG frames against its clock; Stop aborts the fetch (the server cancels
 * the utterance) and silences audio at once; Simple mode uses `/v1/tts` in an
 * `<audio>` and `/v1/speak.mjpeg` in an `<img>`. Between utterances the idle
 * loop animates the avatar and hands its position to the next utterance.
 * Counters live on `window.lipstream.stats` for tests and the live panel.
 *
 * @module
 */

import { AudioTimeline } from "./audio_timeline.ts";
import type { Catalog } from "./catalog.ts";
import {
  authHeaders,
  isChecked,
  loadCatalog,
  onField,
  problemText,
  readSpeakBody,
  revealApiKey,
  selectedAvatar,
} from "./controls.ts";
import { FramePainter } from "./frame_painter.ts";
import { drawIdleFace } from "./idle_face.ts";
import { IdleLoop } from "./idle_loop.ts";
import { type PanelElements, renderPanel } from "./live_panel.ts";
import { mjpegQuery, type SpeakBody, ttsBody } from "./speak_body.ts";
import { playSpeakStream } from "./speak_stream.ts";
import {
  createUtteranceStats,
  idlePositionAfter,
  type PlayMode,
  type UtteranceStats,
} from "./utterance_stats.ts";
import { mediaTokenQuery } from "./media_token.ts";

/** What the page exposes on `window.lipstream`. */
export interface LipstreamPage {
  /** This page's session: its utterances continue one idle loop on the server. */
  sessionId: string;
  /** Whether the catalog is loaded. */
  ready: boolean;
  /** The current (or last) utterance's counters. */
  stats: UtteranceStats;
  catalog: Catalog | null;
  /** The utterance clock, ms (null when nothing plays). */
  clockMs: () => number | null;
  idle: IdleLoop;
  /** The avatar whose still idle frame is shown. */
  idleShown?: string;
  /** The avatar whose idle loop runs. */
  idleAnimating?: string;
}

declare global {
  /** The page's state, for the live panel and for tests (`window.lipstream`). */
  var lipstream: LipstreamPage;
}

/** One utterance in play. */
interface Utterance {
  controller: AbortController;
  timeline: AudioTimeline | null;
  stats: UtteranceStats;
}

function element<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) {
    throw new TypeError(`Cannot start the page: no ${type.name} #${id}`);
  }
  return found;
}

const form = element("speak-form", HTMLFormElement);
const canvas = element("face", HTMLCanvasElement);
const simpleAudio = element("simple-audio", HTMLAudioElement);
const simpleVideo = element("simple-video", HTMLImageElement);
const panel: PanelElements = {
  status: element("status", HTMLElement),
  ttfa: element("ttfa", HTMLElement),
  ttfs: element("ttfs", HTMLElement),
  ttff: element("ttff", HTMLElement),
  shown: element("frames-shown", HTMLElement),
  dropped: element("frames-dropped", HTMLElement),
  offset: element("av-offset", HTMLElement),
  timeline: element("timeline", HTMLCanvasElement),
};

const sessionId = Array.from(
  crypto.getRandomValues(new Uint8Array(16)),
  (b) => b.toString(16).padStart(2, "0"),
).join("");
const freshStats = (mode: PlayMode) =>
  createUtteranceStats(mode, performance.now());

let audioContext: AudioContext | null = null;
let current: Utterance | null = null;
const idleLoop = new IdleLoop(canvas);
const lipstream: LipstreamPage = {
  sessionId,
  ready: false,
  stats: freshStats("stream"),
  catalog: null,
  clockMs: () => null,
  idle: idleLoop,
};
globalThis.lipstream = lipstream;
const painter = new FramePainter(
  canvas,
  () => current?.timeline?.clockMs() ?? null,
  lipstream.stats,
);

function isSpeaking(): boolean {
  return current !== null &&
    !["idle", "stopped", "error"].includes(current.stats.state);
}

function setMode(simple: boolean): void {
  canvas.hidden = simple;
  simpleVideo.hidden = !simple;
  simpleAudio.hidden = !simple;
}

/** Stops whatever is playing: aborts its request, silences audio, drops waiting frames. */
function stop(reason = "stopped"): void {
  const utterance = current;
  current = null;
  lipstream.clockMs = () => null;
  painter.stop();
  simpleAudio.pause();
  simpleVideo.removeAttribute("src");
  if (!utterance) return;
  utterance.controller.abort(
    new DOMException("Stopped by the user", "AbortError"),
  );
  utterance.timeline?.stop();
  if (utterance.stats.state !== "idle" && utterance.stats.state !== "error") {
    utterance.stats.state = reason;
    // Cut short: the idle loop takes over after the last frame shown.
    if (utterance.timeline) {
      idleLoop.resume(idlePositionAfter(utterance.stats, idleLoop.position));
    }
  }
}

async function speakStreaming(
  body: SpeakBody,
  headers: Record<string, string>,
  stats: UtteranceStats,
): Promise<void> {
  const context = audioContext ??= new AudioContext({
    latencyHint: "interactive",
  });
  const timeline = new AudioTimeline(context);
  const utterance: Utterance = {
    controller: new AbortController(),
    timeline,
    stats,
  };
  lipstream.stats = stats;
  current = utterance;
  lipstream.clockMs = () => timeline.clockMs();
  stats.segments = timeline.segments;
  painter.stats = stats;
  painter.start(25);
  await playSpeakStream(body, headers, {
    stats,
    context,
    timeline,
    painter,
    signal: utterance.controller.signal,
    isCurrent: () => current === utterance,
  });
  // Everything arrived, usually long before it is heard: the status stays
  // "speaking" until playback ends (the panel turns it to "idle").
  if (current === utterance) stats.received = true;
}

async function speakSimple(
  body: SpeakBody,
  headers: Record<string, string>,
  stats: UtteranceStats,
): Promise<void> {
  const utterance: Utterance = {
    controller: new AbortController(),
    timeline: null,
    stats,
  };
  lipstream.stats = stats;
  current = utterance;
  stats.state = "connecting";
  const simple: NonNullable<UtteranceStats["simple"]> = {
    durationMs: null,
    canPlayThrough: false,
    audioDurationSec: null,
  };
  stats.simple = simple;
  // The <img> cannot send the key: with one, its URL carries a media token.
  const tokenQuery = mediaTokenQuery(headers, utterance.controller.signal);
  tokenQuery.catch(() => {});
  const response = await fetch("/v1/tts", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(ttsBody(body)),
    signal: utterance.controller.signal,
  });
  if (!response.ok) throw new Error(await problemText(response));
  const tts = await response.json() as { duration_ms: number; audio: string };
  if (current !== utterance) return;
  simple.durationMs = tts.duration_ms;
  simpleAudio.addEventListener("canplaythrough", () => {
    simple.canPlayThrough = true;
    simple.audioDurationSec = simpleAudio.duration;
  }, { once: true });
  simpleAudio.src = tts.audio;
  simpleVideo.src = `/v1/speak.mjpeg?${
    mjpegQuery(body, sessionId)
  }${await tokenQuery}`;
  stats.state = "speaking";
  await simpleAudio.play().catch(() => {});
  stats.ttfaMs = performance.now() - stats.startedAt;
}

async function speak(): Promise<void> {
  stop("replaced");
  const simple = isChecked(form, "simple");
  setMode(simple);
  const body: SpeakBody = { ...readSpeakBody(form), session: sessionId };
  const headers = authHeaders(form);
  const stats = freshStats(simple ? "simple" : "stream");
  const idlePosition = idleLoop.pause();
  if (!simple && idleLoop.has(body.avatar)) {
    body.idle_position = idlePosition;
    stats.sentIdlePosition = idlePosition;
  }
  try {
    await (simple
      ? speakSimple(body, headers, stats)
      : speakStreaming(body, headers, stats));
  } catch (error) {
    if (current?.stats !== stats) return; // stopped or replaced meanwhile
    stats.state = "error";
    stats.error = error instanceof Error ? error.message : String(error);
    painter.stop();
    if (!simple) idleLoop.resume(idlePositionAfter(stats, idleLoop.position));
  }
}

function refreshPanel(): void {
  const stats = lipstream.stats;
  const timeline = current?.timeline;
  if (
    stats.state === "speaking" && stats.received && timeline &&
    !timeline.isPlaying() && painter.pending === 0
  ) {
    stats.state = "idle";
    idleLoop.resume(idlePositionAfter(stats, idleLoop.position));
  }
  if (stats.firstPaintAt !== null) {
    stats.ttffMs = stats.firstPaintAt - stats.startedAt;
  }
  const startMs = current?.stats === stats
    ? current.timeline?.startPerformanceMs()
    : null;
  if (stats.ttfsMs === null && typeof startMs === "number") {
    stats.ttfsMs = startMs - stats.startedAt;
  }
  renderPanel(panel, stats);
}

async function init(): Promise<void> {
  // Built early: constructing an AudioContext can block for hundreds of ms
  // while the audio device opens. Browsers keep it suspended until the Speak
  // click resumes it.
  audioContext ??= new AudioContext({ latencyHint: "interactive" });
  try {
    const catalog = lipstream.catalog = await loadCatalog(form);
    const onAvatar = async () => {
      const avatar = selectedAvatar(form, catalog.avatars);
      if (!avatar) return;
      if (lipstream.stats.framesPainted === 0) {
        drawIdleFace(canvas, avatar, {
          headers: authHeaders(form),
          sessionId,
          stillIdle: () => lipstream.stats.framesPainted === 0,
        }).then((shown) => {
          if (shown) lipstream.idleShown = avatar.id;
        });
      }
      try {
        const animated = await idleLoop.load(avatar, authHeaders(form));
        if (
          animated && !isSpeaking() &&
          selectedAvatar(form, catalog.avatars) === avatar
        ) {
          idleLoop.resume(0);
          lipstream.idleAnimating = avatar.id;
        }
      } catch {
        // The still idle frame stays.
      }
    };
    onField(form, "avatar", "change", onAvatar);
    onAvatar();
    lipstream.ready = true;
  } catch (error) {
    lipstream.stats.state = "error";
    lipstream.stats.error = `Cannot load voices and avatars: ${
      error instanceof Error ? error.message : String(error)
    }`;
    // Most often a server with API keys: show the key field, not a collapsed section.
    revealApiKey(form);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  speak();
});
element("stop", HTMLButtonElement).addEventListener("click", () => stop());
onField(form, "simple", "change", (simple) => {
  const checked = simple instanceof HTMLInputElement && simple.checked;
  setMode(checked);
  if (!checked && !isSpeaking()) idleLoop.resume();
});
onField(form, "speed", "input", (speed) => {
  element("speed-value", HTMLOutputElement).textContent = `${
    Number(speed.value).toFixed(2)
  }×`;
});
onField(form, "api-key", "change", init);
setInterval(refreshPanel, 100);
init();
