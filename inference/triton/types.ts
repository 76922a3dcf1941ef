/**
 * JSON shapes of Triton's non-infer endpoints, as the client returns them, and the backend shape
 * that serves them.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_model_repository.md
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_model_configuration.md
 * @module
 */
import type { InferenceBackend, ModelConfig } from "@lipstream/shared";

/** `GET /v2`: server name, version and protocol extensions. */
export interface ServerMetadata {
  name: string;
  version: string;
  extensions: string[];
}

/** One entry of `POST /v2/repository/index`. */
export interface RepositoryIndexEntry {
  name: string;
  version?: string;
  /** `READY`, `UNAVAILABLE`, `LOADING`, … (absent for models never loaded). */
  state?: string;
  reason?: string;
}

/** Per-call options of the non-infer client methods. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

/** Options for calls that address one model version. */
export interface ModelCallOptions extends CallOptions {
  /** Model version (default: the server's choice, the highest for Triton). */
  version?: string;
}

/**
 * An {@linkcode InferenceBackend} that may also answer Triton's model-configuration and
 * model-repository extensions: the Triton client, both ONNX Runtime backends, and what the local
 * KServe server hosts.
 */
export interface RepositoryBackend extends InferenceBackend {
  /** The model's Triton config (`GET /v2/models/{name}/config`). */
  modelConfig?(
    model: string,
    options?: { signal?: AbortSignal; version?: string },
  ): Promise<ModelConfig>;
  /** The repository's models and their states (`POST /v2/repository/index`). */
  repositoryIndex?(
    options?: { ready?: boolean },
  ): Promise<RepositoryIndexEntry[]>;
}
