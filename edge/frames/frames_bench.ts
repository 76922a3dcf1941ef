/**
 * Per-frame edge CPU of the lip-sync frame stage (inference excluded): face batch build, paste-back
 * in both modes, JPEG encode, at 256×256 and 512×512 demo avatars. Goal: ≤ 2 ms per 256×256 frame.
 */
import { loadAvatarPack } from "@lipstream/edge/avatar";
import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
import { buildFaceBatch, JpegEncoder, pasteFace } from "@lipstream/edge/frames";

for (const size of [256, 512]) {
  const files = await buildDemoAvatarPack({ size, frameCount: 8 });
  const pack = await loadAvatarPack((path) =>
    Promise.resolve(files.get(path)!)
  );
  const face = new Float32Array(3 * 96 * 96).map((_, i) => (i % 97) / 97);
  const frame = pack.frames[0]!, box = pack.boxes[0]!;
  const out = new Uint8Array(frame.data.length);
  const batch = new Float32Array(8 * 6 * 96 * 96);
  const indices = [0, 1, 2, 3, 4, 5, 6, 7];
  const encoder = new JpegEncoder({ quality: 80 });
  const pasted = pasteFace(frame, { face, box });
  const group = `${size}×${size}`;

  Deno.bench(
    `face batch of 8 (÷ 8 per frame) ${group}`,
    { group, n: 200 },
    () => {
      buildFaceBatch(pack, indices, { out: batch });
    },
  );
  Deno.bench(`paste reference ${group}`, { group, n: 500 }, () => {
    pasteFace(frame, { face, box }, { mode: "reference", out });
  });
  Deno.bench(`paste feathered ${group}`, { group, n: 500 }, () => {
    pasteFace(frame, { face, box }, { out });
  });
  Deno.bench(`JPEG encode q80 ${group}`, { group, n: 200 }, () => {
    encoder.encode(pasted);
  });
  Deno.bench(`feathered paste + encode ${group}`, {
    group,
    n: 200,
  }, (b) => {
    b.start();
    pasteFace(frame, { face, box }, { out });
    encoder.encode({ width: frame.width, height: frame.height, data: out });
    b.end();
  });
}
