/**
 * Huffman code tables for the JPEG encoder, and the bit writer with 0xFF byte stuffing.
 *
 * @module
 */

import type { HuffmanSpec } from "./_jpeg_tables.ts";

/** Code and length per symbol (T.81 Annex C, canonical codes). */
export interface HuffmanCodes {
  code: Uint16Array;
  length: Uint8Array;
}

/** Builds the canonical code of every symbol of a DHT table. */
export function huffmanCodes(spec: HuffmanSpec): HuffmanCodes {
  const codes: HuffmanCodes = {
    code: new Uint16Array(256),
    length: new Uint8Array(256),
  };
  let code = 0, k = 0;
  for (let bits = 1; bits <= 16; bits++) {
    for (let i = 0; i < spec.counts[bits - 1]!; i++, k++) {
      const symbol = spec.symbols[k]!;
      codes.code[symbol] = code++;
      codes.length[symbol] = bits;
    }
    code <<= 1;
  }
  return codes;
}

/** An MSB-first bit writer into a growable byte buffer; stuffs a 0x00 after every 0xFF. */
export class BitWriter {
  #bytes: Uint8Array;
  #at = 0;
  #acc = 0;
  #bits = 0;

  constructor(capacity: number) {
    this.#bytes = new Uint8Array(capacity);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#at;
  }

  /** Starts over, keeping the buffer. */
  reset(): void {
    this.#at = 0;
    this.#acc = 0;
    this.#bits = 0;
  }

  /** Appends raw bytes (markers and headers; no stuffing). */
  bytes(data: ArrayLike<number>): void {
    this.#reserve(data.length);
    this.#bytes.set(data, this.#at);
    this.#at += data.length;
  }

  /** Appends the low `count` (≤ 16) bits of `value`. */
  bits(value: number, count: number): void {
    this.#acc = (this.#acc << count) | (value & ((1 << count) - 1));
    this.#bits += count;
    if (this.#bits < 8) return;
    this.#reserve(4);
    const out = this.#bytes;
    while (this.#bits >= 8) {
      this.#bits -= 8;
      const byte = (this.#acc >>> this.#bits) & 0xff;
      out[this.#at++] = byte;
      if (byte === 0xff) out[this.#at++] = 0;
    }
    this.#acc &= (1 << this.#bits) - 1;
  }

  /** Pads the last byte with 1-bits (T.81 F.1.2.3). */
  flush(): void {
    if (this.#bits > 0) this.bits(0x7f, 8 - this.#bits);
  }

  /** A copy of the bytes written. */
  toBytes(): Uint8Array {
    return this.#bytes.slice(0, this.#at);
  }

  #reserve(extra: number): void {
    if (this.#at + extra <= this.#bytes.length) return;
    const grown = new Uint8Array(
      Math.max(this.#bytes.length * 2, this.#at + extra),
    );
    grown.set(this.#bytes.subarray(0, this.#at));
    this.#bytes = grown;
  }
}
