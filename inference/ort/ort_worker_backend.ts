/**
 * ONNX Runtime on worker threads: the same backend as {@linkcode createOrtBackend}, but each model
 * run happens in a Web Worker (`ort_worker.ts`), so the caller's thread keeps serving HTTP,
 * encoding frames and writing streams while a model runs. onnxruntime-node runs synchronously on
 * the thread that calls it, so in process a 100 ms Wav2Lip batch on CPU stalls every stream for
 * 100 ms; on a worker it stalls none.
 *
 * Cancellation: an aborted signal or a passed timeout ends the call at once; a run already started
 * finishes on its worker and its result is dropped, a run not yet started is skipped.
 *
 * Failure: a worker that dies fails its calls in flight as `unavailable` and takes no more; the
 * other workers keep serving, and with none left the backend reports not ready.
 *
 * @module
 */
import {
  InferenceError,
  type InferOptions,
  type ModelConfig,
  type ModelMetadata,
  type NamedTensors,
} from "@lipstream/shared";
import type { KserveServerBackend } from "../server/backend_types.ts";
import type { RepositoryIndexEntry } from "../triton/types.ts";
import type { OrtBackendOptions } from "./ort_backend.ts";
import { cancelled, interruption } from "./_interruption.ts";
import {
  detachedCopy,
  fromWireError,
  type FromWorker,
  type ToWorker,
  type WorkerQuery,
} from "./_worker_protocol.ts";

/** Options of {@linkcode createOrtWorkerBackend}. */
export interface OrtWorkerBackendOptions extends OrtBackendOptions {
  /**
   * Worker threads, each with its own sessions of every model (memory × workers); runs go to the
   * least busy. @default {1}
   */
  workers?: number;
  /**
   * Models that run only on workers of their own (e.g. the lip model), so that they never queue
   * behind the other models (e.g. the voice) and both run at once on separate cores: `models`
   * run on the last `workers` workers, every other model on the rest. Each worker still loads
   * every model, so when one side's workers have all died the other side serves both.
   * @default No split: every run goes to the least busy worker.
   */
  dedicated?: DedicatedWorkers;
  /**
   * Threads within one operator, per worker. @default The cores left after one for the caller's
   * thread, shared among the workers (at least 1): on 2 cores, 1.
   */
  intraOpThreads?: number;
  /**
   * The worker module, speaking `_worker_protocol.ts` (tests use one that fails on purpose).
   * @default {"./ort_worker.ts"}
   */
  workerModule?: URL;
}

/** {@linkcode OrtWorkerBackendOptions.dedicated}. */
export interface DedicatedWorkers {
  /** The models that get workers of their own. */
  models: readonly string[];
  /** How many of the workers serve them: at least 1, fewer than all. */
  workers: number;
  /** Intra-op threads of their sessions. @default The other workers' */
  intraOpThreads?: number;
}

/**
 * The default intra-op threads of each of `workers` workers on `cores` cores: one core stays with
 * the caller's thread (it serves HTTP and encodes frames), the rest are shared.
 *
 * @example
 * ```ts
 * import { defaultWorkerIntraOpThreads } from "@lipstream/inference/ort";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultWorkerIntraOpThreads(2, 1), 1);
 * assert.equal(defaultWorkerIntraOpThreads(16, 1), 15);
 * assert.equal(defaultWorkerIntraOpThreads(16, 2), 7);
 * assert.equal(defaultWorkerIntraOpThreads(1, 4), 1);
 * ```
 *
 * @param cores Logical cores (`navigator.hardwareConcurrency`).
 * @param workers Worker threads.
 * @returns Threads per worker, at least 1.
 */
export function defaultWorkerIntraOpThreads(
  cores: number,
  workers: number,
): number {
  return Math.max(1, Math.floor((cores - 1) / workers));
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One worker thread and the calls it has not answered yet. */
class OrtWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #failure: Error | undefined;

  constructor(module: URL, name: string) {
    this.#worker = new Worker(module.href, { type: "module", name });
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type !== "result" && message.type !== "error") return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.type === "result") pending?.resolve(message.value);
      else pending?.reject(fromWireError(message.error));
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.fail(
        new InferenceError(
          "unavailable",
          `The ONNX Runtime worker failed: ${event.message}`,
        ),
      );
    };
  }

  /** Calls in flight. */
  get load(): number {
    return this.#pending.size;
  }

  /** Why this worker cannot serve, if it cannot. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Loads the repository in the worker; rejects with the worker's reason. */
  open(options: OrtBackendOptions): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onOpen = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === "opened") resolve();
        else if (message.type === "open-failed") {
          reject(fromWireError(message.error));
        } else return;
        this.#worker.removeEventListener("message", onOpen);
      };
      this.#worker.addEventListener("message", onOpen);
      this.#pending.set(-1, { resolve: () => {}, reject });
      this.#worker.postMessage({ type: "open", options } satisfies ToWorker);
    }).finally(() => this.#pending.delete(-1));
  }

  /** Sends a request with an `id` and waits for its answer. */
  call(message: ToWorker & { id: number }, transfer: ArrayBuffer[] = []) {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise<unknown>((resolve, reject) => {
      this.#pending.set(message.id, { resolve, reject });
      try {
        this.#worker.postMessage(message, transfer);
      } catch (error) {
        this.#pending.delete(message.id);
        throw error;
      }
    });
  }

  /** Tells the worker that call `id` is no longer wanted. */
  cancel(id: number): void {
    if (this.#failure === undefined) {
      this.#worker.postMessage({ type: "cancel", id } satisfies ToWorker);
    }
  }

  /** Rejects every waiting call with `error`; later calls reject with it too. */
  fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  terminate(): void {
    this.#worker.terminate();
  }
}

/**
 * Loads a Triton-layout repository into ONNX Runtime on `workers` worker threads (see the module
 * doc). Same models, states and errors as {@linkcode createOrtBackend}.
 *
 * @param options Repository folder, thread counts, warm-up and the number of workers.
 * @returns The backend.
 * @throws When a worker cannot start or load the repository.
 * @example
 * ```ts ignore
 * import { createOrtWorkerBackend } from "@lipstream/inference/ort";
 *
 * const backend = await createOrtWorkerBackend({ repository: "generated/models" });
 * console.log(await backend.repositoryIndex!());
 * await backend.close();
 * ```
 */
export async function createOrtWorkerBackend(
  options: OrtWorkerBackendOptions,
): Promise<KserveServerBackend> {
  const {
    workers: count = 1,
    workerModule = new URL("./ort_worker.ts", import.meta.url),
    dedicated,
    ...rest
  } = options;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(
      `Cannot create the ONNX Runtime worker backend: workers must be a positive integer: received ${count}`,
    );
  }
  if (
    dedicated !== undefined &&
    (!Number.isSafeInteger(dedicated.workers) || dedicated.workers < 1 ||
      dedicated.workers >= count)
  ) {
    throw new RangeError(
      `Cannot create the ONNX Runtime worker backend: dedicated workers must be an integer from 1 to ${
        count - 1
      } (workers - 1): received ${dedicated.workers}`,
    );
  }
  const dedicatedModels = new Set(dedicated?.models ?? []);
  const firstDedicated = count - (dedicated?.workers ?? 0);
  const ortOptions: OrtBackendOptions = {
    ...rest,
    intraOpThreads: rest.intraOpThreads ??
      defaultWorkerIntraOpThreads(navigator.hardwareConcurrency, count),
  };
  let closed = false;
  const workers = Array.from(
    { length: count },
    (_, i) => new OrtWorker(workerModule, `ort-${i}`),
  );
  try {
    await Promise.all(workers.map((worker, i) =>
      worker.open(
        i >= firstDedicated && dedicated?.intraOpThreads !== undefined
          ? { ...ortOptions, intraOpThreads: dedicated.intraOpThreads }
          : ortOptions,
      )
    ));
  } catch (error) {
    for (const worker of workers) worker.terminate();
    throw error;
  }
  let nextId = 0;

  function usable(): OrtWorker[] {
    if (closed) {
      throw new InferenceError("unavailable", "The backend is closed");
    }
    const alive = workers.filter((worker) => worker.failure === undefined);
    if (alive.length === 0) throw workers[0]!.failure!;
    return alive;
  }

  /** The least busy live worker of `model`'s side of the split (any side when its own is down). */
  function leastBusy(model: string): OrtWorker {
    const alive = usable();
    const own = dedicated === undefined
      ? alive
      : alive.filter((worker) =>
        (workers.indexOf(worker) >= firstDedicated) ===
          dedicatedModels.has(model)
      );
    return (own.length > 0 ? own : alive).reduce((a, b) =>
      b.load < a.load ? b : a
    );
  }

  async function query<T>(
    method: WorkerQuery,
    args: unknown[],
    signal: AbortSignal | undefined,
  ): Promise<T> {
    signal?.throwIfAborted();
    const [worker] = usable();
    return await worker!.call({
      type: "query",
      id: nextId++,
      method,
      args,
    }) as T;
  }

  async function infer(
    model: string,
    inputs: NamedTensors,
    callOptions: InferOptions = {},
  ): Promise<NamedTensors> {
    if (callOptions.signal?.aborted) {
      throw cancelled(model, callOptions.signal.reason);
    }
    const worker = leastBusy(model);
    const id = nextId++;
    const { tensors, transfer } = detachedCopy(inputs);
    const result = worker.call({
      type: "infer",
      id,
      model,
      inputs: tensors,
      options: {
        ...(callOptions.outputs === undefined
          ? {}
          : { outputs: callOptions.outputs }),
        ...(callOptions.version === undefined
          ? {}
          : { version: callOptions.version }),
      },
    }, transfer) as Promise<NamedTensors>;
    result.catch(() => {});
    const stopper = interruption(model, callOptions);
    try {
      return await Promise.race([result, stopper.promise]);
    } catch (error) {
      if (
        error instanceof InferenceError &&
        (error.kind === "cancelled" || error.kind === "timeout")
      ) {
        worker.cancel(id);
      }
      throw error;
    } finally {
      stopper.stop();
    }
  }

  return {
    infer,
    modelMetadata: (model, callOptions = {}) =>
      query<ModelMetadata>(
        "modelMetadata",
        [model, withoutSignal(callOptions)],
        callOptions.signal,
      ),
    modelConfig: (model, callOptions = {}) =>
      query<ModelConfig>(
        "modelConfig",
        [model, withoutSignal(callOptions)],
        callOptions.signal,
      ),
    isModelReady: (model, callOptions = {}) =>
      closed ? Promise.resolve(false) : query<boolean>(
        "isModelReady",
        [model, withoutSignal(callOptions)],
        callOptions.signal,
      ).catch(() => false),
    isReady: () =>
      Promise.resolve(
        !closed && workers.some((worker) => worker.failure === undefined),
      ),
    repositoryIndex: (indexOptions = {}) =>
      query<RepositoryIndexEntry[]>(
        "repositoryIndex",
        [indexOptions],
        undefined,
      ),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(workers.map(async (worker) => {
        try {
          await worker.call({ type: "close", id: nextId++ });
        } catch {
          // A failed worker has nothing left to close.
        }
        worker.fail(new InferenceError("unavailable", "The backend is closed"));
        worker.terminate();
      }));
    },
  };
}

/** The call options minus the signal, which cannot cross to a worker. */
function withoutSignal(
  options: { signal?: AbortSignal; version?: string },
): { version?: string } {
  return options.version === undefined ? {} : { version: options.version };
}
