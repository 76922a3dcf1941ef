/**
 * A WAV part of the stream as audio for the page: decoded by the shared WAV
 * reader at the WAV's own sample rate (so sentence joins land on exact
 * samples, with no resampling rounding) and placed on the utterance clock by
 * its `X-Sample-Start` header (`X-Start-Ms` when the sample rate is unknown).
 *
 * @module
 */

import { type DecodedWav, decodeWav } from "@lipstream/shared/wav-decode";

/**
 * Where a part's first sample lies on the utterance clock, in seconds.
 *
 * @param headers The part's headers (lower-case names).
 * @param sampleRateHz The WAV's sample rate, or null when it was not read here.
 * @returns The start time; `NaN` if the part carries neither header.
 * @example
 * ```ts
 * import { audioPartStartSec } from "./audio_part.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(audioPartStartSec({ "x-sample-start": "8000" }, 16000), 0.5);
 * assert.equal(audioPartStartSec({ "x-start-ms": "250" }, null), 0.25);
 * ```
 */
export function audioPartStartSec(
  headers: Readonly<Record<string, string>>,
  sampleRateHz: number | null,
): number {
  const startSample = Number(headers["x-sample-start"] ?? NaN);
  if (sampleRateHz !== null && Number.isFinite(startSample)) {
    return startSample / sampleRateHz;
  }
  return Number(headers["x-start-ms"] ?? NaN) / 1000;
}

/**
 * Decodes a WAV part into an `AudioBuffer` of its own rate; bytes the shared
 * reader refuses go to the browser's own decoder instead (whose rate is the
 * context's, so `sampleRateHz` is then null).
 *
 * @param context The page's audio context.
 * @param bytes The part's body.
 * @returns The buffer and the WAV's sample rate.
 */
export async function decodeAudioPart(
  context: BaseAudioContext,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<{ buffer: AudioBuffer; sampleRateHz: number | null }> {
  let wav: DecodedWav;
  try {
    wav = decodeWav(bytes);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const buffer = await context.decodeAudioData(bytes.slice().buffer);
    return { buffer, sampleRateHz: null };
  }
  const frames = wav.channels[0]?.length ?? 0;
  const buffer = context.createBuffer(
    wav.channels.length,
    Math.max(1, frames),
    wav.sampleRateHz,
  );
  wav.channels.forEach((samples, index) =>
    buffer.getChannelData(index).set(samples)
  );
  return { buffer, sampleRateHz: wav.sampleRateHz };
}
