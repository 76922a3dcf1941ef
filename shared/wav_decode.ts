/**
 * Decodes WAV bytes to float samples: PCM 8-bit (unsigned), 16/24/32-bit (signed), IEEE float
 * 32/64-bit, plain or WAVE_FORMAT_EXTENSIBLE, any channel count (see {@linkcode readWavInfo} for
 * which chunks and sizes are accepted).
 *
 * **Scaling** (FFmpeg's and libsndfile's): 8-bit `(v − 128) / 128`, 16-bit `v / 2¹⁵`, 24-bit
 * `v / 2²³`, 32-bit `v / 2³¹`, so integer PCM lands in [−1, 1); float is passed through (64-bit
 * rounded to 32). Extensible files whose valid bits are fewer than the container's are
 * left-justified, so the container's scale is right for them too.
 *
 * @module
 */
import {
  readWavInfo,
  type WavInfo,
  type WavSampleEncoding,
} from "./wav_info.ts";

/** A decoded WAV file: its encoding and one sample array per channel. */
export interface DecodedWav extends WavSampleEncoding {
  /** One array per channel, each `frameCount` samples long. */
  channels: Float32Array[];
  /** True when the data chunk declared more bytes than the file holds (see `readWavInfo`). */
  truncated: boolean;
}

/** A mono decode: the shape of the edge's `WavDecoder`. */
export interface DecodedMonoWav {
  /** The samples, channels averaged. */
  samples: Float32Array;
  /** Sample rate in Hz. */
  sampleRateHz: number;
}

/** Reads channel `channel` of every frame into `out` (which is `frameCount` long). */
function readChannel(
  view: DataView,
  info: WavInfo,
  channel: number,
  out: Float32Array,
): void {
  const stride = info.blockAlign;
  const bytes = info.bitsPerSample / 8;
  const n = info.frameCount;
  let at = info.dataOffset + channel * bytes;
  if (info.sampleType === "float") {
    if (bytes === 4) {
      for (let i = 0; i < n; i++, at += stride) {
        out[i] = view.getFloat32(at, true);
      }
    } else {
      for (let i = 0; i < n; i++, at += stride) {
        out[i] = view.getFloat64(at, true);
      }
    }
    return;
  }
  switch (bytes) {
    case 1:
      for (let i = 0; i < n; i++, at += stride) {
        out[i] = (view.getUint8(at) - 128) / 128;
      }
      return;
    case 2:
      for (let i = 0; i < n; i++, at += stride) {
        out[i] = view.getInt16(at, true) / 32768;
      }
      return;
    case 3:
      for (let i = 0; i < n; i++, at += stride) {
        const value = view.getUint16(at, true) | (view.getInt8(at + 2) << 16);
        out[i] = value / 8388608;
      }
      return;
    default:
      for (let i = 0; i < n; i++, at += stride) {
        out[i] = view.getInt32(at, true) / 2147483648;
      }
  }
}

/**
 * Decodes a WAV file into one float array per channel.
 *
 * @param bytes The WAV file.
 * @returns The encoding, the channels and whether the data chunk was cut short.
 * @throws {WavFormatError} If the bytes are not a WAV file this reader accepts; the message says
 * what is wrong.
 * @example A 16-bit file decodes to its codes over 32768
 * ```ts
 * import { decodeWav, encodeWav } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const wav = encodeWav(Float32Array.of(1, -0.5), { sampleRateHz: 16000, format: "pcm16" });
 * const decoded = decodeWav(wav);
 * assert.equal(decoded.channelCount, 1);
 * assert.equal(decoded.bitsPerSample, 16);
 * assert.deepEqual(decoded.channels[0], Float32Array.of(32767 / 32768, -16384 / 32768));
 * ```
 */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const info = readWavInfo(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const channels = Array.from({ length: info.channelCount }, (_, channel) => {
    const out = new Float32Array(info.frameCount);
    readChannel(view, info, channel, out);
    return out;
  });
  const { dataOffset: _, frameCount: __, ...encoding } = info;
  return { ...encoding, channels };
}

/**
 * Decodes a WAV file to mono: the mean of its channels. Fits the edge's `WavDecoder` type.
 *
 * @param bytes The WAV file.
 * @returns The mono samples and the sample rate.
 * @throws {WavFormatError} (a `SyntaxError`) If the bytes are not a WAV file this reader accepts.
 * @example A stereo file mixes down to the mean
 * ```ts
 * import { decodeWavMono } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * // Hand-built stereo float32: frames (0.5, -0.5) and (1, 0.5).
 * const wav = new Uint8Array(44 + 16);
 * const view = new DataView(wav.buffer);
 * wav.set(new TextEncoder().encode("RIFF    WAVEfmt "), 0);
 * view.setUint32(16, 16, true); // fmt size
 * view.setUint16(20, 3, true); // IEEE float
 * view.setUint16(22, 2, true); // channels
 * view.setUint32(24, 8000, true); // rate
 * view.setUint16(32, 8, true); // block align
 * view.setUint16(34, 32, true); // bits
 * wav.set(new TextEncoder().encode("data"), 36);
 * view.setUint32(40, 16, true);
 * [0.5, -0.5, 1, 0.5].forEach((x, i) => view.setFloat32(44 + 4 * i, x, true));
 * assert.deepEqual(decodeWavMono(wav), { samples: Float32Array.of(0, 0.75), sampleRateHz: 8000 });
 * ```
 */
export function decodeWavMono(bytes: Uint8Array): DecodedMonoWav {
  const info = readWavInfo(bytes);
  if (info.channelCount > 1) {
    const { channels, sampleRateHz } = decodeWav(bytes);
    return { samples: downmixToMono(channels), sampleRateHz };
  }
  const samples = new Float32Array(info.frameCount);
  readChannel(
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    info,
    0,
    samples,
  );
  return { samples, sampleRateHz: info.sampleRateHz };
}

/**
 * Mixes channels down to mono: the mean of the channels at each frame.
 *
 * @param channels One or more arrays of equal length.
 * @returns A new array with the means.
 * @throws {RangeError} If there are no channels or their lengths differ.
 * @example
 * ```ts
 * import { downmixToMono } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(downmixToMono([Float32Array.of(1, 0), Float32Array.of(0, -1)]), Float32Array.of(0.5, -0.5));
 * ```
 */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (first === undefined) {
    throw new RangeError("Cannot downmix to mono: no channels given");
  }
  const mono = new Float32Array(first.length);
  for (const channel of channels) {
    if (channel.length !== first.length) {
      throw new RangeError(
        `Cannot downmix to mono: channel lengths differ: ${first.length} and ${channel.length}`,
      );
    }
  }
  for (let i = 0; i < mono.length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i]!;
    mono[i] = sum / channels.length;
  }
  return mono;
}
