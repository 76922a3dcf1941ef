/**
 * NVIDIA's `tritonserver` on this machine: a Python-backend repository of our ONNX models and
 * the process that serves it (`deno task triton`, and the suite's real-Triton tests).
 *
 * @module
 */
export * from "./python_backend_repository.ts";
export * from "./tritonserver_process.ts";
