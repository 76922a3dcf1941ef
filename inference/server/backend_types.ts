/**
 * What the KServe server needs from a backend: {@linkcode InferenceBackend} plus, optionally, the
 * Triton extensions it serves (model configuration, repository index).
 *
 * @module
 */
import type { InferenceBackend, ModelConfig } from "@lipstream/shared";
import type { RepositoryIndexEntry } from "../triton/types.ts";

/** A backend the server can host; the optional methods enable more endpoints and batching. */
export interface KserveServerBackend extends InferenceBackend {
  /** Enables `GET …/config` and, for configs with `dynamic_batching`, the dynamic batcher. */
  modelConfig?(
    model: string,
    options?: { signal?: AbortSignal; version?: string },
  ): Promise<ModelConfig>;
  /** Enables `POST /v2/repository/index` (otherwise built from the handler's `models` option). */
  repositoryIndex?(
    options?: { ready?: boolean },
  ): Promise<RepositoryIndexEntry[]>;
}
