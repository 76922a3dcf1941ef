/**
 * Measures the builder's face-box pass on a clip: frames per second of per-frame detection and of
 * keyframe detection with tracking, and how close the tracked boxes stay to per-frame detection
 * (IoU per frame, before and after Wav2Lip's pads and smoothing).
 *
 * ```sh
 * deno run -A edge/avatar_build/detect_bench_main.ts --input clip.mp4 --detector ssd --backend wasm
 * ```
 *
 * `--reference boxes.json` keeps the per-frame boxes: written on the first run, read (and the
 * per-frame pass skipped) on later ones, to compare tracking settings (`--detect-every`,
 * `--min-iou`) quickly.
 *
 * @module
 */

import { cpuUsage } from "node:process";
import { parseArgs } from "node:util";
import type { FaceBox } from "../frames/face_box.ts";
import { createFaceApiDetector } from "./face_api_detector.ts";
import { faceBoxIou, padFaceBox, smoothFaceBoxes } from "./face_boxes.ts";
import { applyNoFacePolicy } from "./face_detector.ts";
import { decodeVideoFrames } from "./ffmpeg_frames.ts";
import { trackFaceBoxes } from "./track_face_boxes.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    input: { type: "string" },
    detector: { type: "string", default: "ssd" },
    backend: { type: "string", default: "wasm" },
    "detect-every": { type: "string", default: "25" },
    "per-frame-only": { type: "boolean", default: false },
    "max-frames": { type: "string" },
    "min-iou": { type: "string", default: "0.8" },
    reference: { type: "string" },
  },
});
if (!values.input) throw new TypeError("Cannot measure: --input is required");
const model = values.detector === "tiny" ? "tiny" : "ssd";
const backend = values.backend === "cpu" ? "cpu" : "wasm";
const { frames } = await decodeVideoFrames(
  values.input,
  values["max-frames"] ? { maxFrames: Number(values["max-frames"]) } : {},
);
const detector = await createFaceApiDetector({ model, backend });
await detector.detect(frames[0]!); // warm-up: first run compiles kernels

let started = performance.now(), cpu = cpuUsage();
const saved = values.reference &&
  await Deno.readTextFile(values.reference).catch(() => null);
const perFrame: (FaceBox | null)[] = saved ? JSON.parse(saved) : [];
if (!saved) {
  for (const frame of frames) perFrame.push(await detector.detect(frame));
  report("per-frame", frames.length);
  if (values.reference) {
    await Deno.writeTextFile(values.reference, JSON.stringify(perFrame));
  }
}

if (!values["per-frame-only"]) {
  [started, cpu] = [performance.now(), cpuUsage()];
  const tracked = await trackFaceBoxes(frames, detector, {
    keyframeInterval: Number(values["detect-every"]),
    minIou: Number(values["min-iou"]),
  });
  report("tracked", tracked.detected.length);
  console.log(`scenes start at ${tracked.scenes.join(", ")}`);
  const raw = applyNoFacePolicy(perFrame, { noFace: "nearest" }).boxes;
  const ours = applyNoFacePolicy(tracked.found, { noFace: "nearest" }).boxes;
  stats("IoU tracked vs per-frame (raw boxes)", raw, ours);
  const final = (boxes: FaceBox[]) =>
    smoothFaceBoxes(boxes.map((box) => padFaceBox(box, frames[0]!)));
  stats("IoU tracked vs per-frame (padded, smoothed)", final(raw), final(ours));
  const jitter = (boxes: FaceBox[]) =>
    boxes.slice(1).map((box, i) => 1 - faceBoxIou(box, boxes[i]!));
  console.log(
    `frame-to-frame 1-IoU, mean: per-frame ${
      mean(jitter(raw)).toFixed(4)
    }, tracked ${mean(jitter(ours)).toFixed(4)}`,
  );
}

/** Wall and CPU (user + system) rates: CPU time is what other load on the machine cannot inflate. */
function report(label: string, detections: number): void {
  const wall = (performance.now() - started) / 1000;
  const used = cpuUsage(cpu), cpuS = (used.user + used.system) / 1e6;
  console.log(
    `${label}: ${frames.length} frames, wall ${wall.toFixed(2)} s = ${
      (frames.length / wall).toFixed(1)
    } frames/s, CPU ${cpuS.toFixed(2)} s = ${
      (frames.length / cpuS).toFixed(1)
    } frames per CPU-second (${detections} detector runs, ${detector.name})`,
  );
}

function stats(label: string, a: FaceBox[], b: FaceBox[]): void {
  const ious = a.map((box, i) => faceBoxIou(box, b[i]!)).sort((x, y) => x - y);
  console.log(
    `${label}: mean ${mean(ious).toFixed(3)}, min ${ious[0]!.toFixed(3)}, p10 ${
      ious[Math.floor(ious.length / 10)]!.toFixed(3)
    }`,
  );
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
