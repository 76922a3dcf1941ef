/**
 * Finds the sample format and the sample bytes of a WAV file without decoding them.
 *
 * **What it reads.** Little-endian `RIFF`/`WAVE` only (not `RIFX`, `RF64`). Chunks are walked
 * from byte 12, each padded to an even size; unknown chunks (`LIST`, `fact`, `cue `, …) are
 * skipped, as is everything after the first `fmt ` and `data` once both are found. The RIFF
 * size and the byte rate are not checked (streams write `0xFFFFFFFF`; FFmpeg ignores both).
 *
 * **Data size.** A data chunk that declares more bytes than the file holds (a cut file, or
 * the `0xFFFFFFFF` of a stream header) is read to the end of the last whole sample frame
 * present, and `truncated` says so; a trailing partial frame is dropped. A declared size of 0
 * means no samples (unlike FFmpeg, which reads 0 as "to the end").
 *
 * @module
 */
import { parseFmtChunk, type WavSampleEncoding } from "./_wav_fmt_chunk.ts";
import { WavFormatError } from "./wav_error.ts";

export type { WavSampleEncoding } from "./_wav_fmt_chunk.ts";

/** A WAV file's sample format and where its whole sample frames lie. */
export interface WavInfo extends WavSampleEncoding {
  /** Byte offset of the first sample in the file. */
  dataOffset: number;
  /** Number of whole sample frames (one sample per channel) present. */
  frameCount: number;
  /** True when the data chunk declared more bytes than the file holds. */
  truncated: boolean;
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

function fail(detail: string): never {
  throw new WavFormatError(`Cannot decode WAV: ${detail}`);
}

/** A four-byte id for messages: quoted when printable ASCII, hex otherwise. */
function describeId(bytes: Uint8Array, at: number): string {
  const id = bytes.subarray(at, at + 4);
  return id.every((b) => b >= 0x20 && b < 0x7f)
    ? JSON.stringify(String.fromCharCode(...id))
    : `0x${Array.from(id, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function idIs(bytes: Uint8Array, at: number, id: string): boolean {
  for (let i = 0; i < 4; i++) {
    if (bytes[at + i] !== id.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Reads a WAV file's format and locates its samples; {@linkcode decodeWav} builds on it.
 *
 * @param bytes The whole file (or a stream's prefix: see the module notes on data size).
 * @returns The sample encoding, the offset of the first sample and the whole-frame count.
 * @throws {WavFormatError} If the bytes are shorter than the RIFF header, are not `RIFF`/`WAVE`,
 * lack a `fmt ` or `data` chunk, hold a chunk (other than data) that runs past the end, or have
 * an invalid or unsupported `fmt ` chunk.
 * @example A float32 stream header with no samples yet
 * ```ts
 * import { encodeWavStreamHeader, readWavInfo } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const info = readWavInfo(encodeWavStreamHeader({ sampleRateHz: 22050, format: "float32" }));
 * assert.equal(info.sampleType, "float");
 * assert.equal(info.sampleRateHz, 22050);
 * assert.equal(info.dataOffset, 58);
 * assert.equal(info.frameCount, 0);
 * assert.equal(info.truncated, true);
 * ```
 */
export function readWavInfo(bytes: Uint8Array): WavInfo {
  const length = bytes.length;
  if (length < RIFF_HEADER_BYTES) {
    fail(`file is ${length} bytes, shorter than the 12-byte RIFF header`);
  }
  if (!idIs(bytes, 0, "RIFF")) {
    const unsupported = idIs(bytes, 0, "RIFX") || idIs(bytes, 0, "RF64");
    fail(
      unsupported
        ? `${
          describeId(bytes, 0)
        } files are not supported, only little-endian "RIFF"`
        : `file starts with ${describeId(bytes, 0)}, not "RIFF"`,
    );
  }
  if (!idIs(bytes, 8, "WAVE")) {
    fail(`RIFF form type is ${describeId(bytes, 8)}, not "WAVE"`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  let encoding: WavSampleEncoding | undefined;
  let dataOffset = -1, dataBytes = 0;
  let at = RIFF_HEADER_BYTES;
  for (;;) {
    if (encoding !== undefined && dataOffset >= 0) {
      return withData(encoding, dataOffset, dataBytes, false);
    }
    if (at + CHUNK_HEADER_BYTES > length) {
      fail(
        `no ${
          encoding === undefined ? '"fmt "' : '"data"'
        } chunk before the end of the file`,
      );
    }
    const size = view.getUint32(at + 4, true);
    const body = at + CHUNK_HEADER_BYTES;
    const remaining = length - body;
    if (idIs(bytes, at, "data") && dataOffset < 0) {
      dataOffset = body;
      dataBytes = size;
      if (size > remaining) {
        if (encoding === undefined) {
          fail(
            'no "fmt " chunk before the data chunk that runs to the end of the file',
          );
        }
        return withData(encoding, body, remaining, true);
      }
    } else if (size > remaining) {
      fail(
        `chunk ${
          describeId(bytes, at)
        } at byte ${at} declares ${size} bytes but only ${remaining} remain`,
      );
    } else if (idIs(bytes, at, "fmt ") && encoding === undefined) {
      encoding = parseFmtChunk(view, body, size);
    }
    at = body + size + (size & 1);
  }
}

function withData(
  encoding: WavSampleEncoding,
  dataOffset: number,
  dataBytes: number,
  truncated: boolean,
): WavInfo {
  return {
    ...encoding,
    dataOffset,
    frameCount: Math.floor(dataBytes / encoding.blockAlign),
    truncated,
  };
}
