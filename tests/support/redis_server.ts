/**
 * A real `redis-server` (Debian's, installed by `scripts/system_deps.sh`) on a
 * free loopback port for tests, with persistence off.
 *
 * @module
 */

import { freePort } from "./free_port.ts";

/** A running Redis. */
export interface TestRedis {
  /** Its `redis://` URL. */
  url: string;
  /** Its port. */
  port: number;
  /** Stops it. */
  stop(): Promise<void>;
}

/** Whether `redis-server` can be run here. */
export function haveRedisServer(): boolean {
  try {
    new Deno.Command("redis-server", { args: ["--version"], stdout: "null" })
      .outputSync();
    return true;
  } catch {
    return false;
  }
}

/** Under `CI=true` a missing `redis-server` fails the run; elsewhere the test is skipped. */
export const redisIgnored = !haveRedisServer() && Deno.env.get("CI") !== "true";

/**
 * Starts `redis-server` and waits until it answers.
 *
 * @param port The port. @default a free one
 */
export async function startRedis(port = freePort()): Promise<TestRedis> {
  const child = new Deno.Command("redis-server", {
    args: [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();
  for (let i = 0; i < 100; i++) {
    try {
      const conn = await Deno.connect({ hostname: "127.0.0.1", port });
      conn.close();
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        async stop() {
          try {
            child.kill("SIGKILL");
          } catch { /* already gone */ }
          await child.status;
        },
      };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill("SIGKILL");
  await child.status;
  throw new Error(`redis-server did not start on port ${port}`);
}
