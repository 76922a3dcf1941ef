/**
 * A dynamic batcher in the manner of Triton's: requests for one model that arrive within
 * `max_queue_delay_microseconds` are concatenated along the batch axis up to `max_batch_size`, run
 * once, and split back.
 *
 * Batch formation, following Triton's `dynamic_batching` docs:
 * - only a run of compatible requests from the head of the queue is merged (same input names,
 *   datatypes and non-batch dimensions); an incompatible request starts the next batch
 *   (`allow_ragged_batch` is not supported);
 * - a batch goes out at once when it reaches `max_batch_size`, reaches the largest preferred size,
 *   or cannot grow (the next request would not fit); otherwise when the oldest request has waited
 *   the queue delay (0 by default: no waiting, so only requests that queued while a batch was
 *   running are merged);
 * - its size is the largest preferred size that whole requests can form, otherwise the largest
 *   possible up to `max_batch_size`.
 *
 * A request whose signal aborts while queued is removed; one aborted mid-run is answered at once
 * (the batch runs on for the others, and is itself aborted when every member has gone).
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/user_guide/batcher.md
 * @module
 */
import {
  type DynamicBatchingConfig,
  InferenceError,
  type NamedTensors,
} from "@lipstream/shared";
import { concatBatch, splitBatch } from "./_batch_tensors.ts";

/** Runs one (possibly merged) batch. */
export type BatchRunner = (
  inputs: NamedTensors,
  options: { signal: AbortSignal },
) => Promise<NamedTensors>;

/** Options of {@linkcode DynamicBatcher}. */
export interface DynamicBatcherOptions {
  /** `max_batch_size` of the model (> 0). */
  maxBatchSize: number;
  /** `dynamic_batching` of the model config. */
  dynamicBatching?: DynamicBatchingConfig;
  /** Batches run at the same time (model instances). @default {1} */
  concurrency?: number;
}

/** Counters for tests and monitoring. */
export interface BatcherStats {
  /** Batches run. */
  runs: number;
  /** Requests answered by those runs. */
  requests: number;
  /** Batch items run (sum of batch sizes). */
  items: number;
  /** Requests removed from the queue by their signal. */
  cancelled: number;
}

interface Pending {
  inputs: NamedTensors;
  size: number;
  key: string;
  enqueuedAt: number;
  signal: AbortSignal | undefined;
  settled: boolean;
  resolve(outputs: NamedTensors): void;
  reject(error: unknown): void;
  detach(): void;
}

function batchKey(inputs: NamedTensors): string {
  return Object.keys(inputs).sort().map((name) => {
    const t = inputs[name]!;
    return `${name}:${t.datatype}:${t.shape.slice(1).join("x")}`;
  }).join("|");
}

/**
 * Merges concurrent requests for one model into batches.
 *
 * @example Two concurrent requests run as one batch
 * ```ts
 * import { DynamicBatcher } from "@lipstream/inference/server";
 * import assert from "node:assert/strict";
 *
 * const batcher = new DynamicBatcher((inputs) => Promise.resolve({ y: inputs.x! }), {
 *   maxBatchSize: 4,
 *   dynamicBatching: { max_queue_delay_microseconds: 10_000 },
 * });
 * const x = (v: number) => ({ x: { datatype: "FP32" as const, shape: [1, 2], data: Float32Array.of(v, v) } });
 * const [a, b] = await Promise.all([batcher.submit(x(1)), batcher.submit(x(2))]);
 * assert.deepEqual([...a.y!.data as Float32Array, ...b.y!.data as Float32Array], [1, 1, 2, 2]);
 * assert.equal(batcher.stats.runs, 1);
 * ```
 */
export class DynamicBatcher {
  #run: BatchRunner;
  #maxBatchSize: number;
  #preferred: number[];
  #delayMs: number;
  #concurrency: number;
  #queue: Pending[] = [];
  #running = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stats: BatcherStats = { runs: 0, requests: 0, items: 0, cancelled: 0 };

  constructor(run: BatchRunner, options: DynamicBatcherOptions) {
    if (
      !Number.isSafeInteger(options.maxBatchSize) || options.maxBatchSize < 1
    ) {
      throw new RangeError(
        `Cannot create dynamic batcher: max batch size must be a positive integer: received ${options.maxBatchSize}`,
      );
    }
    this.#run = run;
    this.#maxBatchSize = options.maxBatchSize;
    this.#preferred = (options.dynamicBatching?.preferred_batch_size ?? [])
      .filter((size) => size > 0 && size <= options.maxBatchSize)
      .sort((a, b) => b - a);
    this.#delayMs =
      (options.dynamicBatching?.max_queue_delay_microseconds ?? 0) / 1000;
    this.#concurrency = options.concurrency ?? 1;
  }

  /** A snapshot of the counters. */
  get stats(): Readonly<BatcherStats> {
    return { ...this.#stats };
  }

  /** Requests waiting to be batched. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Queues one request (batch size = its inputs' first dimension) and resolves with its own slice
   * of the batched outputs.
   */
  submit(
    inputs: NamedTensors,
    options: { signal?: AbortSignal } = {},
  ): Promise<NamedTensors> {
    const first = Object.values(inputs)[0];
    const size = first?.shape[0];
    if (size === undefined || size < 1 || size > this.#maxBatchSize) {
      return Promise.reject(
        new InferenceError(
          "invalid_argument",
          `inference request batch-size must be <= ${this.#maxBatchSize}: received ${size}`,
        ),
      );
    }
    const { signal } = options;
    if (signal?.aborted) {
      return Promise.reject(
        new InferenceError("cancelled", "Request cancelled"),
      );
    }
    return new Promise<NamedTensors>((resolve, reject) => {
      const pending: Pending = {
        inputs,
        size,
        key: batchKey(inputs),
        enqueuedAt: performance.now(),
        signal,
        settled: false,
        resolve: (outputs) => {
          if (pending.settled) return;
          pending.settled = true;
          pending.detach();
          resolve(outputs);
        },
        reject: (error) => {
          if (pending.settled) return;
          pending.settled = true;
          pending.detach();
          reject(error);
        },
        detach: () => signal?.removeEventListener("abort", onAbort),
      };
      const onAbort = () => {
        const index = this.#queue.indexOf(pending);
        if (index >= 0) {
          this.#queue.splice(index, 1);
          this.#stats.cancelled++;
        }
        pending.reject(new InferenceError("cancelled", "Request cancelled"));
        this.#schedule();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(pending);
      this.#schedule();
    });
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#running < this.#concurrency && this.#queue.length > 0) {
      const batch = this.#takeBatch();
      if (batch === undefined) return;
      void this.#execute(batch);
    }
  }

  /** The next batch to run now, or undefined (with a timer set) when it should wait. */
  #takeBatch(): Pending[] | undefined {
    const head = this.#queue[0]!;
    const sums: number[] = [];
    let total = 0;
    let canGrow = true;
    for (const pending of this.#queue) {
      if (pending.key !== head.key) {
        canGrow = false;
        break;
      }
      if (total + pending.size > this.#maxBatchSize) {
        canGrow = false;
        break;
      }
      total += pending.size;
      sums.push(total);
    }
    const waited = performance.now() - head.enqueuedAt;
    const full = total === this.#maxBatchSize || total === this.#preferred[0];
    if (!full && canGrow && waited < this.#delayMs) {
      this.#timer = setTimeout(() => this.#schedule(), this.#delayMs - waited);
      return undefined;
    }
    let count = sums.length;
    for (const preferred of this.#preferred) {
      const index = sums.indexOf(preferred);
      if (index >= 0) {
        count = index + 1;
        break;
      }
    }
    return this.#queue.splice(0, count);
  }

  async #execute(batch: Pending[]): Promise<void> {
    this.#running++;
    const controller = new AbortController();
    const onMemberAbort = () => {
      if (batch.every((p) => p.settled)) controller.abort();
    };
    for (const p of batch) p.signal?.addEventListener("abort", onMemberAbort);
    try {
      const sizes = batch.map((p) => p.size);
      const inputs = batch.length === 1
        ? batch[0]!.inputs
        : concatBatch(batch.map((p) => p.inputs));
      this.#stats.runs++;
      this.#stats.requests += batch.length;
      this.#stats.items += sizes.reduce((a, b) => a + b, 0);
      const outputs = await this.#run(inputs, { signal: controller.signal });
      const parts = batch.length === 1 ? [outputs] : splitBatch(outputs, sizes);
      batch.forEach((p, i) => p.resolve(parts[i]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      for (const p of batch) {
        p.signal?.removeEventListener("abort", onMemberAbort);
      }
      this.#running--;
      this.#schedule();
    }
  }
}
