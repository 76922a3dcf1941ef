/**
 * The in-process ONNX Runtime backend (onnxruntime-node, CPU) for a Triton-layout model repository.
 * Only this subpath imports onnxruntime-node; the edge never does.
 *
 * @module
 */
export * from "./ort_backend.ts";
export * from "./ort_tensors.ts";
export * from "./ort_errors.ts";
export * from "./ort_worker_backend.ts";
