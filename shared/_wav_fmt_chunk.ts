/**
 * Internal: parses and checks a `fmt ` chunk, plain (`WAVEFORMAT`/`WAVEFORMATEX`) or
 * WAVE_FORMAT_EXTENSIBLE (Microsoft's `WAVEFORMATEX` and `WAVEFORMATEXTENSIBLE` docs; P. Kabal's
 * WAVE page, https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/WAVE/WAVE.html).
 *
 * @module
 */
import {
  WAVE_FORMAT_EXTENSIBLE,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_PCM,
} from "./wav_format.ts";
import { WavFormatError } from "./wav_error.ts";

/** How the samples of a WAV file are stored. */
export interface WavSampleEncoding {
  /** `wFormatTag` as written: 1 (PCM), 3 (IEEE float) or 0xFFFE (extensible). */
  formatTag: number;
  /** Integer PCM (8-bit unsigned, wider signed) or IEEE float. */
  sampleType: "pcm" | "float";
  /** Bits per sample container: 8, 16, 24 or 32 for PCM; 32 or 64 for float. */
  bitsPerSample: number;
  /** Number of interleaved channels, at least 1. */
  channelCount: number;
  /** Sample rate in Hz, at least 1. */
  sampleRateHz: number;
  /** Bytes per sample frame (all channels): `channelCount × bitsPerSample / 8`. */
  blockAlign: number;
}

/**
 * Bytes 2–15 of the KSDATAFORMAT_SUBTYPE GUIDs `{XXXXXXXX-0000-0010-8000-00AA00389B71}` after the
 * 16-bit format code (the tail scipy's `scipy/io/wavfile.py` compares against).
 */
const SUBFORMAT_GUID_TAIL = [
  0x00,
  0x00,
  0x00,
  0x00,
  0x10,
  0x00,
  0x80,
  0x00,
  0x00,
  0xaa,
  0x00,
  0x38,
  0x9b,
  0x71,
] as const;

const PCM_BITS = [8, 16, 24, 32];
const FLOAT_BITS = [32, 64];

/** Names of common tags this reader does not decode, for the error message. */
const UNSUPPORTED_TAG_NAMES: Readonly<Record<number, string>> = {
  0x0002: "MS ADPCM",
  0x0006: "A-law",
  0x0007: "µ-law",
  0x0011: "IMA ADPCM",
  0x0055: "MP3",
};

function fail(detail: string): never {
  throw new WavFormatError(`Cannot decode WAV: ${detail}`);
}

function hex16(value: number): string {
  return `0x${value.toString(16).padStart(4, "0")}`;
}

/** The format code inside an extensible chunk's SubFormat GUID at `at`. */
function subFormatCode(view: DataView, at: number): number {
  for (let i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
    if (view.getUint8(at + 2 + i) !== SUBFORMAT_GUID_TAIL[i]) {
      const guid = Array.from(
        { length: 16 },
        (_, k) => view.getUint8(at + k).toString(16).padStart(2, "0"),
      ).join("");
      fail(`unsupported WAVE_FORMAT_EXTENSIBLE SubFormat GUID bytes ${guid}`);
    }
  }
  return view.getUint16(at, true);
}

/**
 * Reads the `fmt ` chunk body of `size` bytes at `at` (the caller checked it lies in `view`).
 *
 * @throws {WavFormatError} On a short chunk, zero channels or rate, an unsupported tag, subformat
 * or bit depth, or a block align that does not match channels × bits.
 */
export function parseFmtChunk(
  view: DataView,
  at: number,
  size: number,
): WavSampleEncoding {
  if (size < 16) fail(`"fmt " chunk is ${size} bytes, needs at least 16`);
  const formatTag = view.getUint16(at, true);
  const channelCount = view.getUint16(at + 2, true);
  const sampleRateHz = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  let code = formatTag;
  if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) {
      fail(`WAVE_FORMAT_EXTENSIBLE "fmt " chunk is ${size} bytes, needs 40`);
    }
    const extraBytes = view.getUint16(at + 16, true);
    if (extraBytes < 22) {
      fail(`WAVE_FORMAT_EXTENSIBLE cbSize is ${extraBytes}, needs at least 22`);
    }
    code = subFormatCode(view, at + 24);
  }
  let sampleType: "pcm" | "float";
  if (code === WAVE_FORMAT_PCM) sampleType = "pcm";
  else if (code === WAVE_FORMAT_IEEE_FLOAT) sampleType = "float";
  else {
    const name = UNSUPPORTED_TAG_NAMES[code];
    fail(
      `unsupported format tag ${hex16(code)}${
        name ? ` (${name})` : ""
      }: only PCM (1) and IEEE float (3) are read`,
    );
  }
  const allowedBits = sampleType === "pcm" ? PCM_BITS : FLOAT_BITS;
  if (!allowedBits.includes(bitsPerSample)) {
    fail(
      `unsupported ${bitsPerSample} bits per sample for ${sampleType}: expected one of ${
        allowedBits.join(", ")
      }`,
    );
  }
  if (channelCount === 0) fail("channel count is 0");
  if (sampleRateHz === 0) fail("sample rate is 0");
  const expectedAlign = channelCount * bitsPerSample / 8;
  if (blockAlign !== expectedAlign) {
    fail(
      `block align is ${blockAlign} but ${channelCount} channel(s) of ${bitsPerSample}-bit samples need ${expectedAlign}`,
    );
  }
  return {
    formatTag,
    sampleType,
    bitsPerSample,
    channelCount,
    sampleRateHz,
    blockAlign,
  };
}
