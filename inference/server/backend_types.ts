/**
 * What the KServe server needs from a backend: {@linkcode RepositoryBackend}, an
 * `InferenceBackend` plus, optionally, the Triton extensions it serves.
 *
 * @module
 */
import type { RepositoryBackend } from "../triton/types.ts";

/**
 * A backend the server can host. `modelConfig` enables `GET …/config` and, for configs with
 * `dynamic_batching`, the dynamic batcher; `repositoryIndex` enables `POST /v2/repository/index`
 * (otherwise built from the handler's `models` option).
 */
export type KserveServerBackend = RepositoryBackend;
