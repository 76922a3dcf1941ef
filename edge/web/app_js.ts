/**
 * Browser module `/web/app.js`: the page's behaviour. Speak streams
 * `POST /v1/speak`, schedules each WAV part on the audio timeline and paints
 * JPEG frames against its clock; Stop aborts the fetch (the server cancels
 * the utterance) and silences audio at once; Simple mode uses `/v1/tts` in an
 * `<audio>` and `/v1/speak.mjpeg` in an `<img>`. Between utterances the
 * idle loop animates the avatar and hands its position to the next
 * utterance. Counters live on `window.lipstream.stats` for tests and the
 * live panel.
 *
 * @module
 */

/** Source of `/web/app.js`. */
export const APP_JS: string = String.raw`// Lipstream web client.
import { boundaryFromContentType, readMultipartParts } from "./multipart.js";
import { parseWav } from "./wav.js";
import { AudioTimeline } from "./audio_timeline.js";
import { FramePainter } from "./frame_painter.js";
import { IdleLoop } from "./idle_loop.js";
import { authHeaders, loadCatalog, problemText, readSpeakBody, selectedAvatar } from "./controls.js";

const form = document.getElementById("speak-form");
const canvas = document.getElementById("face");
const simpleAudio = document.getElementById("simple-audio");
const simpleVideo = document.getElementById("simple-video");
const panel = {
  status: document.getElementById("status"),
  ttfa: document.getElementById("ttfa"),
  ttfs: document.getElementById("ttfs"),
  ttff: document.getElementById("ttff"),
  shown: document.getElementById("frames-shown"),
  dropped: document.getElementById("frames-dropped"),
  offset: document.getElementById("av-offset"),
  timeline: document.getElementById("timeline"),
};

function freshStats(mode) {
  return {
    mode, state: "idle", error: null, utteranceId: null, startedAt: performance.now(),
    audioPartsReceived: 0, audioPartsDecoded: 0, segments: [], rebases: 0,
    framesReceived: 0, framesPainted: 0, framesDropped: 0, lastOffsetMs: null, maxAbsOffsetMs: 0,
    ttfaMs: null, ttfsMs: null, ttffMs: null, firstPaintAt: null, server: null, simple: null,
    responseMs: null, fps: 25, lastPaintedPtsMs: null, received: false,
    audioArrivals: [], paints: [], // ms since the click; paints: [ms, A/V offset ms]
    sentIdlePosition: null, startIdlePosition: null, nextIdlePosition: null,
  };
}

/** This page's session: its utterances continue one idle loop on the server (no jump between them). */
const sessionId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const lipstream = { sessionId, ready: false, stats: freshStats("stream"), catalog: null, clockMs: () => null };
window.lipstream = lipstream;

let audioContext = null;
let current = null; // { controller, timeline, stats }
const painter = new FramePainter(canvas, () => current?.timeline?.clockMs() ?? null, lipstream.stats);
const idleLoop = new IdleLoop(canvas);
lipstream.idle = idleLoop;

/** Where the idle loop continues after an utterance: the server's word, else after the last frame shown. */
function idlePositionAfter(stats) {
  if (stats.nextIdlePosition !== null) return stats.nextIdlePosition;
  const start = stats.startIdlePosition ?? stats.sentIdlePosition;
  if (start === null) return idleLoop.position;
  if (stats.lastPaintedPtsMs === null) return start;
  return start + Math.round(stats.lastPaintedPtsMs * stats.fps / 1000) + 1;
}

function drawIdlePlaceholder(width, height) {
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext("2d");
  g.fillStyle = "#1d2430";
  g.fillRect(0, 0, width, height);
  g.fillStyle = "#3a4556";
  g.beginPath();
  g.arc(width / 2, height * 0.45, Math.min(width, height) * 0.3, 0, 2 * Math.PI);
  g.fill();
}

/** Shows the avatar's idle frame (a placeholder until it arrives, or if it cannot). */
async function drawIdleFrame(avatar) {
  drawIdlePlaceholder(avatar.width, avatar.height);
  try {
    const response = await fetch("/v1/avatars/" + encodeURIComponent(avatar.id) + "/idle.jpg?session=" + sessionId, {
      headers: authHeaders(form),
    });
    if (!response.ok) return;
    const bitmap = await createImageBitmap(await response.blob());
    if (lipstream.stats.framesPainted > 0) return;
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext("2d").drawImage(bitmap, 0, 0);
    lipstream.idleShown = avatar.id;
  } catch {
    // The placeholder stays.
  }
}

function setMode(simple) {
  canvas.hidden = simple;
  simpleVideo.hidden = !simple;
  simpleAudio.hidden = !simple;
}

/** Stops whatever is playing: aborts its request, silences audio, drops waiting frames. */
function stop(reason = "stopped") {
  const utterance = current;
  current = null;
  lipstream.clockMs = () => null;
  painter.stop();
  simpleAudio.pause();
  simpleVideo.removeAttribute("src");
  if (!utterance) return;
  utterance.controller.abort(new DOMException("Stopped by the user", "AbortError"));
  utterance.timeline?.stop();
  if (utterance.stats.state !== "idle" && utterance.stats.state !== "error") {
    utterance.stats.state = reason;
    // Cut short: the idle loop takes over after the last frame shown.
    if (utterance.timeline) idleLoop.resume(idlePositionAfter(utterance.stats));
  }
}

function handleJson(part, stats) {
  const value = JSON.parse(new TextDecoder().decode(part.body));
  if (part.headers["content-type"].startsWith("application/problem+json")) {
    throw new Error(value.detail ?? value.title ?? "stream failed");
  }
  if (value.type === "start") {
    stats.utteranceId = value.utterance_id;
    stats.fps = value.fps;
    stats.startIdlePosition = value.idle_position ?? null;
    painter.periodMs = 1000 / value.fps;
  } else if (value.type === "end") {
    stats.server = value.timings;
    stats.nextIdlePosition = value.next_idle_position ?? null;
  }
}

async function toAudioBuffer(bytes) {
  try {
    const { sampleRate, channels } = parseWav(bytes);
    const buffer = audioContext.createBuffer(channels.length, channels[0].length, sampleRate);
    channels.forEach((samples, index) => buffer.copyToChannel(samples, index));
    return { buffer, sampleRate };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const buffer = await audioContext.decodeAudioData(bytes.slice().buffer);
    return { buffer, sampleRate: null };
  }
}

async function handleAudio(part, utterance) {
  const { stats, timeline } = utterance;
  stats.audioPartsReceived++;
  stats.audioArrivals.push(performance.now() - stats.startedAt);
  const { buffer, sampleRate } = await toAudioBuffer(part.body);
  if (current !== utterance) return;
  const startSample = Number(part.headers["x-sample-start"]);
  const startSec = sampleRate && Number.isFinite(startSample)
    ? startSample / sampleRate
    : Number(part.headers["x-start-ms"]) / 1000;
  timeline.schedule(buffer, startSec);
  stats.rebases = timeline.rebases;
  stats.audioPartsDecoded++;
  stats.ttfaMs ??= performance.now() - stats.startedAt;
}

async function handleFrame(part, utterance) {
  utterance.stats.framesReceived++;
  const bitmap = await createImageBitmap(new Blob([part.body], { type: "image/jpeg" }));
  if (current !== utterance) return bitmap.close();
  painter.enqueue(bitmap, Number(part.headers["x-pts-ms"]));
  utterance.timeline.videoReady();
}

async function speakStreaming(body, headers, stats) {
  audioContext ??= new AudioContext({ latencyHint: "interactive" });
  const resumed = audioContext.resume();
  const utterance = { controller: new AbortController(), timeline: new AudioTimeline(audioContext), stats };
  lipstream.stats = stats;
  current = utterance;
  lipstream.clockMs = () => utterance.timeline.clockMs();
  stats.segments = utterance.timeline.segments;
  painter.stats = stats;
  painter.start(25);
  stats.state = "connecting";
  const response = await fetch("/v1/speak", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
    signal: utterance.controller.signal,
  });
  if (!response.ok) throw new Error(await problemText(response));
  stats.responseMs = performance.now() - stats.startedAt;
  await resumed;
  stats.state = "speaking";
  const boundary = boundaryFromContentType(response.headers.get("content-type"));
  const pending = [];
  for await (const part of readMultipartParts(response.body, boundary)) {
    const type = part.headers["content-type"] ?? "";
    if (type.startsWith("audio/")) pending.push(handleAudio(part, utterance));
    else if (type.startsWith("image/")) pending.push(handleFrame(part, utterance));
    else handleJson(part, stats);
  }
  await Promise.all(pending);
  utterance.timeline.start(); // no frames are coming: play what waits for them
  // Everything arrived, usually long before it is heard: the status stays
  // "speaking" until playback ends (renderPanel turns it to "idle").
  if (current === utterance) stats.received = true;
}

async function speakSimple(body, headers, stats) {
  const utterance = { controller: new AbortController(), timeline: null, stats };
  lipstream.stats = stats;
  current = utterance;
  stats.state = "connecting";
  stats.simple = { durationMs: null, canPlayThrough: false, audioDurationSec: null };
  const response = await fetch("/v1/tts", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ text: body.text, voice: body.voice, speed: body.speed, format: "json",
      ...(body.speaker === undefined ? {} : { speaker: body.speaker }),
      ...(body.language === undefined ? {} : { language: body.language }) }),
    signal: utterance.controller.signal,
  });
  if (!response.ok) throw new Error(await problemText(response));
  const tts = await response.json();
  if (current !== utterance) return;
  stats.simple.durationMs = tts.duration_ms;
  simpleAudio.addEventListener("canplaythrough", () => {
    stats.simple.canPlayThrough = true;
    stats.simple.audioDurationSec = simpleAudio.duration;
  }, { once: true });
  simpleAudio.src = tts.audio;
  const query = new URLSearchParams({ text: body.text, voice: body.voice, avatar: body.avatar, speed: String(body.speed), session: sessionId });
  if (body.speaker !== undefined) query.set("speaker", String(body.speaker));
  if (body.language !== undefined) query.set("language", body.language);
  simpleVideo.src = "/v1/speak.mjpeg?" + query;
  stats.state = "speaking";
  await simpleAudio.play().catch(() => {});
  stats.ttfaMs = performance.now() - stats.startedAt;
}

async function speak() {
  stop("replaced");
  const simple = form.elements.namedItem("simple").checked;
  setMode(simple);
  const body = { ...readSpeakBody(form), session: sessionId };
  const headers = authHeaders(form);
  const stats = freshStats(simple ? "simple" : "stream");
  const idlePosition = idleLoop.pause();
  if (!simple && idleLoop.has(body.avatar)) {
    body.idle_position = idlePosition;
    stats.sentIdlePosition = idlePosition;
  }
  try {
    await (simple ? speakSimple(body, headers, stats) : speakStreaming(body, headers, stats));
  } catch (error) {
    if (current?.stats !== stats) return; // stopped or replaced meanwhile
    stats.state = "error";
    stats.error = String(error?.message ?? error);
    painter.stop();
    if (!simple) idleLoop.resume(idlePositionAfter(stats));
  }
}

function formatMs(ms) {
  return ms === null || ms === undefined ? "–" : Math.round(ms) + " ms";
}

/** Timeline colours: audio arrival, frame painted, A/V offset. */
const TIMELINE_COLORS = { audio: "#2f7fff", frame: "#1faa55", offset: "#ff8c1a" };

/**
 * Draws the live timeline: audio parts as ticks on the top row, painted
 * frames as ticks on the bottom row, the A/V offset of each paint as a line
 * (centre: 0 ms, edges: ±100 ms), over the time since Speak.
 */
function drawTimeline(stats) {
  const canvas = panel.timeline;
  const context = canvas.getContext("2d");
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  const times = [...stats.audioArrivals, ...stats.paints.map(([t]) => t)];
  if (times.length === 0) return;
  const spanMs = Math.max(1000, ...times) * 1.05;
  const x = (ms) => Math.round(ms / spanMs * (width - 1));
  const mid = height / 2;
  context.fillStyle = TIMELINE_COLORS.audio;
  for (const t of stats.audioArrivals) context.fillRect(x(t), 0, 3, height * 0.22);
  context.fillStyle = TIMELINE_COLORS.frame;
  for (const [t] of stats.paints) context.fillRect(x(t), height * 0.78, 1, height * 0.22);
  context.strokeStyle = "rgba(128, 128, 128, 0.5)";
  context.beginPath();
  context.moveTo(0, mid);
  context.lineTo(width, mid);
  context.stroke();
  context.strokeStyle = TIMELINE_COLORS.offset;
  context.lineWidth = 2;
  context.beginPath();
  stats.paints.forEach(([t, offset], i) => {
    const y = mid - Math.max(-1, Math.min(1, offset / 100)) * (height * 0.26);
    if (i === 0) context.moveTo(x(t), y);
    else context.lineTo(x(t), y);
  });
  context.stroke();
  context.lineWidth = 1;
}

function renderPanel() {
  const stats = lipstream.stats;
  const timeline = current?.timeline;
  if (stats.state === "speaking" && stats.received && timeline && !timeline.isPlaying() && painter.pending === 0) {
    stats.state = "idle";
    idleLoop.resume(idlePositionAfter(stats));
  }
  if (stats.firstPaintAt !== null) stats.ttffMs = stats.firstPaintAt - stats.startedAt;
  panel.status.textContent = stats.error ? "error: " + stats.error : stats.state;
  panel.ttfa.textContent = formatMs(stats.ttfaMs);
  const startMs = current?.stats === stats ? current.timeline?.startPerformanceMs() : null;
  if (stats.ttfsMs === null && startMs != null) stats.ttfsMs = startMs - stats.startedAt;
  panel.ttfs.textContent = formatMs(stats.ttfsMs);
  panel.ttff.textContent = formatMs(stats.ttffMs);
  panel.shown.textContent = String(stats.framesPainted);
  panel.dropped.textContent = String(stats.framesDropped);
  drawTimeline(stats);
  panel.offset.textContent = stats.lastOffsetMs === null
    ? "–"
    : Math.round(stats.lastOffsetMs) + " ms (max " + Math.round(stats.maxAbsOffsetMs) + ")";
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  speak();
});
document.getElementById("stop").addEventListener("click", () => stop());
form.elements.namedItem("simple").addEventListener("change", (event) => {
  setMode(event.target.checked);
  const speaking = current && !["idle", "stopped", "error"].includes(current.stats.state);
  if (!event.target.checked && !speaking) idleLoop.resume();
});
form.elements.namedItem("speed").addEventListener("input", (event) => {
  document.getElementById("speed-value").textContent = Number(event.target.value).toFixed(2) + "×";
});
setInterval(renderPanel, 100);

async function init() {
  // Built early: constructing an AudioContext can block for hundreds of ms while the
  // audio device opens. Browsers keep it suspended until the Speak click resumes it.
  audioContext ??= new AudioContext({ latencyHint: "interactive" });
  try {
    lipstream.catalog = await loadCatalog(form);
    const onAvatar = async () => {
      const avatar = selectedAvatar(form, lipstream.catalog.avatars);
      if (!avatar) return;
      if (lipstream.stats.framesPainted === 0) drawIdleFrame(avatar);
      try {
        const animated = await idleLoop.load(avatar, authHeaders(form));
        const speaking = current && !["idle", "stopped", "error"].includes(current.stats.state);
        if (animated && !speaking && selectedAvatar(form, lipstream.catalog.avatars) === avatar) {
          idleLoop.resume(0);
          lipstream.idleAnimating = avatar.id;
        }
      } catch {
        // The still idle frame stays.
      }
    };
    form.elements.namedItem("avatar").addEventListener("change", onAvatar);
    onAvatar();
    lipstream.ready = true;
  } catch (error) {
    lipstream.stats.state = "error";
    lipstream.stats.error = "Cannot load voices and avatars: " + (error?.message ?? error);
  }
}
form.elements.namedItem("api-key").addEventListener("change", init);
init();
`;
