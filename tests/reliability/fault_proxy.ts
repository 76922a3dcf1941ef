/**
 * A fault-injecting HTTP proxy for the path between the edge and its
 * inference server, on loopback: it forwards requests unchanged, or plays a
 * fault — `dead` (connection refused: the proxy stops listening), `garbage`
 * (200 with bytes that are not KServe), `slow` (answers after a delay),
 * `cut` (forwards the status and headers, then breaks the body half way),
 * `error` (500 with a non-JSON body). `restart` stops and reopens it on the
 * same port.
 *
 * @module
 */

/** What the proxy does to the next requests. */
export type Fault = "none" | "garbage" | "slow" | "cut" | "error";

/** A running proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`, stable across restarts. */
  url: string;
  /** The port. */
  port: number;
  /** Requests seen, by fault played. */
  counts: Record<Fault | "forwarded", number>;
  /** Sets the fault. */
  set(fault: Fault, options?: { delayMs?: number }): void;
  /** Stops listening (the backend looks dead) until {@linkcode FaultProxy.start}. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): void;
  /** Stops it for good. */
  close(): Promise<void>;
}

/**
 * Starts a proxy in front of `target`.
 *
 * @param target The inference server's base URL (may be down).
 * @param port The port to listen on. @default {0}
 * @param listening Start listening now. @default {true}
 * @returns The proxy.
 */
export function startFaultProxy(
  target: () => string,
  port = 0,
  listening = true,
): FaultProxy {
  let fault: Fault = "none";
  let delayMs = 0;
  let server: Deno.HttpServer<Deno.NetAddr> | undefined;
  let controller: AbortController | undefined;
  const counts: FaultProxy["counts"] = {
    none: 0,
    garbage: 0,
    slow: 0,
    cut: 0,
    error: 0,
    forwarded: 0,
  };
  const handler = async (request: Request): Promise<Response> => {
    counts[fault]++;
    switch (fault) {
      case "garbage": {
        await request.body?.cancel();
        const bytes = crypto.getRandomValues(new Uint8Array(512));
        return new Response(bytes, {
          headers: {
            "content-type": "application/json",
            "inference-header-content-length": "7",
          },
        });
      }
      case "error":
        await request.body?.cancel();
        return new Response("<html>upstream exploded</html>", { status: 500 });
      case "slow":
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        break;
    }
    const url = new URL(request.url);
    let upstream: Response;
    try {
      upstream = await fetch(`${target()}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body ? { body: await request.arrayBuffer() } : {}),
      });
    } catch {
      return new Response("bad gateway", { status: 502 });
    }
    counts.forwarded++;
    if (fault !== "cut" || !upstream.body) return upstream;
    const bytes = new Uint8Array(await upstream.arrayBuffer());
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    const headers = new Headers(upstream.headers);
    headers.delete("content-length");
    return new Response(
      new ReadableStream({
        pull(out) {
          out.enqueue(half);
          out.error(new Error("cut by the fault proxy"));
        },
      }),
      { status: upstream.status, headers },
    );
  };
  let boundPort = port;
  function start() {
    controller = new AbortController();
    server = Deno.serve({
      hostname: "127.0.0.1",
      port: boundPort,
      signal: controller.signal,
      onListen() {},
    }, handler);
    boundPort = (server.addr as Deno.NetAddr).port;
  }
  if (listening) start();
  else if (boundPort === 0) {
    const probe = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    boundPort = (probe.addr as Deno.NetAddr).port;
    probe.close();
  }
  async function stop() {
    controller?.abort();
    await server?.finished;
    server = undefined;
  }
  return {
    get url() {
      return `http://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    counts,
    set(next, options = {}) {
      fault = next;
      delayMs = options.delayMs ?? 0;
    },
    stop,
    start,
    close: stop,
  };
}
