/**
 * How many embedded ONNX Runtime workers the edge starts, and how many of
 * them run only the lip model, from `ORT_WORKERS` and `ORT_LIP_WORKERS`
 * (each a number or `auto`) and the core count. The default on 2 or more
 * cores is two workers, one for the voices and one for the lip model, so the
 * next sentence's synthesis runs while the lip model renders this one's
 * frames instead of queueing behind it on a single worker.
 *
 * @module
 */

/** The resolved worker counts. */
export interface OrtWorkerPlan {
  /** Worker threads (0: ONNX Runtime runs on the server's thread). */
  workers: number;
  /** Of those, workers that run only the lip model (0: every worker runs every model). */
  lipWorkers: number;
}

/**
 * Resolves `auto`: `workers` is 2 on 2 or more cores (or one more than the
 * lip workers asked for), else 1; `lipWorkers` is 1 when there are at least 2
 * workers, else 0.
 *
 * @example
 * ```ts
 * import { ortWorkerPlan } from "./ort_worker_plan.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ortWorkerPlan(2, "auto", "auto"), { workers: 2, lipWorkers: 1 });
 * assert.deepEqual(ortWorkerPlan(1, "auto", "auto"), { workers: 1, lipWorkers: 0 });
 * assert.deepEqual(ortWorkerPlan(2, 1, "auto"), { workers: 1, lipWorkers: 0 });
 * assert.deepEqual(ortWorkerPlan(8, 4, 0), { workers: 4, lipWorkers: 0 });
 * assert.deepEqual(ortWorkerPlan(8, 0, "auto"), { workers: 0, lipWorkers: 0 });
 * ```
 *
 * @param cores Logical cores (`navigator.hardwareConcurrency`).
 * @param workers `ORT_WORKERS`.
 * @param lipWorkers `ORT_LIP_WORKERS`.
 * @returns The counts.
 * @throws {RangeError} When the lip workers would leave no worker for the voices.
 */
export function ortWorkerPlan(
  cores: number,
  workers: number | "auto",
  lipWorkers: number | "auto",
): OrtWorkerPlan {
  const total = workers !== "auto"
    ? workers
    : lipWorkers !== "auto" && lipWorkers > 0
    ? lipWorkers + 1
    : cores >= 2
    ? 2
    : 1;
  if (total === 0) return { workers: 0, lipWorkers: 0 };
  const lip = lipWorkers === "auto" ? (total >= 2 ? 1 : 0) : lipWorkers;
  if (lip >= total) {
    throw new RangeError(
      `ORT_LIP_WORKERS must be less than ORT_WORKERS (the voices need a worker): received ${lip} of ${total}`,
    );
  }
  return { workers: total, lipWorkers: lip };
}

/** ONNX Runtime session threads for a worker plan; `undefined`: the loader's own default. */
export interface OrtThreadPlan {
  /** Intra-op threads of the voice (and shared) workers' sessions. */
  intraOpThreads: number | undefined;
  /** Intra-op threads of the lip workers' sessions. */
  lipIntraOpThreads: number | undefined;
  /** ONNX Runtime's intra-op spinning. */
  spinning: boolean | undefined;
}

/**
 * Fills the thread settings left to `auto` (`ORT_INTRA_OP_THREADS=0`,
 * `ORT_LIP_INTRA_OP_THREADS=0`, `ORT_SPINNING=auto`). With a lip worker of
 * its own, the voice workers get every core (synthesis comes in bursts, and
 * the next sentence's first audio waits on it), the lip workers the cores
 * but one (the server's thread keeps one), and idle threads do not spin, so
 * that one model's waiting threads never hold the core the other needs.
 * Measured on 2 cores with both real-size models (BENCHMARKS.md): TTFA 237
 * against 299 ms, TTFF 479 against 586 ms, 441 against 370 lip frames
 * rendered, compared with one thread each and spinning on. Without a lip
 * worker the loader's defaults stay.
 *
 * @example
 * ```ts
 * import { ortThreadPlan } from "./ort_worker_plan.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(ortThreadPlan(2, { workers: 2, lipWorkers: 1 }, {}), {
 *   intraOpThreads: 2,
 *   lipIntraOpThreads: 1,
 *   spinning: false,
 * });
 * ```
 *
 * @param cores Logical cores.
 * @param plan The worker plan.
 * @param asked The settings given (`undefined` or `"auto"`: not given).
 * @returns The thread settings to open sessions with.
 */
export function ortThreadPlan(
  cores: number,
  plan: OrtWorkerPlan,
  asked: {
    intraOpThreads?: number | undefined;
    lipIntraOpThreads?: number | undefined;
    spinning?: boolean | "auto" | undefined;
  },
): OrtThreadPlan {
  const split = plan.workers > 0 && plan.lipWorkers > 0;
  const spinning = asked.spinning === "auto" ? undefined : asked.spinning;
  if (!split) {
    return {
      intraOpThreads: asked.intraOpThreads,
      lipIntraOpThreads: asked.lipIntraOpThreads,
      spinning,
    };
  }
  return {
    intraOpThreads: asked.intraOpThreads ?? Math.max(1, cores),
    lipIntraOpThreads: asked.lipIntraOpThreads ??
      Math.max(1, Math.floor((cores - 1) / plan.lipWorkers)),
    spinning: spinning ?? false,
  };
}
