/**
 * A minimal Prometheus registry: counters, gauges and histograms with labels,
 * rendered in the text exposition format (version 0.0.4).
 *
 * @see https://prometheus.io/docs/instrumenting/exposition_formats/
 * @module
 */

/** Label names to values. */
export type Labels = Readonly<Record<string, string | number>>;

/** The media type of the text exposition format. */
export const PROMETHEUS_CONTENT_TYPE =
  "text/plain; version=0.0.4; charset=utf-8";

const NAME_REGEXP = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** One metric family that can render itself. */
interface Family {
  render(): string;
}

/** A monotonically increasing count per label set. */
export class Counter {
  #values = new Map<string, number>();

  /**
   * Adds to the count of a label set.
   *
   * @param labels The label set.
   * @param amount How much to add; must be ≥ 0. @default {1}
   * @throws {RangeError} If `amount` is negative.
   */
  inc(labels: Labels = {}, amount = 1): void {
    if (!(amount >= 0)) {
      throw new RangeError(
        `Cannot increase counter: amount must be >= 0: received ${amount}`,
      );
    }
    const key = labelKey(labels);
    this.#values.set(key, (this.#values.get(key) ?? 0) + amount);
  }

  /** The count of a label set. */
  get(labels: Labels = {}): number {
    return this.#values.get(labelKey(labels)) ?? 0;
  }

  /** Samples as `[labels text, value]`. */
  samples(): [string, number][] {
    return [...this.#values];
  }
}

/** Cumulative-bucket histogram per label set. */
export class Histogram {
  readonly #buckets: readonly number[];
  #series = new Map<string, { counts: number[]; sum: number; count: number }>();

  /**
   * Creates a histogram.
   *
   * @param buckets Upper bounds, strictly increasing; `+Inf` is added.
   */
  constructor(buckets: readonly number[]) {
    this.#buckets = buckets;
  }

  /**
   * Records one observation.
   *
   * @param value The observed value.
   * @param labels The label set.
   *
   * @example Buckets are cumulative
   * ```ts
   * import { Histogram } from "@lipstream/edge/prometheus";
   * import assert from "node:assert/strict";
   *
   * const latency = new Histogram([0.1, 1]);
   * latency.observe(0.05, { route: "/v1/speak" });
   * latency.observe(0.5, { route: "/v1/speak" });
   * assert.equal(latency.count({ route: "/v1/speak" }), 2);
   * assert.deepEqual(latency.lines("latency_seconds").slice(0, 3), [
   *   'latency_seconds_bucket{route="/v1/speak",le="0.1"} 1',
   *   'latency_seconds_bucket{route="/v1/speak",le="1"} 2',
   *   'latency_seconds_bucket{route="/v1/speak",le="+Inf"} 2',
   * ]);
   * ```
   */
  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    let series = this.#series.get(key);
    if (!series) {
      series = { counts: this.#buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    this.#buckets.forEach((bound, i) => {
      if (value <= bound) series.counts[i]!++;
    });
    series.sum += value;
    series.count++;
  }

  /** Number of observations of a label set. */
  count(labels: Labels = {}): number {
    return this.#series.get(labelKey(labels))?.count ?? 0;
  }

  /** The exposition lines of this histogram under `name`. */
  lines(name: string): string[] {
    const lines: string[] = [];
    for (const [key, series] of this.#series) {
      const prefix = key === "" ? "" : `${key},`;
      this.#buckets.forEach((bound, i) => {
        lines.push(
          `${name}_bucket{${prefix}le="${bound}"} ${series.counts[i]}`,
        );
      });
      lines.push(`${name}_bucket{${prefix}le="+Inf"} ${series.count}`);
      lines.push(`${name}_sum${braces(key)} ${series.sum}`);
      lines.push(`${name}_count${braces(key)} ${series.count}`);
    }
    return lines;
  }
}

/** A registry of named metric families. */
export class MetricsRegistry {
  #families = new Map<string, Family>();

  /** Registers and returns a counter. */
  counter(name: string, help: string): Counter {
    const counter = new Counter();
    this.#add(name, () =>
      header(name, help, "counter") +
      counter.samples().map(([key, value]) =>
        `${name}${braces(key)} ${value}\n`
      )
        .join(""));
    return counter;
  }

  /**
   * Registers a gauge whose value is read at render time.
   *
   * @param name The metric name.
   * @param help The help text.
   * @param read Reads the current value.
   *
   * @example Read when rendered, not when registered
   * ```ts
   * import { MetricsRegistry } from "@lipstream/edge/prometheus";
   * import assert from "node:assert/strict";
   *
   * const registry = new MetricsRegistry();
   * let streams = 0;
   * registry.gauge("in_flight_streams", "Streams open now.", () => streams);
   * streams = 3;
   * assert.match(registry.render(), /^in_flight_streams 3$/m);
   * ```
   */
  gauge(name: string, help: string, read: () => number): void {
    this.#add(
      name,
      () => `${header(name, help, "gauge")}${name} ${read()}\n`,
    );
  }

  /**
   * Registers a counter whose values, one per value of `label`, are read at
   * render time (for counts kept elsewhere).
   *
   * @param name The metric name.
   * @param help The help text.
   * @param label The label the counts are split by.
   * @param read Reads the counts by label value.
   *
   * @example Frame counts kept by the lip-sync service
   * ```ts
   * import { MetricsRegistry } from "@lipstream/edge/prometheus";
   * import assert from "node:assert/strict";
   *
   * const registry = new MetricsRegistry();
   * const counts = { rendered: 5, held: 2 };
   * registry.labelledCounter("frames_total", "Frames sent.", "mouth", () => counts);
   * const text = registry.render();
   * assert.match(text, /^frames_total\{mouth="rendered"\} 5$/m);
   * assert.match(text, /^frames_total\{mouth="held"\} 2$/m);
   * ```
   */
  labelledCounter(
    name: string,
    help: string,
    label: string,
    read: () => Record<string, number>,
  ): void {
    this.#add(name, () =>
      header(name, help, "counter") +
      Object.entries(read()).map(([value, count]) =>
        `${name}${braces(labelKey({ [label]: value }))} ${count}\n`
      ).join(""));
  }

  /** Registers and returns a histogram. */
  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const histogram = new Histogram(buckets);
    this.#add(name, () =>
      header(name, help, "histogram") +
      histogram.lines(name).map((line) => `${line}\n`).join(""));
    return histogram;
  }

  /**
   * Renders every family in the text exposition format.
   *
   * @returns The exposition text.
   *
   * @example A counter
   * ```ts
   * import { MetricsRegistry } from "@lipstream/edge/prometheus";
   * import assert from "node:assert/strict";
   *
   * const registry = new MetricsRegistry();
   * registry.counter("jobs_total", "Jobs done.").inc({ kind: "a\"b" });
   * assert.equal(
   *   registry.render(),
   *   '# HELP jobs_total Jobs done.\n# TYPE jobs_total counter\njobs_total{kind="a\\"b"} 1\n',
   * );
   * ```
   */
  render(): string {
    return [...this.#families.values()].map((family) => family.render()).join(
      "",
    );
  }

  #add(name: string, render: () => string): void {
    if (!NAME_REGEXP.test(name)) {
      throw new SyntaxError(
        `Cannot register metric ${JSON.stringify(name)}: invalid name`,
      );
    }
    if (this.#families.has(name)) {
      throw new TypeError(
        `Cannot register metric "${name}": already registered`,
      );
    }
    this.#families.set(name, { render });
  }
}

function header(name: string, help: string, type: string): string {
  const escaped = help.replaceAll("\\", "\\\\").replaceAll("\n", "\\n");
  return `# HELP ${name} ${escaped}\n# TYPE ${name} ${type}\n`;
}

function braces(key: string): string {
  return key === "" ? "" : `{${key}}`;
}

/** `a="x",b="y"` with names sorted and values escaped. */
function labelKey(labels: Labels): string {
  return Object.keys(labels).sort().map((name) => {
    const value = String(labels[name]).replaceAll("\\", "\\\\")
      .replaceAll("\n", "\\n").replaceAll('"', '\\"');
    return `${name}="${value}"`;
  }).join(",");
}
