/**
 * Frame workers: utterances' CPU work (resample + mel, face batch, paste-back,
 * JPEG; see `frame_work.ts`) on Web Workers, so the server thread only routes
 * messages and keeps answering requests while frames are made. Each
 * utterance stays on one worker (its mel feed and held mouth live there);
 * a new one goes to the worker with the fewest open utterances.
 *
 * Memory: each pack's frames and crops are copied once into
 * `SharedArrayBuffer`s that all workers read. Per call, audio and the model's
 * faces are copied into buffers of their own and transferred (the caller
 * keeps its arrays); results are transferred back.
 *
 * Cancellation: an aborted signal rejects a waiting call at once; the worker
 * finishes what it started and the result is dropped. A worker that dies
 * fails its utterances' calls; new utterances go to the others, and with
 * none left they run inline.
 *
 * @module
 */

import type { AvatarPack } from "../avatar/pack_loader.ts";
import { FACE_CROP_BYTES } from "../frames/face_batch.ts";
import type {
  FromFrameWorker,
  SharedPack,
  ToFrameWorker,
} from "./_frame_protocol.ts";
import {
  type EmittedFrame,
  type FaceBatchResult,
  type FrameWork,
  type FrameWorkOptions,
  inlineFrameWork,
  type MelResult,
} from "./frame_work.ts";

/** Options of {@linkcode FrameWorkerPool}. */
export interface FrameWorkerPoolOptions {
  /** The avatar packs by id. */
  packs: ReadonlyMap<string, AvatarPack>;
  /** Worker threads, at least 1. */
  workers: number;
  /** The worker module (tests may substitute one). @default {"./frame_worker.ts"} */
  workerModule?: URL;
}

/** Calls answered by the workers so far, by kind. */
export interface FrameWorkerCounts {
  /** Resample + mel calls. */
  mel: number;
  /** Face batches built. */
  faces: number;
  /** Frames pasted and encoded. */
  frames: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type Call = ToFrameWorker & { id: number };

class FrameThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #failure: Error | undefined;
  /** Utterances open on this worker. */
  sessions = 0;
  /** Resolves once the worker has loaded its modules (or failed). */
  readonly ready: Promise<void>;
  #loaded: () => void = () => {};

  constructor(module: URL, packs: SharedPack[]) {
    this.#worker = new Worker(module.href, { type: "module" });
    this.ready = new Promise((resolve) => this.#loaded = resolve);
    this.#worker.onmessage = (event: MessageEvent<FromFrameWorker>) => {
      const message = event.data;
      if (message.type === "ready") return this.#loaded();
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.type === "result") pending?.resolve(message.value);
      else {
        const error = new Error(message.message);
        error.name = message.name;
        pending?.reject(error);
      }
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`The frame worker failed: ${event.message}`));
    };
    this.post({ type: "packs", packs });
  }

  get failure(): Error | undefined {
    return this.#failure;
  }

  post(message: ToFrameWorker, transfer: ArrayBuffer[] = []): void {
    if (this.#failure === undefined) {
      this.#worker.postMessage(message, transfer);
    }
  }

  call<T>(
    message: Call,
    transfer: ArrayBuffer[],
    signal?: AbortSignal,
  ): Promise<T> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(message.id);
        reject(signal!.reason);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#pending.set(message.id, {
        resolve: (value) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(value as T);
        },
        reject: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      });
      this.#worker.postMessage(message, transfer);
    });
  }

  fail(error: Error): void {
    this.#failure ??= error;
    this.#loaded();
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  terminate(): void {
    this.fail(new Error("The frame worker pool is closed"));
    this.#worker.terminate();
  }
}

function sharePack(id: string, pack: AvatarPack): SharedPack {
  const { width, height, frameCount } = pack.manifest;
  const bytes = width * height * 3;
  const frames = new SharedArrayBuffer(frameCount * bytes);
  const view = new Uint8Array(frames);
  pack.frames.forEach((frame, i) => view.set(frame.data, i * bytes));
  const crops = new SharedArrayBuffer(frameCount * FACE_CROP_BYTES);
  new Uint8Array(crops).set(pack.crops);
  return { id, width, height, frameCount, frames, boxes: pack.boxes, crops };
}

/** A copy of `array` in a buffer of its own, and that buffer (to transfer). */
function own(array: Float32Array): [Float32Array, ArrayBuffer] {
  const copy = array.slice();
  return [copy, copy.buffer];
}

/** Utterances' frame work on worker threads (see the module doc). */
export class FrameWorkerPool {
  readonly #threads: FrameThread[];
  readonly #packs: ReadonlyMap<string, AvatarPack>;
  readonly #counts: FrameWorkerCounts = { mel: 0, faces: 0, frames: 0 };
  #nextId = 0;
  #nextSession = 0;
  #closed = false;

  /**
   * Starts the workers and hands them the packs.
   *
   * @example
   * ```ts ignore
   * const pool = new FrameWorkerPool({ packs, workers: 1 });
   * const work = pool.open("demo", { sampleRateHz: 22050, jpegQuality: 80, blend: "feathered" });
   * const { frames } = await work.mel(samples);
   * work.close();
   * pool.close();
   * ```
   *
   * @param options Packs, worker count and module.
   * @throws {RangeError} Unless `workers` is a positive integer.
   */
  constructor(options: FrameWorkerPoolOptions) {
    const { workers, packs } = options;
    if (!Number.isSafeInteger(workers) || workers < 1) {
      throw new RangeError(
        `Cannot create frame worker pool: workers must be a positive integer: received ${workers}`,
      );
    }
    const module = options.workerModule ??
      new URL("./frame_worker.ts", import.meta.url);
    const shared = [...packs].map(([id, pack]) => sharePack(id, pack));
    this.#packs = packs;
    this.#threads = Array.from(
      { length: workers },
      () => new FrameThread(module, shared),
    );
  }

  /** Resolves once every worker has loaded its modules (or failed). */
  get ready(): Promise<void> {
    return Promise.all(this.#threads.map((thread) => thread.ready)).then(
      () => {},
    );
  }

  /** Calls the workers answered so far, by kind. */
  get counts(): Readonly<FrameWorkerCounts> {
    return this.#counts;
  }

  /** Workers still serving. */
  get alive(): number {
    return this.#threads.filter((thread) => thread.failure === undefined)
      .length;
  }

  /**
   * Opens one utterance's work on the least busy worker (inline when none
   * is left).
   *
   * @param packId The avatar pack.
   * @param options Audio rate, JPEG quality and paste-back mode.
   * @returns The work.
   * @throws {RangeError} For an unknown pack.
   */
  open(packId: string, options: FrameWorkOptions): FrameWork {
    const pack = this.#packs.get(packId);
    if (pack === undefined) {
      throw new RangeError(
        `Cannot open frame work: unknown avatar '${packId}'`,
      );
    }
    const threads = this.#closed
      ? []
      : this.#threads.filter((thread) => thread.failure === undefined);
    if (threads.length === 0) return inlineFrameWork(pack, options);
    const thread = threads.reduce((a, b) => b.sessions < a.sessions ? b : a);
    const session = this.#nextSession++;
    thread.sessions++;
    thread.post({ type: "open", session, pack: packId, options });
    const counts = this.#counts;
    const id = () => this.#nextId++;
    let open = true;
    return {
      where: "worker",
      lookahead: 1,
      async mel(samples) {
        const [copy, buffer] = own(samples);
        const value = await thread.call<MelResult>(
          { type: "mel", id: id(), session, samples: copy },
          [buffer],
        );
        counts.mel++;
        return value;
      },
      async melFlush() {
        const value = await thread.call<MelResult>(
          { type: "mel-flush", id: id(), session },
          [],
        );
        counts.mel++;
        return value;
      },
      async faceBatch(avatarFrames) {
        const value = await thread.call<FaceBatchResult>(
          { type: "faces", id: id(), session, avatarFrames: [...avatarFrames] },
          [],
        );
        counts.faces++;
        return value;
      },
      async emit(avatarFrame, face, signal) {
        const owned = face === undefined ? undefined : own(face);
        const value = await thread.call<EmittedFrame>(
          { type: "emit", id: id(), session, avatarFrame, face: owned?.[0] },
          owned === undefined ? [] : [owned[1]],
          signal,
        );
        counts.frames++;
        return value;
      },
      close() {
        if (!open) return;
        open = false;
        thread.sessions--;
        thread.post({ type: "close", session });
      },
    };
  }

  /** Stops the workers; their waiting calls reject, later utterances run inline. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const thread of this.#threads) thread.terminate();
  }
}
