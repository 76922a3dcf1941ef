/**
 * KServe v2 / Triton HTTP client: `fetch` and web streams only, safe to import from the edge.
 *
 * @module
 */
export * from "./client.ts";
export * from "./errors.ts";
export * from "./types.ts";
