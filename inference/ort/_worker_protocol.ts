/**
 * Internal: the messages between {@linkcode createOrtWorkerBackend} (the caller's thread) and
 * `ort_worker.ts` (the thread that runs ONNX Runtime), and how tensors and errors cross.
 *
 * Tensors cross by transfer, not by copy: the caller's inputs are first copied into buffers of
 * their own (the caller may reuse or keep its arrays, and a view's whole parent buffer would
 * otherwise be cloned), and the worker transfers its outputs.
 *
 * @module
 */
import {
  InferenceError,
  type InferenceErrorKind,
  type NamedTensors,
  type Tensor,
} from "@lipstream/shared";
import type { OrtBackendOptions } from "./ort_backend.ts";

/** Backend methods the worker answers, besides `infer`. */
export type WorkerQuery =
  | "modelMetadata"
  | "modelConfig"
  | "isModelReady"
  | "isReady"
  | "repositoryIndex";

/** Caller → worker. */
export type ToWorker =
  | { type: "open"; options: OrtBackendOptions }
  | {
    type: "infer";
    id: number;
    model: string;
    inputs: NamedTensors;
    options: { outputs?: readonly string[]; version?: string };
  }
  | { type: "query"; id: number; method: WorkerQuery; args: unknown[] }
  | { type: "cancel"; id: number }
  | { type: "close"; id: number };

/** An error as it crosses: enough to rebuild an {@linkcode InferenceError}. */
export interface WireError {
  name: string;
  message: string;
  kind?: InferenceErrorKind;
  status?: number;
}

/** Worker → caller. */
export type FromWorker =
  | { type: "opened" }
  | { type: "open-failed"; error: WireError }
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; error: WireError };

/** Flattens an error for `postMessage`. */
export function toWireError(error: unknown): WireError {
  if (error instanceof InferenceError) {
    return {
      name: error.name,
      message: error.message,
      kind: error.kind,
      ...(error.status === undefined ? {} : { status: error.status }),
    };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message };
  }
  return { name: "Error", message: String(error) };
}

/** Rebuilds an error from the wire: an {@linkcode InferenceError} when it was one. */
export function fromWireError(wire: WireError): Error {
  if (wire.kind !== undefined) {
    return new InferenceError(
      wire.kind,
      wire.message,
      wire.status === undefined ? {} : { status: wire.status },
    );
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}

/**
 * Copies `tensors` into buffers of their own and lists those buffers for transfer, so the
 * caller's arrays stay usable and only the tensor bytes cross.
 */
export function detachedCopy(
  tensors: NamedTensors,
): { tensors: NamedTensors; transfer: ArrayBuffer[] } {
  const copies: NamedTensors = {};
  const transfer: ArrayBuffer[] = [];
  for (const [name, tensor] of Object.entries(tensors)) {
    if (tensor.datatype === "BYTES") {
      const data = tensor.data.map((item) => item.slice());
      transfer.push(...data.map((item) => item.buffer));
      copies[name] = { ...tensor, data };
      continue;
    }
    const data = tensor.data.slice();
    transfer.push(data.buffer);
    copies[name] = { ...tensor, data } as Tensor;
  }
  return { tensors: copies, transfer };
}

/**
 * The buffers of `tensors` that can be transferred: each only once, and only when its tensor
 * owns all of it (a view into a larger buffer is cloned instead).
 */
export function transferableBuffers(tensors: NamedTensors): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const owned = (view: ArrayBufferView) => {
    if (
      view.buffer instanceof ArrayBuffer && view.byteOffset === 0 &&
      view.byteLength === view.buffer.byteLength
    ) {
      buffers.add(view.buffer);
    }
  };
  for (const tensor of Object.values(tensors)) {
    if (tensor.datatype === "BYTES") tensor.data.forEach(owned);
    else owned(tensor.data);
  }
  return [...buffers];
}
