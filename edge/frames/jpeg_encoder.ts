/**
 * A baseline JPEG encoder in plain TypeScript (JFIF, YCbCr 4:2:0, Annex K tables, IJG quality
 * scaling): synchronous, no WASM, no dependencies, so it runs unchanged on Deno, Node, browsers and
 * Workers-style isolates.
 *
 * Why not a library: `jpeg-js` (pure JS) is several times slower with larger files, and mozjpeg
 * as WASM (`@jsquash/jpeg`) is async, needs its `.wasm` handed in per runtime and cannot turn off
 * trellis quantisation; only this encoder fits the 2 ms budget for a 256×256 frame (the comparison
 * is in BENCHMARKS.md, "JPEG encoder choice").
 *
 * The encoder plans once (quantisation divisors, Huffman codes) and reuses its block and output
 * buffers, so keep one per stream.
 *
 * @see https://www.w3.org/Graphics/JPEG/itu-t81.pdf
 * @module
 */

import { aanDivisors, forwardDct } from "./_jpeg_dct.ts";
import { BitWriter, type HuffmanCodes, huffmanCodes } from "./_jpeg_huffman.ts";
import {
  CHROMA_AC,
  CHROMA_DC,
  CHROMA_QUANT,
  type HuffmanSpec,
  LUMA_AC,
  LUMA_DC,
  LUMA_QUANT,
  scaleQuantTable,
  ZIGZAG,
} from "./_jpeg_tables.ts";
import { assertRgbImage, type RgbImage } from "./rgb_image.ts";

/** Options for {@linkcode JpegEncoder}. */
export interface JpegEncoderOptions {
  /** IJG quality, 1–100. @default {80} */
  quality?: number;
}

interface Component {
  divisors: Float32Array;
  dc: HuffmanCodes;
  ac: HuffmanCodes;
}

/**
 * Encodes RGB images as baseline JPEG.
 *
 * @example Encoding a grey 16×16 image
 * ```ts
 * import { JpegEncoder } from "@lipstream/edge/frames";
 * import assert from "node:assert/strict";
 *
 * const encoder = new JpegEncoder({ quality: 80 });
 * const jpeg = encoder.encode({ width: 16, height: 16, data: new Uint8Array(768).fill(128) });
 * assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8]);
 * assert.deepEqual([...jpeg.subarray(-2)], [0xff, 0xd9]);
 * ```
 */
export class JpegEncoder {
  #quality: number;
  #luma: Component;
  #chroma: Component;
  #tables: Uint8Array;
  #blocks = new Float32Array(6 * 64);
  #writer = new BitWriter(1 << 16);

  /**
   * Plans an encoder for one quality.
   *
   * @param options Quality.
   */
  constructor(options: JpegEncoderOptions = {}) {
    const quality = options.quality ?? 80;
    if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
      throw new RangeError(
        `Cannot create JPEG encoder: quality must be an integer in [1, 100]: received ${quality}`,
      );
    }
    this.#quality = quality;
    const lumaQuant = scaleQuantTable(LUMA_QUANT, quality);
    const chromaQuant = scaleQuantTable(CHROMA_QUANT, quality);
    this.#luma = component(lumaQuant, LUMA_DC, LUMA_AC);
    this.#chroma = component(chromaQuant, CHROMA_DC, CHROMA_AC);
    this.#tables = tableSegments(lumaQuant, chromaQuant);
  }

  /** The IJG quality this encoder was planned for. */
  get quality(): number {
    return this.#quality;
  }

  /**
   * Encodes one image.
   *
   * @param image The RGB image.
   * @returns A new buffer holding the JFIF file.
   */
  encode(image: RgbImage): Uint8Array {
    assertRgbImage(image, "encode JPEG");
    const { width, height } = image;
    if (width > 0xffff || height > 0xffff) {
      throw new RangeError(
        `Cannot encode JPEG: image must be at most 65535×65535: received ${width}×${height}`,
      );
    }
    const writer = this.#writer;
    writer.reset();
    writer.bytes(this.#tables.subarray(0, JFIF_AND_DQT_BYTES));
    writer.bytes(frameHeader(width, height));
    writer.bytes(this.#tables.subarray(JFIF_AND_DQT_BYTES));
    this.#scan(image);
    writer.flush();
    writer.bytes([0xff, 0xd9]);
    return writer.toBytes();
  }

  #scan(image: RgbImage): void {
    const { width, height, data } = image;
    const blocks = this.#blocks;
    const columns = clampedOffsets(width, 3);
    const rows = clampedOffsets(height, width * 3);
    let dcY = 0, dcCb = 0, dcCr = 0;
    for (let my = 0; my < rows.length; my += 16) {
      for (let mx = 0; mx < columns.length; mx += 16) {
        for (let yy = 0; yy < 16; yy += 2) {
          const row0 = rows[my + yy]!, row1 = rows[my + yy + 1]!;
          const luma = (yy >> 3) * 128 + (yy & 7) * 8;
          const chroma = 256 + (yy >> 1) * 8;
          for (let xx = 0; xx < 16; xx += 2) {
            const p00 = row0 + columns[mx + xx]!,
              p01 = row0 + columns[mx + xx + 1]!;
            const p10 = row1 + columns[mx + xx]!,
              p11 = row1 + columns[mx + xx + 1]!;
            const y0 = luma + (xx >> 3) * 64 + (xx & 7);
            let r = data[p00]!, g = data[p00 + 1]!, b = data[p00 + 2]!;
            blocks[y0] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
            let rs = r, gs = g, bs = b;
            r = data[p01]!, g = data[p01 + 1]!, b = data[p01 + 2]!;
            blocks[y0 + 1] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
            rs += r, gs += g, bs += b;
            r = data[p10]!, g = data[p10 + 1]!, b = data[p10 + 2]!;
            blocks[y0 + 8] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
            rs += r, gs += g, bs += b;
            r = data[p11]!, g = data[p11 + 1]!, b = data[p11 + 2]!;
            blocks[y0 + 9] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
            rs += r, gs += g, bs += b;
            // Chroma of the 2×2 average (4:2:0): the coefficients below already include the ¼.
            const c = chroma + (xx >> 1);
            blocks[c] = -0.042184 * rs - 0.082816 * gs + 0.125 * bs;
            blocks[c + 64] = 0.125 * rs - 0.104672 * gs - 0.020328 * bs;
          }
        }
        dcY = this.#block(0, dcY, this.#luma);
        dcY = this.#block(64, dcY, this.#luma);
        dcY = this.#block(128, dcY, this.#luma);
        dcY = this.#block(192, dcY, this.#luma);
        dcCb = this.#block(256, dcCb, this.#chroma);
        dcCr = this.#block(320, dcCr, this.#chroma);
      }
    }
  }

  #block(offset: number, previousDc: number, table: Component): number {
    const blocks = this.#blocks, writer = this.#writer, div = table.divisors;
    forwardDct(blocks, offset);
    const dc = Math.round(blocks[offset]! * div[0]!);
    writeValue(writer, table.dc, 0, dc - previousDc);
    let run = 0;
    for (let k = 1; k < 64; k++) {
      const n = ZIGZAG[k]!;
      const value = Math.round(blocks[offset + n]! * div[n]!);
      if (value === 0) {
        run++;
        continue;
      }
      for (; run > 15; run -= 16) {
        writer.bits(table.ac.code[0xf0]!, table.ac.length[0xf0]!);
      }
      writeValue(writer, table.ac, run << 4, value);
      run = 0;
    }
    if (run > 0) writer.bits(table.ac.code[0]!, table.ac.length[0]!);
    return dc;
  }
}

const JFIF_AND_DQT_BYTES = 2 + 18 + 134;

/** Writes symbol `(run << 4) | size(value)` then `size` bits of the value (T.81 F.1.2.1). */
function writeValue(
  writer: BitWriter,
  codes: HuffmanCodes,
  run: number,
  value: number,
): void {
  const magnitude = value < 0 ? -value : value;
  const size = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
  const symbol = run | size;
  writer.bits(codes.code[symbol]!, codes.length[symbol]!);
  if (size > 0) writer.bits(value < 0 ? value - 1 : value, size);
}

function component(
  quant: Uint8Array,
  dc: HuffmanSpec,
  ac: HuffmanSpec,
): Component {
  return {
    divisors: aanDivisors(quant),
    dc: huffmanCodes(dc),
    ac: huffmanCodes(ac),
  };
}

/** Byte offsets of coordinates 0 … (padded to 16) − 1, edge pixels repeated past the image. */
function clampedOffsets(size: number, step: number): Int32Array {
  const padded = Math.ceil(size / 16) * 16;
  return Int32Array.from(
    { length: padded },
    (_, i) => Math.min(i, size - 1) * step,
  );
}

/** SOI, APP0 (JFIF 1.01), DQT, then (after SOF0 is spliced in) DHT and SOS. */
function tableSegments(luma: Uint8Array, chroma: Uint8Array): Uint8Array {
  const zigzag = (table: Uint8Array) => [...ZIGZAG].map((n) => table[n]!);
  const dht = (
    id: number,
    spec: HuffmanSpec,
  ) => [id, ...spec.counts, ...spec.symbols];
  const huffman = [
    ...dht(0x00, LUMA_DC),
    ...dht(0x10, LUMA_AC),
    ...dht(0x01, CHROMA_DC),
    ...dht(0x11, CHROMA_AC),
  ];
  return Uint8Array.from([
    ...[0xff, 0xd8],
    ...[
      0xff,
      0xe0,
      0,
      16,
      0x4a,
      0x46,
      0x49,
      0x46,
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
    ],
    ...[0xff, 0xdb, 0, 132, 0, ...zigzag(luma), 1, ...zigzag(chroma)],
    ...[
      0xff,
      0xc4,
      (huffman.length + 2) >> 8,
      (huffman.length + 2) & 0xff,
      ...huffman,
    ],
    ...[0xff, 0xda, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0],
  ]);
}

/** SOF0: 8-bit, three components, Y sampled 2×2 (table 0), Cb and Cr 1×1 (table 1). */
function frameHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    ...[
      0xff,
      0xc0,
      0,
      17,
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
    ],
    ...[1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
  ]);
}
