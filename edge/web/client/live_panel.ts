/**
 * The live panel: the counters as text, and a small timeline of the time
 * since Speak: audio parts arriving as ticks on the top row, painted frames
 * as ticks on the bottom row, and the A/V offset of each paint as a line
 * (centre 0 ms, edges ±100 ms), which people read faster than numbers.
 *
 * @module
 */

import type { UtteranceStats } from "./utterance_stats.ts";

/** Timeline colours: audio arrival, frame painted, A/V offset (the page's legend). */
export const TIMELINE_COLORS = {
  audio: "#2f7fff",
  frame: "#1faa55",
  offset: "#ff8c1a",
} as const;

/** The panel's elements. */
export interface PanelElements {
  status: HTMLElement;
  ttfa: HTMLElement;
  ttfs: HTMLElement;
  ttff: HTMLElement;
  shown: HTMLElement;
  dropped: HTMLElement;
  offset: HTMLElement;
  timeline: HTMLCanvasElement;
}

/**
 * A duration for the panel.
 *
 * @param ms Milliseconds, or nothing yet.
 * @returns `"12 ms"`, or a dash.
 * @example
 * ```ts
 * import { formatMs } from "./live_panel.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([formatMs(12.4), formatMs(null)], ["12 ms", "–"]);
 * ```
 */
export function formatMs(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? "–" : `${Math.round(ms)} ms`;
}

/**
 * The panel's texts for the counters.
 *
 * @param stats The utterance's counters.
 * @returns Text by panel field.
 */
export function panelTexts(
  stats: UtteranceStats,
): Record<Exclude<keyof PanelElements, "timeline">, string> {
  return {
    status: stats.error ? `error: ${stats.error}` : stats.state,
    ttfa: formatMs(stats.ttfaMs),
    ttfs: formatMs(stats.ttfsMs),
    ttff: formatMs(stats.ttffMs),
    shown: String(stats.framesPainted),
    dropped: String(stats.framesDropped),
    offset: stats.lastOffsetMs === null
      ? "–"
      : `${Math.round(stats.lastOffsetMs)} ms (max ${
        Math.round(stats.maxAbsOffsetMs)
      })`,
  };
}

/** Writes the counters into the panel and redraws its timeline. */
export function renderPanel(panel: PanelElements, stats: UtteranceStats): void {
  const texts = panelTexts(stats);
  for (const [key, text] of Object.entries(texts)) {
    panel[key as keyof typeof texts].textContent = text;
  }
  drawTimeline(panel.timeline, stats);
}

function drawTimeline(canvas: HTMLCanvasElement, stats: UtteranceStats): void {
  const context = canvas.getContext("2d")!;
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  const times = [...stats.audioArrivals, ...stats.paints.map(([t]) => t)];
  if (times.length === 0) return;
  const spanMs = Math.max(1000, ...times) * 1.05;
  const x = (ms: number) => Math.round(ms / spanMs * (width - 1));
  const mid = height / 2;
  context.fillStyle = TIMELINE_COLORS.audio;
  for (const t of stats.audioArrivals) {
    context.fillRect(x(t), 0, 3, height * 0.22);
  }
  context.fillStyle = TIMELINE_COLORS.frame;
  for (const [t] of stats.paints) {
    context.fillRect(x(t), height * 0.78, 1, height * 0.22);
  }
  context.strokeStyle = "rgba(128, 128, 128, 0.5)";
  context.beginPath();
  context.moveTo(0, mid);
  context.lineTo(width, mid);
  context.stroke();
  context.strokeStyle = TIMELINE_COLORS.offset;
  context.lineWidth = 2;
  context.beginPath();
  stats.paints.forEach(([t, offset], i) => {
    const y = mid - Math.max(-1, Math.min(1, offset / 100)) * (height * 0.26);
    if (i === 0) context.moveTo(x(t), y);
    else context.lineTo(x(t), y);
  });
  context.stroke();
  context.lineWidth = 1;
}
