/**
 * WAV (RIFF WAVE) constants and the two sample formats Lipstream writes.
 *
 * All multi-byte fields are little-endian. Layouts written by this package:
 * - `pcm16`: `RIFF` `WAVE`, `fmt ` (16 bytes, tag 1), `data`: a 44-byte header;
 * - `float32`: `RIFF` `WAVE`, `fmt ` (18 bytes, tag 3, cbSize 0), `fact` (sample frames),
 *   `data`: a 58-byte header, byte for byte what scipy's `wavfile.write` writes for float32.
 *
 * @see https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/WAVE/WAVE.html
 * @module
 */

/** Sample formats Lipstream writes: 16-bit integer PCM or 32-bit IEEE float, mono. */
export type WavSampleFormat = "pcm16" | "float32";

/** Options of the WAV encoders. */
export interface WavEncodeOptions {
  /** Sample rate in Hz: a positive integer below 2³². */
  sampleRateHz: number;
  /** How each sample is stored. */
  format: WavSampleFormat;
}

/** `wFormatTag` of integer PCM. */
export const WAVE_FORMAT_PCM = 0x0001;
/** `wFormatTag` of IEEE float. */
export const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
/** `wFormatTag` of WAVE_FORMAT_EXTENSIBLE: the real format is in the SubFormat GUID. */
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/**
 * The RIFF and data chunk size written for a stream of unknown length. FFmpeg (so Chrome)
 * and Firefox read such a data chunk to the end of the stream (FFmpeg/FFmpeg
 * `libavformat/wavdec.c`: "Ignoring maximum wav data size"; mozilla/gecko-dev
 * `dom/media/wave/WaveDemuxer.cpp`).
 */
export const WAV_UNKNOWN_SIZE = 0xffffffff;

/** Header bytes before the first sample, per format. */
export const WAV_HEADER_BYTES: Readonly<Record<WavSampleFormat, number>> = {
  pcm16: 44,
  float32: 58,
};

/** Bytes per (mono) sample, per format. */
export const WAV_BYTES_PER_SAMPLE: Readonly<Record<WavSampleFormat, number>> = {
  pcm16: 2,
  float32: 4,
};
