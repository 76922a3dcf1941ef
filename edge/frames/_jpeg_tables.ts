/**
 * Baseline JPEG constants from ITU-T T.81: the zig-zag order (Figure A.6), the example
 * quantisation tables (Annex K.1) and the typical Huffman tables (Annex K.3), plus the IJG
 * quality scaling.
 *
 * @see https://www.w3.org/Graphics/JPEG/itu-t81.pdf
 * @module
 */

/** `ZIGZAG[k]` is the natural (row-major) index of the k-th coefficient in zig-zag order. */
export const ZIGZAG: Uint8Array = Uint8Array.from([
  0,
  1,
  8,
  16,
  9,
  2,
  3,
  10,
  17,
  24,
  32,
  25,
  18,
  11,
  4,
  5,
  12,
  19,
  26,
  33,
  40,
  48,
  41,
  34,
  27,
  20,
  13,
  6,
  7,
  14,
  21,
  28,
  35,
  42,
  49,
  56,
  57,
  50,
  43,
  36,
  29,
  22,
  15,
  23,
  30,
  37,
  44,
  51,
  58,
  59,
  52,
  45,
  38,
  31,
  39,
  46,
  53,
  60,
  61,
  54,
  47,
  55,
  62,
  63,
]);

/** Annex K.1 luminance quantisation table, natural order. */
export const LUMA_QUANT: Uint8Array = Uint8Array.from([
  16,
  11,
  10,
  16,
  24,
  40,
  51,
  61,
  12,
  12,
  14,
  19,
  26,
  58,
  60,
  55,
  14,
  13,
  16,
  24,
  40,
  57,
  69,
  56,
  14,
  17,
  22,
  29,
  51,
  87,
  80,
  62,
  18,
  22,
  37,
  56,
  68,
  109,
  103,
  77,
  24,
  35,
  55,
  64,
  81,
  104,
  113,
  92,
  49,
  64,
  78,
  87,
  103,
  121,
  120,
  101,
  72,
  92,
  95,
  98,
  112,
  100,
  103,
  99,
]);

/** Annex K.1 chrominance quantisation table, natural order. */
export const CHROMA_QUANT: Uint8Array = Uint8Array.from(
  { length: 64 },
  (_, i) => {
    const top = [
      17,
      18,
      24,
      47,
      18,
      21,
      26,
      66,
      24,
      26,
      56,
      99,
      47,
      66,
      99,
      99,
    ];
    const row = i >> 3, col = i & 7;
    return row < 4 && col < 4 ? top[row * 4 + col]! : 99;
  },
);

/** A Huffman table as stored in DHT: code counts per length 1–16, then the symbols. */
export interface HuffmanSpec {
  counts: readonly number[];
  symbols: readonly number[];
}

const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Annex K.3, Table K.3. */
export const LUMA_DC: HuffmanSpec = {
  counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  symbols: DC_SYMBOLS,
};

/** Annex K.3, Table K.4. */
export const CHROMA_DC: HuffmanSpec = {
  counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
  symbols: DC_SYMBOLS,
};

/** Run/size symbols `(run << 4) | size` for sizes `firstSize`–10: the regular tail of the AC tables. */
function runSizes(firstSize: number, runs: readonly number[]): number[] {
  return runs.flatMap((run) =>
    Array.from(
      { length: 11 - firstSize },
      (_, k) => (run << 4) | (firstSize + k),
    )
  );
}

/** Annex K.3, Table K.5. */
export const LUMA_AC: HuffmanSpec = {
  counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  symbols: [
    0x01,
    0x02,
    0x03,
    0x00,
    0x04,
    0x11,
    0x05,
    0x12,
    0x21,
    0x31,
    0x41,
    0x06,
    0x13,
    0x51,
    0x61,
    0x07,
    0x22,
    0x71,
    0x14,
    0x32,
    0x81,
    0x91,
    0xa1,
    0x08,
    0x23,
    0x42,
    0xb1,
    0xc1,
    0x15,
    0x52,
    0xd1,
    0xf0,
    0x24,
    0x33,
    0x62,
    0x72,
    0x82,
    0x09,
    0x0a,
    0x16,
    0x17,
    0x18,
    0x19,
    0x1a,
    0x25,
    0x26,
    0x27,
    0x28,
    0x29,
    0x2a,
    0x34,
    0x35,
    0x36,
    0x37,
    0x38,
    0x39,
    0x3a,
    ...runSizes(3, [4, 5, 6, 7, 8]),
    ...runSizes(2, [9, 10, 11, 12, 13]),
    ...runSizes(1, [14, 15]),
  ],
};

/** Annex K.3, Table K.6. */
export const CHROMA_AC: HuffmanSpec = {
  counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  symbols: [
    0x00,
    0x01,
    0x02,
    0x03,
    0x11,
    0x04,
    0x05,
    0x21,
    0x31,
    0x06,
    0x12,
    0x41,
    0x51,
    0x07,
    0x61,
    0x71,
    0x13,
    0x22,
    0x32,
    0x81,
    0x08,
    0x14,
    0x42,
    0x91,
    0xa1,
    0xb1,
    0xc1,
    0x09,
    0x23,
    0x33,
    0x52,
    0xf0,
    0x15,
    0x62,
    0x72,
    0xd1,
    0x0a,
    0x16,
    0x24,
    0x34,
    0xe1,
    0x25,
    0xf1,
    0x17,
    0x18,
    0x19,
    0x1a,
    0x26,
    0x27,
    0x28,
    0x29,
    0x2a,
    ...runSizes(5, [3]),
    ...runSizes(3, [4, 5, 6, 7]),
    ...runSizes(2, [8, 9, 10, 11, 12, 13]),
    ...runSizes(2, [14, 15]),
  ],
};

/**
 * Scales a base table to an IJG quality (1–100): `5000 / q` below 50, `200 − 2q` from 50, each
 * entry clamped to 1–255.
 */
export function scaleQuantTable(base: Uint8Array, quality: number): Uint8Array {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return base.map((v) =>
    Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100)))
  );
}
