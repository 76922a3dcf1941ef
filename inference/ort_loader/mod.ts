/**
 * Opens the in-process ONNX Runtime backend without naming it statically: `inference/ort` (and
 * onnxruntime-node with it) is imported through a computed specifier, so a module graph that
 * imports this loader stays free of native addons until the embedded backend is really wanted
 * (`deno task check:edge-graph` verifies the edge's graph). The edge's embedded mode and
 * `deno task inference` both open ORT here.
 *
 * @module
 */

import type { RepositoryBackend } from "../triton/types.ts";

/** Options for {@linkcode loadOrtBackend}. */
export interface LoadOrtBackendOptions {
  /** The Triton-layout model repository folder. */
  repository: string;
  /** Worker threads running the models; 0 runs them on the calling thread. */
  workers: number;
  /** ONNX Runtime intra-op threads per session; ORT's (or the worker backend's) default when absent. */
  intraOpThreads?: number | undefined;
  /**
   * With workers: models that run on workers of their own (the last `workers` of them), every
   * other model on the rest; absent: every run goes to the least busy worker.
   */
  dedicated?:
    | { models: readonly string[]; workers: number; intraOpThreads?: number }
    | undefined;
  /** ONNX Runtime's thread spinning (`session.intra_op.allow_spinning`); ORT's default when absent. */
  spinning?: boolean | undefined;
  /** Single ONNX files served beside the repository under their names. */
  extraModels?: readonly { name: string; path: string }[] | undefined;
}

type CreateOrtBackend = (options: {
  repository: string;
  workers?: number;
  intraOpThreads?: number;
  extraModels?: readonly { name: string; path: string }[];
  dedicated?: {
    models: readonly string[];
    workers: number;
    intraOpThreads?: number;
  };
  spinning?: boolean;
}) => Promise<RepositoryBackend>;

/** Where the embedded backend lives, hidden from static analysis on purpose. */
const ORT_MODULE = ["..", "ort", "mod.ts"].join("/");

/**
 * Imports `inference/ort` and opens its worker backend (`workers > 0`) or its single-thread
 * backend (`workers` 0) on the repository.
 *
 * @param options The repository, the workers and ORT's threads.
 * @returns The backend; the caller closes it.
 * @throws {RangeError} When `workers` is not a non-negative integer.
 * @throws {TypeError} When `inference/ort` lacks the backend's factory.
 *
 * @example
 * ```ts ignore
 * import { loadOrtBackend } from "@lipstream/inference/ort_loader";
 *
 * const backend = await loadOrtBackend({ repository: "generated/models", workers: 1 });
 * console.log((await backend.repositoryIndex?.())?.map((entry) => entry.name));
 * await backend.close();
 * ```
 */
export async function loadOrtBackend(
  options: LoadOrtBackendOptions,
): Promise<RepositoryBackend> {
  const {
    repository,
    workers,
    intraOpThreads,
    extraModels,
    dedicated,
    spinning,
  } = options;
  if (!Number.isSafeInteger(workers) || workers < 0) {
    throw new RangeError(
      `Cannot load the embedded backend: workers must be a non-negative integer: received ${workers}`,
    );
  }
  const factory = workers > 0 ? "createOrtWorkerBackend" : "createOrtBackend";
  const module = await import(
    new URL(ORT_MODULE, import.meta.url).href
  ) as Partial<Record<typeof factory, CreateOrtBackend>>;
  const create = module[factory];
  if (typeof create !== "function") {
    throw new TypeError(
      `Cannot load the embedded backend: inference/ort exports no ${factory}`,
    );
  }
  return await create({
    repository,
    ...(workers > 0 ? { workers } : {}),
    ...(intraOpThreads === undefined ? {} : { intraOpThreads }),
    ...(extraModels === undefined ? {} : { extraModels }),
    ...(workers > 0 && dedicated !== undefined ? { dedicated } : {}),
    ...(spinning === undefined ? {} : { spinning }),
  });
}
