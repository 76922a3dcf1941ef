/**
 * Streaming mode: `POST /v1/speak`, then each part as it arrives. WAV parts
 * go onto the audio timeline at their sample position, JPEG parts to the
 * frame painter at their PTS, JSON parts update the counters (a problem part
 * ends the utterance with its detail).
 *
 * @module
 */

import {
  boundaryFromContentType,
  type ReadMultipartPart,
  readMultipartParts,
} from "@lipstream/shared/multipart-reader";
import { audioPartStartSec, decodeAudioPart } from "./audio_part.ts";
import type { AudioTimeline } from "./audio_timeline.ts";
import { problemText } from "./controls.ts";
import type { FramePainter } from "./frame_painter.ts";
import type { SpeakBody } from "./speak_body.ts";
import { readStreamEvent } from "./stream_events.ts";
import type { UtteranceStats } from "./utterance_stats.ts";

/** What one streamed utterance plays into. */
export interface StreamPlayback {
  /** The utterance's counters. */
  stats: UtteranceStats;
  /** The audio context, resumed by the caller. */
  context: AudioContext;
  /** This utterance's audio timeline. */
  timeline: AudioTimeline;
  /** The page's frame painter, started for this utterance. */
  painter: FramePainter;
  /** Aborts the request (Stop). */
  signal: AbortSignal;
  /** False once the utterance was stopped or replaced: late results are dropped. */
  isCurrent: () => boolean;
}

function handleJson(part: ReadMultipartPart, playback: StreamPlayback): void {
  const { stats } = playback;
  const event = readStreamEvent(part);
  if (event.type === "start") {
    stats.utteranceId = event.utteranceId;
    stats.fps = event.fps;
    stats.startIdlePosition = event.idlePosition;
    playback.painter.periodMs = 1000 / event.fps;
  } else if (event.type === "end") {
    stats.server = event.timings;
    stats.nextIdlePosition = event.nextIdlePosition;
  }
}

async function handleAudio(
  part: ReadMultipartPart,
  playback: StreamPlayback,
): Promise<void> {
  const { stats, timeline } = playback;
  stats.audioPartsReceived++;
  stats.audioArrivals.push(performance.now() - stats.startedAt);
  const { buffer, sampleRateHz } = await decodeAudioPart(
    playback.context,
    part.body,
  );
  if (!playback.isCurrent()) return;
  timeline.schedule(buffer, audioPartStartSec(part.headers, sampleRateHz));
  stats.rebases = timeline.rebases;
  stats.audioPartsDecoded++;
  stats.ttfaMs ??= performance.now() - stats.startedAt;
}

async function handleFrame(
  part: ReadMultipartPart,
  playback: StreamPlayback,
): Promise<void> {
  playback.stats.framesReceived++;
  const bitmap = await createImageBitmap(
    new Blob([part.body], { type: "image/jpeg" }),
  );
  if (!playback.isCurrent()) return bitmap.close();
  playback.painter.enqueue(bitmap, Number(part.headers["x-pts-ms"]));
  playback.timeline.videoReady();
}

/**
 * Speaks `body` in streaming mode; resolves once every part has arrived and
 * been handed on (usually long before it is heard).
 *
 * @param body The request body.
 * @param headers Extra request headers (the API key).
 * @param playback Where it plays.
 * @throws {Error} With the problem detail when the request or the stream fails.
 */
export async function playSpeakStream(
  body: SpeakBody,
  headers: Record<string, string>,
  playback: StreamPlayback,
): Promise<void> {
  const { stats } = playback;
  const resumed = playback.context.resume();
  stats.state = "connecting";
  const response = await fetch("/v1/speak", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
    signal: playback.signal,
  });
  if (!response.ok || !response.body) {
    throw new Error(await problemText(response));
  }
  stats.responseMs = performance.now() - stats.startedAt;
  await resumed;
  stats.state = "speaking";
  const boundary = boundaryFromContentType(
    response.headers.get("content-type"),
  );
  const pending: Promise<void>[] = [];
  for await (const part of readMultipartParts(response.body, boundary)) {
    const type = part.headers["content-type"] ?? "";
    if (type.startsWith("audio/")) pending.push(handleAudio(part, playback));
    else if (type.startsWith("image/")) {
      pending.push(handleFrame(part, playback));
    } else handleJson(part, playback);
  }
  await Promise.all(pending);
  playback.timeline.start(); // no frames are coming: play what waits for them
}
