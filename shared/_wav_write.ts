/**
 * Internal writers shared by the whole-file and streaming WAV encoders: option checks, the
 * header layout of each format (scipy's `scipy/io/wavfile.py` `write` for float32) and the sample
 * conversion into a caller-sized buffer.
 *
 * @module
 */
import {
  WAV_BYTES_PER_SAMPLE,
  WAV_HEADER_BYTES,
  WAV_UNKNOWN_SIZE,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_PCM,
  type WavEncodeOptions,
  type WavSampleFormat,
} from "./wav_format.ts";
import { PCM16_ENCODE_SCALE, pcm16FromFloat } from "./wav_pcm16.ts";

/** Typed arrays use the host's byte order; WAV is little-endian. */
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Bytes per sample of `format`, after checking it is one of the two formats. */
export function checkedBytesPerSample(format: WavSampleFormat): number {
  const size = Object.hasOwn(WAV_BYTES_PER_SAMPLE, format)
    ? WAV_BYTES_PER_SAMPLE[format]
    : undefined;
  if (size === undefined) {
    throw new TypeError(
      `Cannot encode WAV: format must be "pcm16" or "float32": received ${
        JSON.stringify(format)
      }`,
    );
  }
  return size;
}

/** Checks both options; returns the bytes per sample. */
export function checkEncodeOptions(options: WavEncodeOptions): number {
  const bytesPerSample = checkedBytesPerSample(options.format);
  const hz = options.sampleRateHz;
  // The byte rate field (rate × block align) is 32 bits too.
  if (
    !Number.isInteger(hz) || hz <= 0 || hz * bytesPerSample > WAV_UNKNOWN_SIZE
  ) {
    throw new RangeError(
      `Cannot encode WAV: sample rate must be a positive integer that fits the 32-bit header fields: received ${hz}`,
    );
  }
  return bytesPerSample;
}

/** File size for `sampleCount` samples, checked against the 32-bit RIFF size field. */
export function checkedFileBytes(
  sampleCount: number,
  format: WavSampleFormat,
): number {
  const total = WAV_HEADER_BYTES[format] +
    sampleCount * WAV_BYTES_PER_SAMPLE[format];
  // RIFF size (total − 8) must stay below the "unknown length" marker.
  if (total - 8 >= WAV_UNKNOWN_SIZE) {
    throw new RangeError(
      `Cannot encode WAV: ${sampleCount} samples of ${format} exceed the 4 GiB RIFF size limit`,
    );
  }
  return total;
}

function writeId(view: DataView, offset: number, id: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(offset + i, id.charCodeAt(i));
}

/**
 * Writes the header of `options.format` at the start of `view`: real sizes for `sampleCount`
 * samples, or {@linkcode WAV_UNKNOWN_SIZE} in the RIFF, data and fact sizes when it is
 * `undefined` (a stream). `view` must hold at least the header.
 */
export function writeWavHeader(
  view: DataView,
  options: WavEncodeOptions,
  sampleCount: number | undefined,
): void {
  const { format, sampleRateHz } = options;
  const blockAlign = WAV_BYTES_PER_SAMPLE[format];
  const headerBytes = WAV_HEADER_BYTES[format];
  const dataBytes = sampleCount === undefined
    ? WAV_UNKNOWN_SIZE
    : sampleCount * blockAlign;
  const riffBytes = sampleCount === undefined
    ? WAV_UNKNOWN_SIZE
    : headerBytes - 8 + dataBytes;
  const fmtBytes = format === "pcm16" ? 16 : 18;
  writeId(view, 0, "RIFF");
  view.setUint32(4, riffBytes, true);
  writeId(view, 8, "WAVE");
  writeId(view, 12, "fmt ");
  view.setUint32(16, fmtBytes, true);
  view.setUint16(
    20,
    format === "pcm16" ? WAVE_FORMAT_PCM : WAVE_FORMAT_IEEE_FLOAT,
    true,
  );
  view.setUint16(22, 1, true); // channels
  view.setUint32(24, sampleRateHz, true);
  view.setUint32(28, sampleRateHz * blockAlign, true); // bytes per second
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, blockAlign * 8, true); // bits per sample
  let at = 36;
  if (format === "float32") {
    view.setUint16(at, 0, true); // cbSize: no extension
    writeId(view, at + 2, "fact");
    view.setUint32(at + 6, 4, true);
    view.setUint32(at + 10, sampleCount ?? WAV_UNKNOWN_SIZE, true); // sample frames
    at += 14;
  }
  writeId(view, at, "data");
  view.setUint32(at + 4, dataBytes, true);
}

/**
 * Writes `samples` in `format` into `out` from byte `offset` (which must have room): float32
 * bit-exact, pcm16 by {@linkcode pcm16FromFloat}. A straight byte copy or an aligned
 * `Int16Array` view on little-endian hosts; `DataView` otherwise.
 */
export function writeSamples(
  out: Uint8Array,
  offset: number,
  samples: Float32Array,
  format: WavSampleFormat,
): void {
  const n = samples.length;
  const start = out.byteOffset + offset;
  if (format === "float32") {
    if (HOST_IS_LITTLE_ENDIAN) {
      out.set(
        new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength),
        offset,
      );
      return;
    }
    const view = new DataView(out.buffer, start, n * 4);
    for (let i = 0; i < n; i++) view.setFloat32(i * 4, samples[i]!, true);
    return;
  }
  if (HOST_IS_LITTLE_ENDIAN && start % 2 === 0) {
    const codes = new Int16Array(out.buffer, start, n);
    // pcm16FromFloat() inlined by hand (twice as fast; `encodeWav()`'s tests check they agree).
    for (let i = 0; i < n; i++) {
      const x = samples[i]!;
      const scaled = (x > 1 ? 1 : x < -1 ? -1 : x) * PCM16_ENCODE_SCALE;
      codes[i] = scaled < 0 ? (scaled - 0.5) | 0 : (scaled + 0.5) | 0;
    }
    return;
  }
  const view = new DataView(out.buffer, start, n * 2);
  for (let i = 0; i < n; i++) {
    view.setInt16(i * 2, pcm16FromFloat(samples[i]!), true);
  }
}
