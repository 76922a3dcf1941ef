/**
 * Keyframe detection with tracking against per-frame detection, on a clip made with ffmpeg from
 * the sample photos that ship in the face-api npm package: a 1 s shot that pans and zooms over one
 * face, cut to a 0.6 s shot of another. face-api's Tiny detector keeps the test short.
 */
import assert from "node:assert/strict";
import type { FaceBox } from "@lipstream/edge/frames";
import {
  applyNoFacePolicy,
  faceBoxIou,
  trackFaceBoxes,
} from "@lipstream/edge/avatar_build";
import { decodeVideoFrames } from "@lipstream/edge/avatar_build/deno";
import { createFaceApiDetector } from "@lipstream/edge/avatar_build/face_api";

const DEMO =
  new URL("../node_modules/@vladmandic/face-api/demo/", import.meta.url)
    .pathname;

async function ffmpeg(args: string[]): Promise<void> {
  const { code, stderr } = await new Deno.Command("ffmpeg", {
    args: ["-v", "error", "-y", ...args],
    stdin: "null",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
}

async function makeClip(dir: string): Promise<string> {
  await ffmpeg([
    ...["-loop", "1", "-framerate", "25", "-i", `${DEMO}sample2.jpg`],
    "-vf",
    "crop=700:700:x='1100+120*sin(t*2.2)':y='10+40*t',scale=400:400," +
    "zoompan=z='1+0.005*on':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=320x320:fps=25",
    ...["-t", "1", "-pix_fmt", "yuv420p", `${dir}/a.mp4`],
  ]);
  await ffmpeg([
    ...["-loop", "1", "-framerate", "25", "-i", `${DEMO}sample1.jpg`],
    "-vf",
    "scale=-2:480,crop=170:170:x='105+15*t':y=50,scale=320:320",
    ...["-t", "0.6", "-pix_fmt", "yuv420p", `${dir}/b.mp4`],
  ]);
  await ffmpeg([
    ...["-i", `${dir}/a.mp4`, "-i", `${dir}/b.mp4`],
    ...["-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]"],
    ...["-pix_fmt", "yuv420p", `${dir}/clip.mp4`],
  ]);
  return `${dir}/clip.mp4`;
}

Deno.test("tracked face boxes stay within IoU 0.8 (mean 0.9) of per-frame detection, with half the detector runs", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const { frames } = await decodeVideoFrames(await makeClip(dir));
    assert.equal(frames.length, 40);
    const detector = await createFaceApiDetector({ model: "tiny" });
    assert.match(detector.name, /tfjs wasm/);
    const perFrame: (FaceBox | null)[] = [];
    for (const frame of frames) perFrame.push(await detector.detect(frame));
    const tracked = await trackFaceBoxes(frames, detector);
    assert.deepEqual(tracked.scenes, [0, 25]);
    assert.ok(
      tracked.detected.length <= frames.length / 2,
      `${tracked.detected.length} detector runs`,
    );
    const reference = applyNoFacePolicy(perFrame, { noFace: "nearest" }).boxes;
    const ours = applyNoFacePolicy(tracked.found, { noFace: "nearest" }).boxes;
    const ious = reference.map((box, i) => faceBoxIou(box, ours[i]!));
    const mean = ious.reduce((sum, v) => sum + v, 0) / ious.length;
    assert.ok(mean >= 0.9, `mean IoU ${mean.toFixed(3)}`);
    assert.ok(Math.min(...ious) >= 0.7, `min IoU ${Math.min(...ious)}`);
    const below = ious.filter((v) => v < 0.8).length;
    assert.ok(below <= 2, `${below} frames below IoU 0.8`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
