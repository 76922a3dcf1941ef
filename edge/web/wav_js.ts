/**
 * Browser module `/web/wav.js`: reads a PCM16 or float32 WAV (the formats the
 * edge writes, see `shared/wav_format.ts`) into per-channel `Float32Array`s,
 * so the client can build an `AudioBuffer` at the WAV's own sample rate and
 * place it on the timeline exactly (no resampling rounding at sentence joins).
 *
 * @module
 */

/** Source of `/web/wav.js`. */
export const WAV_JS: string = String
  .raw`// WAV (RIFF) reader for PCM 16-bit and IEEE float 32-bit, any channel count.
const PCM = 1;
const IEEE_FLOAT = 3;
const EXTENSIBLE = 0xfffe;

function fourcc(view, offset) {
  return String.fromCharCode(
    view.getUint8(offset), view.getUint8(offset + 1),
    view.getUint8(offset + 2), view.getUint8(offset + 3),
  );
}

/**
 * Parses a WAV file.
 * Returns {sampleRate, channels: Float32Array[]}; throws RangeError for
 * formats other than PCM16 and float32, SyntaxError for a broken file.
 */
export function parseWav(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || fourcc(view, 0) !== "RIFF" || fourcc(view, 8) !== "WAVE") {
    throw new SyntaxError("Cannot parse WAV: not a RIFF/WAVE file");
  }
  let format;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = fourcc(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      let tag = view.getUint16(body, true);
      if (tag === EXTENSIBLE && size >= 40) tag = view.getUint16(body + 24, true);
      format = {
        tag,
        channelCount: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (!format) throw new SyntaxError("Cannot parse WAV: data chunk before fmt chunk");
      const available = bytes.byteLength - body;
      const dataBytes = size === 0xffffffff ? available : Math.min(size, available);
      return { sampleRate: format.sampleRate, channels: readSamples(view, body, dataBytes, format) };
    }
    offset = body + size + (size & 1);
  }
  throw new SyntaxError("Cannot parse WAV: no data chunk");
}

function readSamples(view, start, byteCount, format) {
  const { tag, bits, channelCount } = format;
  const pcm16 = tag === PCM && bits === 16;
  const float32 = tag === IEEE_FLOAT && bits === 32;
  if (!pcm16 && !float32) {
    throw new RangeError("Cannot parse WAV: only PCM16 and float32 are read here: tag " + tag + ", " + bits + " bits");
  }
  const bytesPerSample = bits / 8;
  const frames = Math.floor(byteCount / (bytesPerSample * channelCount));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  let offset = start;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      channels[c][i] = pcm16 ? view.getInt16(offset, true) / 32768 : view.getFloat32(offset, true);
      offset += bytesPerSample;
    }
  }
  return channels;
}
`;
