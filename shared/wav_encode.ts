/**
 * Complete in-memory WAV files from mono float samples: Lipstream never writes a WAV file to
 * disk; each utterance's audio part is these bytes.
 *
 * @module
 */
import {
  checkedBytesPerSample,
  checkedFileBytes,
  checkEncodeOptions,
  writeSamples,
  writeWavHeader,
} from "./_wav_write.ts";
import {
  WAV_HEADER_BYTES,
  type WavEncodeOptions,
  type WavSampleFormat,
} from "./wav_format.ts";

/**
 * Size in bytes of the WAV file {@linkcode encodeWav} writes for `sampleCount` mono samples.
 *
 * @param sampleCount Number of samples: a non-negative integer.
 * @param format The sample format.
 * @returns Header plus sample bytes (both formats have even sizes, so no pad byte).
 * @throws {RangeError} If `sampleCount` is not a non-negative integer, or the file would pass
 * the 4 GiB RIFF limit.
 * @throws {TypeError} If `format` is not `"pcm16"` or `"float32"`.
 * @example One second of 22,050 Hz speech
 * ```ts
 * import { wavByteLength } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(wavByteLength(22050, "pcm16"), 44 + 2 * 22050);
 * assert.equal(wavByteLength(22050, "float32"), 58 + 4 * 22050);
 * ```
 */
export function wavByteLength(
  sampleCount: number,
  format: WavSampleFormat,
): number {
  checkedBytesPerSample(format);
  if (!Number.isSafeInteger(sampleCount) || sampleCount < 0) {
    throw new RangeError(
      `Cannot size WAV: sample count must be a non-negative integer: received ${sampleCount}`,
    );
  }
  return checkedFileBytes(sampleCount, format);
}

/**
 * Encodes mono float samples as a complete WAV file with real sizes, in one allocation.
 *
 * - `"float32"`: IEEE float (tag 3), an 18-byte `fmt ` chunk with cbSize 0, a `fact` chunk
 *   holding the sample count, then `data`: byte for byte scipy's `wavfile.write` of a float32
 *   array. Samples are stored bit-exactly (NaN and values beyond ±1 included).
 * - `"pcm16"`: integer PCM (tag 1), a 16-byte `fmt ` chunk, a 44-byte header; each sample by
 *   {@linkcode pcm16FromFloat}: clamp to [−1, 1], × 32767, round half away from zero, NaN → 0.
 *   The safest format for browsers: Chrome (FFmpeg) and every Firefox version decode it.
 *
 * @param samples Mono samples, nominally in [−1, 1].
 * @param options Sample rate (used as given) and format.
 * @returns The WAV file.
 * @throws {RangeError} If the rate is not a positive integer fitting the header, or the file
 * would pass 4 GiB.
 * @throws {TypeError} If the format is unknown.
 * @example A float32 WAV at the voice's own rate
 * ```ts
 * import { decodeWavMono, encodeWav } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const samples = Float32Array.of(0, 0.5, -0.25);
 * const wav = encodeWav(samples, { sampleRateHz: 22050, format: "float32" });
 * assert.equal(wav.length, 58 + 4 * 3);
 * assert.equal(new TextDecoder().decode(wav.subarray(0, 4)), "RIFF");
 * assert.deepEqual(decodeWavMono(wav), { samples, sampleRateHz: 22050 });
 * ```
 */
export function encodeWav(
  samples: Float32Array,
  options: WavEncodeOptions,
): Uint8Array<ArrayBuffer> {
  checkEncodeOptions(options);
  const bytes = new Uint8Array(
    checkedFileBytes(samples.length, options.format),
  );
  writeWavHeader(new DataView(bytes.buffer), options, samples.length);
  writeSamples(
    bytes,
    WAV_HEADER_BYTES[options.format],
    samples,
    options.format,
  );
  return bytes;
}
