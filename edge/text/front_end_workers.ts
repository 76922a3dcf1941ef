/**
 * The text front end on Web Workers: {@linkcode planSynthesis} with the same
 * arguments, results and errors, run on `front_end_worker.ts` threads, so
 * a heavy front end (eSpeak NG phonemes for Piper voices, Chinese
 * segmentation) does not hold the server thread while other requests wait.
 * Calls go to the worker with the fewest in flight; a worker that dies fails
 * its calls, and with none left plans run on the calling thread.
 *
 * @module
 */

import type { Voice } from "../voices/voice.ts";
import type {
  FromFrontEndWorker,
  ToFrontEndWorker,
} from "./_front_end_protocol.ts";
import { type PlanOptions, planSynthesis } from "./front_end.ts";
import type { SynthesisPlan, SynthesisRequest } from "./synthesis_plan.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";

/** The signature of {@linkcode planSynthesis}. */
export type PlanSynthesis = (
  voice: Voice,
  request: SynthesisRequest,
  options?: PlanOptions,
) => Promise<SynthesisPlan>;

interface Pending {
  resolve: (plan: SynthesisPlan) => void;
  reject: (error: Error) => void;
}

class FrontEndThread {
  readonly #worker: Worker;
  readonly pending = new Map<number, Pending>();
  failure: Error | undefined;
  /** Resolves once the worker has loaded its modules (or failed). */
  readonly ready: Promise<void>;
  #loaded: () => void = () => {};

  constructor(module: URL) {
    this.#worker = new Worker(module.href, { type: "module" });
    this.ready = new Promise((resolve) => this.#loaded = resolve);
    this.#worker.onmessage = (event: MessageEvent<FromFrontEndWorker>) => {
      const message = event.data;
      if ("ready" in message) return this.#loaded();
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ("plan" in message) pending?.resolve(message.plan);
      else pending?.reject(rebuild(message.error));
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.fail(
        new Error(`The text front end worker failed: ${event.message}`),
      );
    };
  }

  post(message: ToFrontEndWorker): Promise<SynthesisPlan> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.#worker.postMessage(message);
    });
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.#loaded();
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  terminate(): void {
    this.fail(new Error("The text front end workers are closed"));
    this.#worker.terminate();
  }
}

function rebuild(
  error: Extract<FromFrontEndWorker, { error: unknown }>["error"],
): Error {
  if (error.frontEnd !== undefined) {
    const { code, ...fields } = error.frontEnd;
    return new TextFrontEndError(code, { ...fields, message: error.message });
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/** {@linkcode planSynthesis} on worker threads (see the module doc). */
export class FrontEndWorkers {
  readonly #threads: FrontEndThread[];
  #nextId = 0;
  #closed = false;

  /**
   * Starts `workers` threads.
   *
   * @example
   * ```ts ignore
   * const frontEnd = new FrontEndWorkers(1);
   * const plan = await frontEnd.plan(voice, { text: "Hello there." });
   * frontEnd.close();
   * ```
   *
   * @param workers Worker threads, at least 1.
   * @param module The worker module. @default {"./front_end_worker.ts"}
   * @throws {RangeError} Unless `workers` is a positive integer.
   */
  constructor(
    workers: number,
    module = new URL("./front_end_worker.ts", import.meta.url),
  ) {
    if (!Number.isSafeInteger(workers) || workers < 1) {
      throw new RangeError(
        `Cannot start text front end workers: workers must be a positive integer: received ${workers}`,
      );
    }
    this.#threads = Array.from(
      { length: workers },
      () => new FrontEndThread(module),
    );
  }

  /** Calls planned on the workers so far. */
  planned = 0;

  /**
   * Resolves once every worker has loaded its modules (or failed): awaited
   * at start-up, so the first request does not wait for eSpeak NG to load.
   */
  get ready(): Promise<void> {
    return Promise.all(this.#threads.map((thread) => thread.ready)).then(
      () => {},
    );
  }

  /** {@linkcode planSynthesis} on the least busy worker. */
  readonly plan: PlanSynthesis = async (voice, request, options = {}) => {
    const alive = this.#closed
      ? []
      : this.#threads.filter((thread) => thread.failure === undefined);
    if (alive.length === 0) return await planSynthesis(voice, request, options);
    const thread = alive.reduce((a, b) =>
      b.pending.size < a.pending.size ? b : a
    );
    const plan = await thread.post({
      id: this.#nextId++,
      voice,
      request,
      options,
    });
    this.planned++;
    return plan;
  };

  /** Stops the workers; later plans run on the calling thread. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const thread of this.#threads) thread.terminate();
  }
}
