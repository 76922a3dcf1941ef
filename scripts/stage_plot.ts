/**
 * One SVG plot of per-stage latency for `deno task bench`: a row of bars per
 * stage, one bar per profiled run (p50), with a whisker to p95, on a log
 * scale so sub-millisecond stages and the lip model fit one axis.
 *
 * @module
 */

/** One profiled run: its name and p50/p95 per stage, ms. */
export interface PlotRun {
  name: string;
  stages: Record<string, { p50: number; p95: number }>;
}

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];

function escape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(
    ">",
    "&gt;",
  );
}

/**
 * Draws the plot.
 *
 * @param title The heading.
 * @param stages Stage names in order.
 * @param runs The runs.
 * @returns The SVG document.
 *
 * @example
 * ```ts
 * import { stagePlot } from "./stage_plot.ts";
 * import assert from "node:assert/strict";
 *
 * const svg = stagePlot("t", ["model"], [{ name: "a", stages: { model: { p50: 40, p95: 60 } } }]);
 * assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
 * assert.match(svg, /<title>a, model: p50 40 ms, p95 60 ms<\/title>/);
 * ```
 */
export function stagePlot(
  title: string,
  stages: readonly string[],
  runs: readonly PlotRun[],
): string {
  const left = 90, top = 48, barHeight = 9, gap = 10, width = 720;
  const plotWidth = width - left - 30;
  const values = runs.flatMap((run) =>
    stages.flatMap((stage) => [run.stages[stage]?.p50, run.stages[stage]?.p95])
  ).filter((v): v is number => Number.isFinite(v) && v! > 0);
  const min = 10 ** Math.floor(Math.log10(Math.min(...values, 0.1)));
  const max = 10 ** Math.ceil(Math.log10(Math.max(...values, 1)));
  const x = (ms: number) =>
    left +
    plotWidth * (Math.log10(Math.max(ms, min)) - Math.log10(min)) /
      (Math.log10(max) - Math.log10(min));
  const rowHeight = runs.length * barHeight + gap;
  const legendTop = top + stages.length * rowHeight + 30;
  const height = legendTop + runs.length * 16 + 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="20" font-size="13">${escape(title)}</text>`,
  ];
  for (let decade = min; decade <= max; decade *= 10) {
    const at = x(decade).toFixed(1);
    out.push(
      `<line x1="${at}" y1="${top - 5}" x2="${at}" y2="${
        legendTop - 20
      }" stroke="#ddd"/>`,
      `<text x="${at}" y="${
        legendTop - 8
      }" text-anchor="middle" fill="#555">${decade} ms</text>`,
    );
  }
  stages.forEach((stage, s) => {
    const rowTop = top + s * rowHeight;
    out.push(
      `<text x="${left - 6}" y="${
        rowTop + runs.length * barHeight / 2 + 4
      }" text-anchor="end">${escape(stage)}</text>`,
    );
    runs.forEach((run, r) => {
      const value = run.stages[stage];
      if (!value || !(value.p50 > 0)) return;
      const y = rowTop + r * barHeight;
      const color = COLORS[r % COLORS.length];
      out.push(
        `<rect x="${left}" y="${y}" width="${
          (x(value.p50) - left).toFixed(1)
        }" height="${barHeight - 2}" fill="${color}"><title>${
          escape(run.name)
        }, ${
          escape(stage)
        }: p50 ${value.p50} ms, p95 ${value.p95} ms</title></rect>`,
        `<line x1="${x(value.p50).toFixed(1)}" y1="${
          y + (barHeight - 2) / 2
        }" x2="${x(value.p95).toFixed(1)}" y2="${
          y + (barHeight - 2) / 2
        }" stroke="${color}" stroke-width="1.5"/>`,
      );
    });
  });
  runs.forEach((run, r) => {
    const y = legendTop + r * 16;
    out.push(
      `<rect x="${left}" y="${y}" width="10" height="10" fill="${
        COLORS[r % COLORS.length]
      }"/>`,
      `<text x="${left + 16}" y="${y + 9}">${escape(run.name)}</text>`,
    );
  });
  out.push(
    `<text x="${left}" y="32" fill="#555">bar: p50, line: to p95 (log scale)</text>`,
    "</svg>",
    "",
  );
  return out.join("\n");
}
