/**
 * Serves the KServe v2 handler over HTTP with `Deno.serve` (the only file here that touches `Deno.*`).
 *
 * @module
 */
import {
  createKserveHandler,
  type KserveHandler,
  type KserveHandlerOptions,
} from "./handler.ts";
import type { KserveServerBackend } from "./backend_types.ts";

/** Options of {@linkcode serveKserve}. */
export interface ServeKserveOptions extends KserveHandlerOptions {
  /** The backend to host. */
  backend: KserveServerBackend;
  /** TCP port; 0 picks a free one. @default {8000} (Triton's HTTP port) */
  port?: number;
  /** Interface to bind. @default {"0.0.0.0"} */
  hostname?: string;
  /** Called once listening. */
  onListen?: (address: { hostname: string; port: number }) => void;
  /** Stops the server when aborted. */
  signal?: AbortSignal;
}

/** A running server. */
export interface KserveServer {
  /** Base URL, e.g. `http://127.0.0.1:8000`. */
  url: string;
  /** Bound port. */
  port: number;
  /** The handler it serves (for batcher stats). */
  handler: KserveHandler;
  /** Resolves when the server has stopped. */
  finished: Promise<void>;
  /** Stops accepting requests and waits for open ones to finish. */
  shutdown(): Promise<void>;
}

/**
 * Starts a Triton-compatible HTTP server for `backend`.
 *
 * @param options Backend, port, hostname and handler options.
 * @returns The running server.
 * @example Serve on a free loopback port
 * ```ts ignore
 * import { serveKserve } from "@lipstream/inference/server";
 *
 * const server = serveKserve({ backend, port: 0, hostname: "127.0.0.1" });
 * console.log(server.url);
 * await server.shutdown();
 * ```
 */
export function serveKserve(options: ServeKserveOptions): KserveServer {
  const handler = createKserveHandler(options.backend, options);
  const hostname = options.hostname ?? "0.0.0.0";
  const server = Deno.serve({
    port: options.port ?? 8000,
    hostname,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    onListen: (address) => options.onListen?.(address),
  }, handler);
  const port = (server.addr as Deno.NetAddr).port;
  const host = hostname === "0.0.0.0" ? "127.0.0.1" : hostname;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    handler,
    finished: server.finished,
    shutdown: () => server.shutdown(),
  };
}
