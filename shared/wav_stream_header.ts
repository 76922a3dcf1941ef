/**
 * WAV for a stream of unknown length: a header whose RIFF and data sizes are `0xFFFFFFFF`,
 * then body chunks of bare sample bytes in the same format. FFmpeg (so Chrome) and Firefox
 * read such a data chunk to the end of the stream; a size of 0 is rejected by Firefox, whose
 * demuxer fails when the duration it computes from the data size is not positive
 * (FFmpeg/FFmpeg `libavformat/wavdec.c`, mozilla/gecko-dev `dom/media/wave/WaveDemuxer.cpp`).
 * Prefer {@linkcode encodeWav} (real sizes) whenever the utterance is whole.
 *
 * @module
 */
import {
  checkedBytesPerSample,
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
 * Encodes the header of a WAV stream of unknown length: the same layout as
 * {@linkcode encodeWav}'s (44 bytes for pcm16, 58 for float32) with the RIFF size, the data size
 * and, for float32, the `fact` sample count all set to {@linkcode WAV_UNKNOWN_SIZE}.
 *
 * @param options Sample rate and format of the samples that follow.
 * @returns The header bytes; append {@linkcode encodeWavSamples} chunks after it.
 * @throws {RangeError} If the rate is not a positive integer fitting the header.
 * @throws {TypeError} If the format is unknown.
 * @example Header plus two body chunks decode as one stream
 * ```ts
 * import { decodeWavMono, encodeWavSamples, encodeWavStreamHeader } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const options = { sampleRateHz: 16000, format: "float32" } as const;
 * const header = encodeWavStreamHeader(options);
 * const a = encodeWavSamples(Float32Array.of(0.25, -0.5), options.format);
 * const b = encodeWavSamples(Float32Array.of(1), options.format);
 * const stream = new Uint8Array([...header, ...a, ...b]);
 * assert.deepEqual(decodeWavMono(stream).samples, Float32Array.of(0.25, -0.5, 1));
 * ```
 */
export function encodeWavStreamHeader(
  options: WavEncodeOptions,
): Uint8Array<ArrayBuffer> {
  checkEncodeOptions(options);
  const bytes = new Uint8Array(WAV_HEADER_BYTES[options.format]);
  writeWavHeader(new DataView(bytes.buffer), options, undefined);
  return bytes;
}

/**
 * Encodes bare sample bytes, the body of a WAV stream after {@linkcode encodeWavStreamHeader}:
 * the same conversion as {@linkcode encodeWav} (float32 bit-exact; pcm16 by
 * {@linkcode pcm16FromFloat}), little-endian, no header.
 *
 * @param samples Mono samples.
 * @param format The stream's sample format.
 * @returns `samples.length × 2` (pcm16) or `× 4` (float32) bytes.
 * @throws {TypeError} If the format is unknown.
 * @example 16-bit codes, little-endian
 * ```ts
 * import { encodeWavSamples } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const body = encodeWavSamples(Float32Array.of(1, -1), "pcm16");
 * assert.deepEqual(body, Uint8Array.of(0xff, 0x7f, 0x01, 0x80)); // 32767, −32767
 * ```
 */
export function encodeWavSamples(
  samples: Float32Array,
  format: WavSampleFormat,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(samples.length * checkedBytesPerSample(format));
  writeSamples(bytes, 0, samples, format);
  return bytes;
}
