/**
 * `/favicon.ico`: a 16×16 icon drawn in code (a dark rounded face with an
 * open mouth), encoded as an ICO holding one 32-bit BMP image (Microsoft's
 * ICO layout: ICONDIR, one ICONDIRENTRY, BITMAPINFOHEADER, bottom-up BGRA
 * rows, then the 1-bit AND mask).
 *
 * @module
 */

const SIZE = 16;

/** BGRA of pixel (x, y), y from the top. */
function pixel(x: number, y: number): [number, number, number, number] {
  const cx = x + 0.5 - SIZE / 2;
  const cy = y + 0.5 - SIZE / 2;
  const corner = Math.max(Math.abs(cx) - 5, 0) ** 2 +
    Math.max(Math.abs(cy) - 5, 0) ** 2;
  if (corner > 9) return [0, 0, 0, 0]; // outside the rounded square
  const mouth = (cx / 4) ** 2 + ((cy - 2.5) / 2) ** 2 <= 1;
  if (mouth) return [0x50, 0x40, 0xe0, 0xff]; // red (BGR order)
  const eye = (Math.abs(cx) - 3) ** 2 + (cy + 2.5) ** 2 <= 1.2;
  if (eye) return [0xf0, 0xf0, 0xf0, 0xff];
  return [0x30, 0x24, 0x1d, 0xff]; // #1d2430, the stage's background
}

function encodeIcon(): Uint8Array<ArrayBuffer> {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // 16 bits per row, padded to 32
  const imageBytes = 40 + pixels + mask;
  const out = new Uint8Array(6 + 16 + imageBytes);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  out[6] = SIZE;
  out[7] = SIZE;
  view.setUint16(10, 1, true); // planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, imageBytes, true);
  view.setUint32(18, 22, true); // image offset
  view.setUint32(22, 40, true); // BITMAPINFOHEADER size
  view.setInt32(26, SIZE, true);
  view.setInt32(30, SIZE * 2, true); // XOR and AND masks
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + mask, true);
  for (let row = 0; row < SIZE; row++) {
    const y = SIZE - 1 - row; // bottom-up
    for (let x = 0; x < SIZE; x++) {
      out.set(pixel(x, y), 62 + (row * SIZE + x) * 4);
    }
  }
  return out; // the AND mask stays 0: alpha decides
}

/** The icon's bytes (`image/x-icon`). */
export const FAVICON_ICO: Uint8Array<ArrayBuffer> = encodeIcon();
