import assert from "node:assert/strict";
import { decodeJpeg } from "./jpeg_decode.ts";
import { JpegEncoder } from "./jpeg_encoder.ts";

function gradient(width: number, height: number) {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set([x * 2, y * 3, 128], (y * width + x) * 3);
    }
  }
  return { width, height, data };
}

function psnr(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return 10 * Math.log10((255 * 255) / (sum / a.length));
}

Deno.test("JpegEncoder round-trips a gradient above 35 dB at quality 90, any size", () => {
  for (const [w, h] of [[64, 48], [37, 21], [1, 1]] as const) {
    const image = gradient(w, h);
    const decoded = decodeJpeg(new JpegEncoder({ quality: 90 }).encode(image));
    assert.equal(decoded.width, w);
    assert.ok(psnr(image.data, decoded.data) > 35, `${w}×${h}`);
  }
});

Deno.test("JpegEncoder quality trades size for error", () => {
  const image = gradient(64, 64);
  image.data.forEach((v, i) => (image.data[i] = (v + (i % 7) * 9) & 255));
  const low = new JpegEncoder({ quality: 30 }).encode(image);
  const high = new JpegEncoder({ quality: 95 }).encode(image);
  assert.ok(low.length < high.length);
  assert.ok(
    psnr(image.data, decodeJpeg(high).data) >
      psnr(image.data, decodeJpeg(low).data),
  );
  assert.throws(() => new JpegEncoder({ quality: 0 }), RangeError);
});

Deno.test("JpegEncoder output is decoded by ffprobe", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(
      `${dir}/a.jpg`,
      new JpegEncoder().encode(gradient(50, 30)),
    );
    const { code, stdout } = await new Deno.Command("ffprobe", {
      args: [
        "-v",
        "error",
        "-show_entries",
        "stream=codec_name,width,height",
        "-of",
        "csv=p=0",
        `${dir}/a.jpg`,
      ],
    }).output();
    assert.equal(code, 0);
    assert.equal(new TextDecoder().decode(stdout).trim(), "mjpeg,50,30");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
