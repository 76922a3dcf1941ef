/**
 * Follows a face box from one frame to the next by template matching on grayscale planes: the
 * template is a 24×24 grid sampled (bilinear) over the box in the frame where it was detected;
 * each later frame is searched for the centre and scale whose samples match it best (least mean
 * absolute difference after removing each patch's mean, so a global brightness change does not
 * count), coarse to fine from the previous position. The template never changes, so the track
 * cannot drift away from what was detected; callers check tracks against detections.
 *
 * @module
 */

import type { FaceBox } from "../frames/face_box.ts";
import type { GrayPlane } from "./gray_plane.ts";

const GRID = 24;
const STEPS = [4, 2, 1, 0.5];
const MAX_MOVES = 6;

/** A box as centre and size in frame pixels (fractional while tracking). */
export interface TrackedBox {
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** Tracks one template through later planes. */
export interface BoxTracker {
  /** Finds the box in `plane`, searching from `from` (the box in the previous frame). */
  track(plane: GrayPlane, from: TrackedBox): TrackedBox;
}

/**
 * Makes a tracker from the box detected in `plane`.
 *
 * @param plane The plane of the frame where `box` was detected.
 * @param box The detected box, in frame pixels.
 * @returns The tracker.
 * @example Following a textured square that moves 3 px right
 * ```ts
 * import { createBoxTracker, toTrackedBox } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const draw = (left: number) => {
 *   const data = new Float32Array(64 * 64).fill(50);
 *   for (let y = 20; y < 40; y++) for (let x = left; x < left + 20; x++) data[y * 64 + x] = (x - left) * 10 + y;
 *   return { width: 64, height: 64, factor: 1, data };
 * };
 * const box = { y1: 20, y2: 40, x1: 10, x2: 30 };
 * const found = createBoxTracker(draw(10), box).track(draw(13), toTrackedBox(box));
 * assert.ok(Math.abs(found.cx - 23) < 0.5 && Math.abs(found.cy - 30) < 0.5, JSON.stringify(found));
 * ```
 */
export function createBoxTracker(plane: GrayPlane, box: FaceBox): BoxTracker {
  const start = toTrackedBox(box);
  const template = new Float32Array(GRID * GRID);
  const samples = new Float32Array(GRID * GRID);
  sample(plane, start, template);
  removeMean(template);
  const cost = (target: GrayPlane, at: TrackedBox): number => {
    sample(target, at, samples);
    const mean = samples.reduce((sum, v) => sum + v, 0) / samples.length;
    let sum = 0;
    for (let i = 0; i < samples.length; i++) {
      sum += Math.abs(samples[i]! - mean - template[i]!);
    }
    return sum / samples.length;
  };
  return {
    track(target, from) {
      let best = from, bestCost = cost(target, from);
      for (const step of STEPS) {
        const move = step * target.factor;
        for (let n = 0; n < MAX_MOVES; n++) {
          const centre = best;
          for (const dx of [-1, 0, 1]) {
            for (const dy of [-1, 0, 1]) {
              for (const ds of [-1, 0, 1]) {
                if (dx === 0 && dy === 0 && ds === 0) continue;
                const grow = 1 + (ds * move) / centre.width;
                const candidate = {
                  cx: centre.cx + dx * move,
                  cy: centre.cy + dy * move,
                  width: centre.width * grow,
                  height: centre.height * grow,
                };
                const c = cost(target, candidate);
                if (c < bestCost) [best, bestCost] = [candidate, c];
              }
            }
          }
          if (best === centre) break;
        }
      }
      return best;
    },
  };
}

/** A face box as centre and size. */
export function toTrackedBox(box: FaceBox): TrackedBox {
  return {
    cx: (box.x1 + box.x2) / 2,
    cy: (box.y1 + box.y2) / 2,
    width: box.x2 - box.x1,
    height: box.y2 - box.y1,
  };
}

function sample(plane: GrayPlane, at: TrackedBox, out: Float32Array): void {
  const { width, height, factor, data } = plane;
  for (let v = 0; v < GRID; v++) {
    const fy = at.cy + ((v + 0.5) / GRID - 0.5) * at.height;
    const py = Math.min(height - 1, Math.max(0, fy / factor - 0.5));
    const y0 = Math.min(height - 2, Math.floor(py)), wy = py - y0;
    for (let u = 0; u < GRID; u++) {
      const fx = at.cx + ((u + 0.5) / GRID - 0.5) * at.width;
      const px = Math.min(width - 1, Math.max(0, fx / factor - 0.5));
      const x0 = Math.min(width - 2, Math.floor(px)), wx = px - x0;
      const o = y0 * width + x0;
      const top = data[o]! + (data[o + 1]! - data[o]!) * wx;
      const bottom = data[o + width]! +
        (data[o + width + 1]! - data[o + width]!) * wx;
      out[v * GRID + u] = top + (bottom - top) * wy;
    }
  }
}

function removeMean(values: Float32Array): void {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  for (let i = 0; i < values.length; i++) values[i]! -= mean;
}
