/**
 * Picks the inference backend from the configuration: Triton over HTTP when
 * `TRITON_URL` is set, otherwise ONNX Runtime in process on the model
 * repository, on worker threads (`ORT_WORKERS`; by default two on two or
 * more cores, one of them for the lip model alone, see `ort_worker_plan.ts`)
 * or, with `ORT_WORKERS=0`, on the server's own thread. The ORT module is loaded by
 * `@lipstream/inference/ort_loader`, so it never enters the edge's static
 * module graph (which `deno task check:edge-graph` verifies): a Workers-style
 * edge deploys with Triton and never loads native code.
 *
 * @module
 */

import type { InferenceBackend } from "@lipstream/shared";
import { loadOrtBackend } from "@lipstream/inference/ort_loader";
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
   * Of the ORT workers, how many run only `lipModels` (the others run every other model);
   * 0 or absent: every worker runs every model.
   */
  ortLipWorkers?: number;
  /** The lip model's possible names, for `ortLipWorkers`. */
  lipModels?: readonly string[];
  /** ONNX Runtime intra-op threads of the lip workers' sessions; `intraOpThreads` when absent. */
  lipIntraOpThreads?: number | undefined;
  /** ONNX Runtime's intra-op thread spinning; ORT's default (on) when absent. */
  spinning?: boolean | undefined;
  /**
   * Embedded mode: ONNX files served beside the repository (a voices folder's own models, such
   * as a Piper `name.onnx` dropped in), each under its name; a repository model of the same name
   * wins. Triton mode ignores them (Triton serves only its repository).
   */
  extraModels?: readonly { name: string; path: string }[];
  /** ONNX Runtime intra-op threads per session; ORT's worker default when absent. */
  intraOpThreads?: number | undefined;
}

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
  const backend = await loadOrtBackend({
    repository: options.modelRepository,
    workers: options.ortWorkers,
    intraOpThreads: options.intraOpThreads,
    extraModels: options.extraModels,
    dedicated: (options.ortLipWorkers ?? 0) > 0
      ? {
        models: options.lipModels ?? [],
        workers: options.ortLipWorkers!,
        ...(options.lipIntraOpThreads === undefined
          ? {}
          : { intraOpThreads: options.lipIntraOpThreads }),
      }
      : undefined,
    spinning: options.spinning,
  });
  const models = backend.repositoryIndex === undefined
    ? []
    : (await backend.repositoryIndex()).map((entry) => entry.name);
  return { backend, mode: "embedded", models };
}
