/**
 * Scene cuts from grayscale planes: a new scene starts where the 32-bin luma histogram of a frame
 * differs from the previous frame's by more than a threshold (half the L1 distance of the
 * normalised histograms, 0 = same distribution, 1 = disjoint). Histograms ignore where things are,
 * so head and camera motion inside a shot do not count as cuts.
 *
 * @module
 */

import type { GrayPlane } from "./gray_plane.ts";

const BINS = 32;

/**
 * Finds the frames that start a new scene.
 *
 * @param planes One plane per frame, in order.
 * @param options Histogram distance above which a cut is declared (default 0.3).
 * @returns Indices of the first frame of every scene after the first, ascending.
 * @example A dark shot cut to a bright one
 * ```ts
 * import { findSceneCuts } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const plane = (v: number) => ({ width: 2, height: 2, factor: 1, data: new Float32Array(4).fill(v) });
 * assert.deepEqual(findSceneCuts([plane(20), plane(22), plane(200), plane(201)]), [2]);
 * ```
 */
export function findSceneCuts(
  planes: readonly GrayPlane[],
  options: { threshold?: number } = {},
): number[] {
  const threshold = options.threshold ?? 0.3;
  const cuts: number[] = [];
  let previous: Float64Array | null = null;
  planes.forEach((plane, i) => {
    const current = histogram(plane);
    if (previous !== null && distance(previous, current) > threshold) {
      cuts.push(i);
    }
    previous = current;
  });
  return cuts;
}

function histogram(plane: GrayPlane): Float64Array {
  const bins = new Float64Array(BINS);
  for (const v of plane.data) bins[Math.min(BINS - 1, (v * BINS / 256) | 0)]!++;
  for (let i = 0; i < BINS; i++) bins[i]! /= plane.data.length;
  return bins;
}

function distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < BINS; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / 2;
}
