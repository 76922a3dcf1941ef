/**
 * A local Triton-compatible KServe v2 HTTP server: a pure fetch handler, `Deno.serve` wrapper and
 * a Triton-style dynamic batcher.
 *
 * @module
 */
export * from "./backend_types.ts";
export * from "./dynamic_batcher.ts";
export * from "./error_response.ts";
export * from "./handler.ts";
export * from "./serve.ts";
export * from "./validate_inputs.ts";
export * from "./statistics.ts";
