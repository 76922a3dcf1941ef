/**
 * Per-model inference counters in the shape of Triton's statistics extension
 * (`GET /v2/models[/{model}[/versions/{version}]]/stats`).
 *
 * Counted here: successful and failed infer requests with their wall time (`success`, `fail`),
 * `inference_count` (items: the batch sizes added up) and `execution_count` (model runs: one per
 * request, or one per batch the dynamic batcher formed), `last_inference` in ms since the epoch.
 * Queue and compute splits are not measured and report zero.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_statistics.md
 * @module
 */

/** A count and the nanoseconds it took, as Triton reports durations. */
export interface StatDuration {
  count: number;
  ns: number;
}

/** One entry of `model_stats`. */
export interface ModelStatsEntry {
  name: string;
  version: string;
  last_inference: number;
  inference_count: number;
  execution_count: number;
  inference_stats: Record<
    | "success"
    | "fail"
    | "queue"
    | "compute_input"
    | "compute_infer"
    | "compute_output"
    | "cache_hit"
    | "cache_miss",
    StatDuration
  >;
  batch_stats: unknown[];
}

interface Counters {
  success: StatDuration;
  fail: StatDuration;
  items: number;
  executions: number;
  last: number;
}

/**
 * Records infer outcomes per model and renders Triton's statistics JSON.
 *
 * @example
 * ```ts
 * import { InferStatistics } from "./statistics.ts";
 * import assert from "node:assert/strict";
 *
 * const stats = new InferStatistics();
 * stats.record("m", { ok: true, ns: 1_000, items: 4, executions: 1 });
 * stats.record("m", { ok: false, ns: 500 });
 * const [entry] = stats.entries(["m"]);
 * assert.equal(entry!.inference_count, 4);
 * assert.deepEqual(entry!.inference_stats.fail, { count: 1, ns: 500 });
 * ```
 */
export class InferStatistics {
  #models = new Map<string, Counters>();

  /**
   * Records one infer request of `model`.
   *
   * @param outcome `ok`, wall time in ns; for a success the items it carried and the model runs it
   *   started (0 when a batch run it joined is counted by the request that started it).
   */
  record(
    model: string,
    outcome: { ok: boolean; ns: number; items?: number; executions?: number },
  ): void {
    let counters = this.#models.get(model);
    if (counters === undefined) {
      counters = {
        success: { count: 0, ns: 0 },
        fail: { count: 0, ns: 0 },
        items: 0,
        executions: 0,
        last: 0,
      };
      this.#models.set(model, counters);
    }
    const bucket = outcome.ok ? counters.success : counters.fail;
    bucket.count++;
    bucket.ns += Math.round(outcome.ns);
    if (outcome.ok) {
      counters.items += outcome.items ?? 1;
      counters.executions += outcome.executions ?? 1;
      counters.last = Date.now();
    }
  }

  /** Overrides `execution_count` of a model whose runs its dynamic batcher counts. */
  executions(model: string, runs: number): void {
    const counters = this.#models.get(model);
    if (counters !== undefined) counters.executions = runs;
  }

  /** Triton's `model_stats` entries for `models` (zeros for a model not run yet). */
  entries(models: readonly string[], version = ""): ModelStatsEntry[] {
    const zero = () => ({ count: 0, ns: 0 });
    return models.map((name) => {
      const counters = this.#models.get(name);
      return {
        name,
        version,
        last_inference: counters?.last ?? 0,
        inference_count: counters?.items ?? 0,
        execution_count: counters?.executions ?? 0,
        inference_stats: {
          success: { ...(counters?.success ?? zero()) },
          fail: { ...(counters?.fail ?? zero()) },
          queue: zero(),
          compute_input: zero(),
          compute_infer: zero(),
          compute_output: zero(),
          cache_hit: zero(),
          cache_miss: zero(),
        },
        batch_stats: [],
      };
    });
  }
}
