/**
 * Loopback helpers of the reliability suite: serve an app on 127.0.0.1 (or
 * another loopback address), speak raw HTTP/1.1 over TCP, and build WAV
 * bytes with any header values.
 *
 * @module
 */

/** A server on loopback and how to stop it. */
export interface Served {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** The port. */
  port: number;
  /** Stops it (open connections are closed). */
  close(): Promise<void>;
}

/**
 * Serves `fetch` on a loopback address and a free port.
 *
 * @param fetch The handler (e.g. `app.fetch`).
 * @param hostname The address. @default {"127.0.0.1"}
 * @param port The port. @default {0}
 * @returns The server.
 */
export function serveLoopback(
  fetch: Deno.ServeHandler,
  hostname = "127.0.0.1",
  port = 0,
): Served {
  const controller = new AbortController();
  const server = Deno.serve(
    { hostname, port, signal: controller.signal, onListen() {} },
    fetch,
  );
  return {
    base: `http://${hostname}:${server.addr.port}`,
    port: server.addr.port,
    async close() {
      controller.abort();
      await server.finished;
    },
  };
}

/**
 * Opens a TCP connection and writes `head` (and optionally part of a body).
 *
 * @param port The server's port.
 * @param bytes What to send first.
 * @param hostname The server's address. @default {"127.0.0.1"}
 * @returns The connection.
 */
export async function rawRequest(
  port: number,
  bytes: string | Uint8Array,
  hostname = "127.0.0.1",
): Promise<Deno.TcpConn> {
  const conn = await Deno.connect({ hostname, port });
  await conn.write(
    typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
  );
  return conn;
}

/**
 * Reads from `conn` until it closes or `timeoutMs` passes.
 *
 * @param conn The connection.
 * @param timeoutMs The longest wait.
 * @param until Stop early once the text so far matches.
 * @returns What arrived, as latin-1 text.
 */
export async function readUntilClosed(
  conn: Deno.TcpConn,
  timeoutMs: number,
  until?: RegExp,
): Promise<string> {
  const chunks: string[] = [];
  const buffer = new Uint8Array(65536);
  const deadline = Date.now() + timeoutMs;
  const decoder = new TextDecoder("latin1");
  while (Date.now() < deadline) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const n = await Promise.race([
      conn.read(buffer).catch(() => null),
      new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), deadline - Date.now());
      }),
    ]);
    clearTimeout(timer);
    if (n === "timeout" || n === null) break;
    chunks.push(decoder.decode(buffer.subarray(0, n)));
    if (until?.test(chunks.join(""))) break;
  }
  return chunks.join("");
}

/**
 * A 16-bit PCM mono WAV with the given header rate and samples.
 *
 * @param sampleRateHz The rate written into `fmt ` (any 32-bit value).
 * @param samples Sample values in [-1, 1].
 * @returns The file bytes.
 */
export function pcm16Wav(
  sampleRateHz: number,
  samples: ArrayLike<number>,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRateHz >>> 0, true);
  view.setUint32(28, (sampleRateHz * 2) >>> 0, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    view.setInt16(44 + 2 * i, Math.round(samples[i]! * 32767), true);
  }
  return bytes;
}

/** A sine tone of `seconds` at `rateHz`. */
export function tone(rateHz: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rateHz * seconds));
  for (let i = 0; i < out.length; i++) {
    out[i] = 0.5 * Math.sin(2 * Math.PI * 220 * i / rateHz);
  }
  return out;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every 10 ms until true or `timeoutMs`; returns the ms waited or `undefined`. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
): Promise<number | undefined> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (condition()) return performance.now() - start;
    await sleep(10);
  }
  return condition() ? performance.now() - start : undefined;
}
