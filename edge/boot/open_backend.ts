/**
 * Picks the inference backend from the configuration: Triton over HTTP when
 * `TRITON_URL` is set, otherwise ONNX Runtime in process on the model
 * repository, on worker threads (`ORT_WORKERS`, default 1) or, with
 * `ORT_WORKERS=0`, on the server's own thread. The ORT module is imported dynamically through a computed
 * specifier, so it never enters the edge's static module graph (which
 * `deno task check:edge-graph` verifies): a Workers-style edge deploys with
 * Triton and never loads native code.
 *
 * @module
 */

import type { InferenceBackend } from "@lipstream/shared";
import { TritonClient } from "@lipstream/inference/triton";

/** The backend and how it was chosen. */
export interface OpenedBackend {
  /** The backend. */
  backend: InferenceBackend;
  /** `triton` or `embedded`. */
  mode: "triton" | "embedded";
  /** Model names the backend serves, when it can list them cheaply. */
  models: string[];
}

/** Options for {@linkcode openBackend}. */
export interface OpenBackendOptions {
  /** Triton's base URL; embedded mode when absent. */
  tritonUrl: string | undefined;
  /** The Triton-layout model repository for embedded mode. */
  modelRepository: string;
  /** Per-request timeout for Triton calls, ms. */
  timeoutMs: number;
  /** ORT worker threads in embedded mode; 0 runs ORT on the calling thread. */
  ortWorkers: number;
  /**
   * Embedded mode: ONNX files served beside the repository (a voices folder's own models, such
   * as a Piper `name.onnx` dropped in), each under its name; a repository model of the same name
   * wins. Triton mode ignores them (Triton serves only its repository).
   */
  extraModels?: readonly { name: string; path: string }[];
  /** ONNX Runtime intra-op threads per session; ORT's worker default when absent. */
  intraOpThreads?: number | undefined;
}

type CreateOrtBackend = (
  options: {
    repository: string;
    workers?: number;
    intraOpThreads?: number;
    extraModels?: readonly { name: string; path: string }[];
  },
) => Promise<
  InferenceBackend & {
    repositoryIndex?(): Promise<{ name: string }[]>;
  }
>;

/** Where the embedded backend lives, hidden from static analysis on purpose. */
const ORT_MODULE = ["..", "..", "inference", "ort", "mod.ts"].join("/");

/**
 * Opens the backend.
 *
 * @example
 * ```ts ignore
 * const { backend, mode } = await openBackend({ tritonUrl: undefined, modelRepository: "generated/models", timeoutMs: 15000 });
 * ```
 *
 * @param options The URL or repository.
 * @returns The backend, its mode and its models.
 */
export async function openBackend(
  options: OpenBackendOptions,
): Promise<OpenedBackend> {
  if (options.tritonUrl !== undefined) {
    const client = new TritonClient({
      url: options.tritonUrl,
      timeoutMs: options.timeoutMs,
    });
    let models: string[] = [];
    try {
      models = (await client.repositoryIndex()).map((entry) => entry.name);
    } catch {
      // The repository extension is optional; the caller names its models.
    }
    return { backend: client, mode: "triton", models };
  }
  const module = await import(new URL(ORT_MODULE, import.meta.url).href) as {
    createOrtBackend?: CreateOrtBackend;
    createOrtWorkerBackend?: CreateOrtBackend;
  };
  const create = options.ortWorkers > 0
    ? module.createOrtWorkerBackend
    : module.createOrtBackend;
  if (typeof create !== "function") {
    throw new TypeError(
      "Cannot open the embedded backend: inference/ort exports no createOrtBackend or createOrtWorkerBackend",
    );
  }
  const backend = await create({
    repository: options.modelRepository,
    ...(options.extraModels === undefined
      ? {}
      : { extraModels: options.extraModels }),
    ...(options.ortWorkers > 0 ? { workers: options.ortWorkers } : {}),
    ...(options.intraOpThreads === undefined
      ? {}
      : { intraOpThreads: options.intraOpThreads }),
  });
  const models = backend.repositoryIndex === undefined
    ? []
    : (await backend.repositoryIndex()).map((entry) => entry.name);
  return { backend, mode: "embedded", models };
}
