/**
 * A free loopback port for a test or bench server: listened on, then closed.
 *
 * Another process may take it before the caller binds it; servers that can, bind
 * port 0 and report theirs instead.
 *
 * @example
 * ```ts
 * import { freePort } from "./free_port.ts";
 * const port = freePort();
 * console.assert(port > 0 && port < 65536);
 * ```
 */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}
