/**
 * Probes for the web client in a playwright page: its `window.lipstream`
 * counters, a canvas sampler that reads the shown frame's index and mouth
 * brightness from pixels, and a tracker of playing `AudioBufferSourceNode`s
 * that sits below the page's own code.
 *
 * @module
 */

import type { Page } from "playwright-core";

/** The counters of `window.lipstream.stats` (`UtteranceStats` in `edge/web/client/utterance_stats.ts`). */
export interface PageStats {
  mode: "stream" | "simple";
  state: string;
  error: string | null;
  audioPartsReceived: number;
  audioPartsDecoded: number;
  /** Scheduled audio `[start, end]` in AudioContext seconds. */
  segments: [number, number][];
  rebases: number;
  framesReceived: number;
  framesPainted: number;
  framesDropped: number;
  lastOffsetMs: number | null;
  maxAbsOffsetMs: number;
  /** Click to response headers, ms. */
  responseMs: number | null;
  /** Click to first audio part scheduled, ms. */
  ttfaMs: number | null;
  ttfsMs: number | null;
  sentIdlePosition: number | null;
  startIdlePosition: number | null;
  nextIdlePosition: number | null;
  /** Click to first frame painted, ms. */
  ttffMs: number | null;
  server: Record<string, number | null> | null;
  simple: {
    durationMs: number | null;
    canPlayThrough: boolean;
    audioDurationSec: number | null;
  } | null;
}

/** One reading of the canvas and the clock, taken in the same task. */
export interface CanvasSample {
  /** The page's utterance clock, ms (null before audio). */
  clockMs: number | null;
  /** Frames painted so far. */
  painted: number;
  /** The frame index read from the code strip. */
  frameIndex: number;
  /** Mean luma of the mouth box. */
  mouthLuma: number;
  /** Time since the previous sample, ms (large when the page's main thread stalled). */
  gapMs: number;
}

/** Reads the page's counters. */
export function readStats(page: Page): Promise<PageStats> {
  return page.evaluate("JSON.parse(JSON.stringify(window.lipstream.stats))");
}

/**
 * Polls the page's counters until `done` holds.
 *
 * @param page The page.
 * @param done The condition.
 * @param timeoutMs How long to wait before failing (generous).
 * @returns The counters that satisfied it.
 */
export async function waitForStats(
  page: Page,
  done: (stats: PageStats) => boolean,
  timeoutMs: number,
): Promise<PageStats> {
  const deadline = performance.now() + timeoutMs;
  while (true) {
    const stats = await readStats(page);
    if (done(stats)) return stats;
    if (stats.error) throw new Error(`page failed: ${stats.error}`);
    if (performance.now() > deadline) {
      throw new Error(`timed out; page stats: ${JSON.stringify(stats)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Before any page script runs, wraps `AudioBufferSourceNode` start/stop so
 * `window.liveSources` holds the sources started and not yet stopped or ended.
 */
export async function installSourceTracker(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const live = new Set();
    window.liveSources = live;
    const proto = AudioBufferSourceNode.prototype;
    const start = proto.start;
    const stop = proto.stop;
    proto.start = function (...args) {
      live.add(this);
      this.addEventListener("ended", () => live.delete(this));
      return start.apply(this, args);
    };
    proto.stop = function (...args) {
      if (args.length === 0 || args[0] <= this.context.currentTime) live.delete(this);
      return stop.apply(this, args);
    };
  })()`);
}

/**
 * Starts sampling the `#face` canvas every 20 ms into `window.canvasSamples`.
 *
 * @param page The page.
 * @param layout Code strip height, code block width and mouth box of the fake face.
 */
export async function installCanvasSampler(
  page: Page,
  layout: {
    strip: number;
    block: number;
    mouth: readonly [number, number, number, number];
  },
): Promise<void> {
  await page.evaluate(`(() => {
    const layout = ${JSON.stringify(layout)};
    const canvas = document.getElementById("face");
    const g = canvas.getContext("2d", { willReadFrequently: true });
    window.canvasSamples = [];
    let previous = performance.now();
    setInterval(() => {
      const now = performance.now();
      const gapMs = now - previous;
      previous = now;
      const clockMs = window.lipstream.clockMs();
      const painted = window.lipstream.stats.framesPainted;
      const strip = g.getImageData(0, layout.strip >> 1, layout.block * 8, 1).data;
      let frameIndex = 0;
      for (let bit = 0; bit < 8; bit++) {
        const at = (bit * layout.block + (layout.block >> 1)) * 4;
        frameIndex = (frameIndex << 1) | (strip[at] > 128 ? 1 : 0);
      }
      const [x0, y0, x1, y1] = layout.mouth;
      const mouth = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
      let sum = 0;
      for (let i = 0; i < mouth.length; i += 4) sum += 0.299 * mouth[i] + 0.587 * mouth[i + 1] + 0.114 * mouth[i + 2];
      window.canvasSamples.push({ clockMs, painted, frameIndex, mouthLuma: sum / (mouth.length / 4), gapMs });
    }, 20);
  })()`);
}

/**
 * Polls a page expression until it is truthy. (Playwright's string
 * `waitForFunction` evaluates with `eval`, which the page's CSP forbids.)
 *
 * @param page The page.
 * @param expression JavaScript evaluated in the page.
 * @param timeoutMs How long to wait before failing (generous).
 */
export async function waitForExpression(
  page: Page,
  expression: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) {
      throw new Error(`timed out waiting for ${expression}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
