/**
 * The one interface every inference backend implements (Triton over HTTP, ONNX Runtime in-process,
 * the local KServe-compatible server's batcher), so the pipeline never knows which it talks to.
 *
 * @module
 */
import type { Datatype, NamedTensors } from "./tensor.ts";

/** Per-call options for {@linkcode InferenceBackend.infer}. */
export interface InferOptions {
  /** Aborts the call; the backend rejects with an {@linkcode InferenceError} of kind `"cancelled"`. */
  signal?: AbortSignal;
  /** Ends the call with kind `"timeout"` after this many milliseconds. */
  timeoutMs?: number;
  /** Echoed by KServe servers; used in logs. */
  requestId?: string;
  /** Restrict the outputs returned (default: all of the model's outputs). */
  outputs?: readonly string[];
  /** Model version (default: the backend's choice, the highest for Triton). */
  version?: string;
}

/** Name, datatype and shape of one model input or output; `-1` marks a variable dimension. */
export interface TensorMetadata {
  name: string;
  datatype: Datatype;
  shape: number[];
}

/** KServe v2 model metadata. */
export interface ModelMetadata {
  name: string;
  versions?: string[];
  platform: string;
  inputs: TensorMetadata[];
  outputs: TensorMetadata[];
}

/** A place that runs models. */
export interface InferenceBackend {
  /** Runs `model` on named input tensors and returns its named outputs. */
  infer(
    model: string,
    inputs: NamedTensors,
    options?: InferOptions,
  ): Promise<NamedTensors>;
  /** Inputs and outputs the model declares. */
  modelMetadata(
    model: string,
    options?: { signal?: AbortSignal; version?: string },
  ): Promise<ModelMetadata>;
  /** True when the model is loaded and can serve. */
  isModelReady(
    model: string,
    options?: { signal?: AbortSignal; version?: string },
  ): Promise<boolean>;
  /** True when the backend as a whole can serve. */
  isReady(options?: { signal?: AbortSignal }): Promise<boolean>;
  /** Releases sessions, sockets and timers. */
  close(): Promise<void>;
}

/** Why an inference call failed, independent of the transport. */
export type InferenceErrorKind =
  | "invalid_argument"
  | "not_found"
  | "unavailable"
  | "unsupported"
  | "timeout"
  | "cancelled"
  | "internal";

/**
 * The error every backend throws. Keeps the server's HTTP status and message when there is one.
 *
 * @example Usage
 * ```ts
 * import { InferenceError } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const error = new InferenceError("unavailable", "Model 'vits' is not ready", { status: 503 });
 * assert.equal(error.kind, "unavailable");
 * assert.equal(error.status, 503);
 * ```
 */
export class InferenceError extends Error {
  /** The transport-independent reason. */
  readonly kind: InferenceErrorKind;
  /** HTTP status from a KServe server, when the error came from one. */
  readonly status: number | undefined;

  constructor(
    kind: InferenceErrorKind,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "InferenceError";
    this.kind = kind;
    this.status = options.status;
  }
}
