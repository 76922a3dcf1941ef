/**
 * Builds RIFF/WAVE bytes chunk by chunk for reader tests, including malformed ones. Written
 * independently of the encoder in `shared/`, from the RIFF layout (P. Kabal's WAVE page,
 * https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/WAVE/WAVE.html): little-endian `RIFF`
 * size `WAVE`, then chunks of id + u32 size + body, each odd-sized body followed by a pad byte.
 *
 * @module
 */

/** One chunk: its id, body and optionally a declared size that differs from the body's. */
export interface TestChunk {
  id: string;
  body: Uint8Array;
  /** Size field to write instead of `body.length` (e.g. larger than the file). */
  declaredSize?: number;
  /** Leave out the pad byte after an odd-sized body. */
  noPad?: boolean;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** `RIFF <size> WAVE` then the chunks, each padded to even length unless told otherwise. */
export function buildRiff(
  chunks: readonly TestChunk[],
  options: { magic?: string; form?: string; riffSize?: number } = {},
): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [ascii(options.form ?? "WAVE")];
  for (const chunk of chunks) {
    const header = new Uint8Array(8);
    header.set(ascii(chunk.id));
    new DataView(header.buffer).setUint32(
      4,
      chunk.declaredSize ?? chunk.body.length,
      true,
    );
    parts.push(header, chunk.body);
    if (chunk.body.length % 2 === 1 && !chunk.noPad) {
      parts.push(new Uint8Array(1));
    }
  }
  const bodyLength = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(8 + bodyLength);
  out.set(ascii(options.magic ?? "RIFF"));
  new DataView(out.buffer).setUint32(4, options.riffSize ?? bodyLength, true);
  let at = 8;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Fields of a plain 16-byte `fmt ` body. */
export interface FmtFields {
  tag: number;
  channels: number;
  rateHz: number;
  bits: number;
  /** Defaults to `channels × bits / 8`. */
  blockAlign?: number;
}

/** A 16-byte (or, with `extraBytes`, longer) `fmt ` body. */
export function fmtBody(
  fields: FmtFields,
  extraBytes?: Uint8Array,
): Uint8Array {
  const body = new Uint8Array(16 + (extraBytes?.length ?? 0));
  const view = new DataView(body.buffer);
  const blockAlign = fields.blockAlign ?? fields.channels * fields.bits / 8;
  view.setUint16(0, fields.tag, true);
  view.setUint16(2, fields.channels, true);
  view.setUint32(4, fields.rateHz, true);
  view.setUint32(8, fields.rateHz * blockAlign, true);
  view.setUint16(12, blockAlign, true);
  view.setUint16(14, fields.bits, true);
  if (extraBytes) body.set(extraBytes, 16);
  return body;
}

/** The GUID tail `00 00 00 00 10 00 80 00 00 AA 00 38 9B 71` after the 16-bit code. */
const GUID_TAIL = [0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71];

/** A 40-byte WAVE_FORMAT_EXTENSIBLE `fmt ` body with SubFormat `code` (1 PCM, 3 float). */
export function extensibleFmtBody(
  fields: Omit<FmtFields, "tag"> & {
    code: number;
    validBits?: number;
    cbSize?: number;
    guidTail?: readonly number[];
  },
): Uint8Array {
  const extra = new Uint8Array(24);
  const view = new DataView(extra.buffer);
  view.setUint16(0, fields.cbSize ?? 22, true);
  view.setUint16(2, fields.validBits ?? fields.bits, true);
  view.setUint32(4, 0, true); // channel mask
  view.setUint16(8, fields.code, true);
  extra.set(fields.guidTail ?? GUID_TAIL, 10);
  return fmtBody({ ...fields, tag: 0xfffe }, extra);
}

/** ASCII bytes of `text`, e.g. for a `LIST` body. */
export function asciiBytes(text: string): Uint8Array {
  return ascii(text);
}
