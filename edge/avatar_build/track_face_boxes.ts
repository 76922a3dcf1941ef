/**
 * Face boxes for a whole clip with few detector runs: detect the first and last frame of every
 * scene (cuts from {@linkcode findSceneCuts}) and every `keyframeInterval` frames in between, track
 * the box forwards from each keyframe and backwards from the next one ({@linkcode createBoxTracker}),
 * and blend the two tracks linearly by distance. A span is accepted only when both tracks agree
 * with each other in every frame and each lands on the other end's detection (IoU ≥ `minIou`);
 * otherwise its middle frame is detected and both halves are tried again, down to detecting every
 * frame, so a hard span costs detector runs rather than wrong boxes. Spans where a face appears or
 * disappears are split the same way.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import {
  createBoxTracker,
  toTrackedBox,
  type TrackedBox,
} from "./box_tracker.ts";
import { faceBoxIou } from "./face_boxes.ts";
import type { FaceDetector } from "./face_detector.ts";
import { type GrayPlane, toGrayPlane } from "./gray_plane.ts";
import { findSceneCuts } from "./scene_cuts.ts";

/** Options for {@linkcode trackFaceBoxes}. */
export interface TrackFaceBoxesOptions {
  /** Most frames between two detections inside a scene. @default {25} */
  keyframeInterval?: number;
  /** Least IoU for tracks to count as agreeing. @default {0.8} */
  minIou?: number;
  /** Called once for every frame whose box is final. */
  onFrame?: () => void;
}

/** Per-frame results and how they were reached. */
export interface TrackedFaceBoxes {
  /** One box or `null` (no face) per frame: unpadded, integer, inside the frame. */
  found: (FaceBox | null)[];
  /** Frames the detector ran on, ascending. */
  detected: number[];
  /** First frame of every scene, ascending (starts with 0). */
  scenes: number[];
}

/**
 * Detects faces on keyframes and tracks them in between.
 *
 * @param frames The frames, in order.
 * @param detector The detector run on keyframes.
 * @param options Keyframe interval, agreement bound and a progress callback.
 * @returns Per-frame boxes, the detected frames and the scene starts.
 * @example A still clip needs two detector runs
 * ```ts
 * import { fixedBoxDetector, trackFaceBoxes } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const frame = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 3).map((_, i) => i % 251) };
 * const result = await trackFaceBoxes(Array(10).fill(frame), fixedBoxDetector({ y1: 4, y2: 20, x1: 6, x2: 22 }));
 * assert.deepEqual(result.detected, [0, 9]);
 * assert.deepEqual(result.found[5], { y1: 4, y2: 20, x1: 6, x2: 22 });
 * ```
 */
export async function trackFaceBoxes(
  frames: readonly RgbImage[],
  detector: FaceDetector,
  options: TrackFaceBoxesOptions = {},
): Promise<TrackedFaceBoxes> {
  const interval = Math.max(1, options.keyframeInterval ?? 25);
  const minIou = options.minIou ?? 0.8;
  const planes = frames.map((frame) => toGrayPlane(frame));
  const scenes = [0, ...findSceneCuts(planes)];
  const found: (FaceBox | null)[] = frames.map(() => null);
  const detected = new Set<number>();
  const detect = async (i: number): Promise<FaceBox | null> => {
    if (!detected.has(i)) {
      detected.add(i);
      found[i] = await detector.detect(frames[i]!);
      options.onFrame?.();
    }
    return found[i] ?? null;
  };
  const fill = async (a: number, b: number): Promise<void> => {
    const [first, last] = [await detect(a), await detect(b)];
    if (b - a <= 1) return;
    const blended = first && last &&
      blendTracks(planes, { a, b, first, last, minIou });
    if (!blended) {
      const middle = Math.floor((a + b) / 2);
      await detect(middle);
      await fill(a, middle);
      return await fill(middle, b);
    }
    blended.forEach((box, k) => {
      found[a + 1 + k] = clip(box, frames[a + 1 + k]!);
      options.onFrame?.();
    });
  };
  for (const [n, start] of scenes.entries()) {
    const end = (scenes[n + 1] ?? frames.length) - 1;
    let a = start;
    await detect(a);
    while (a < end) {
      const b = Math.min(end, a + interval);
      await fill(a, b);
      a = b;
    }
  }
  return {
    found,
    detected: [...detected].sort((x, y) => x - y),
    scenes,
  };
}

/** Blended boxes for frames `a+1 … b-1`, or `null` when the two tracks disagree. */
function blendTracks(
  planes: readonly GrayPlane[],
  span: { a: number; b: number; first: FaceBox; last: FaceBox; minIou: number },
): TrackedBox[] | null {
  const { a, b, first, last, minIou } = span;
  const forward: TrackedBox[] = [], backward: TrackedBox[] = [];
  const ahead = createBoxTracker(planes[a]!, first);
  let at = toTrackedBox(first);
  for (let i = a + 1; i <= b; i++) {
    forward.push(at = ahead.track(planes[i]!, at));
  }
  const behind = createBoxTracker(planes[b]!, last);
  at = toTrackedBox(last);
  for (let i = b - 1; i >= a; i--) {
    backward.unshift(at = behind.track(planes[i]!, at));
  }
  // forward[k] and backward[k] are frame a + 1 + k; backward[0] is frame a.
  const agree = (x: TrackedBox, y: TrackedBox | FaceBox) =>
    faceBoxIou(toFaceBox(x), "cx" in y ? toFaceBox(y) : y) >= minIou;
  if (!agree(forward.at(-1)!, last) || !agree(backward[0]!, first)) return null;
  const blended: TrackedBox[] = [];
  for (let i = a + 1; i < b; i++) {
    const f = forward[i - a - 1]!, r = backward[i - a]!;
    if (!agree(f, r)) return null;
    const w = (i - a) / (b - a);
    blended.push({
      cx: f.cx * (1 - w) + r.cx * w,
      cy: f.cy * (1 - w) + r.cy * w,
      width: f.width * (1 - w) + r.width * w,
      height: f.height * (1 - w) + r.height * w,
    });
  }
  return blended;
}

function toFaceBox(box: TrackedBox): FaceBox {
  return {
    y1: box.cy - box.height / 2,
    y2: box.cy + box.height / 2,
    x1: box.cx - box.width / 2,
    x2: box.cx + box.width / 2,
  };
}

function clip(box: TrackedBox, frame: RgbImage): FaceBox | null {
  const exact = toFaceBox(box);
  const y1 = Math.max(0, Math.round(exact.y1));
  const x1 = Math.max(0, Math.round(exact.x1));
  const y2 = Math.min(frame.height, Math.round(exact.y2));
  const x2 = Math.min(frame.width, Math.round(exact.x2));
  return y2 > y1 && x2 > x1 ? { y1, y2, x1, x2 } : null;
}
