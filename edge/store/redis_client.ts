/**
 * A small Redis client over one TCP connection (`Deno.connect`, no native
 * addon, so it runs on a serverless edge too): pipelined commands with a
 * timeout each, reconnection on the next command after the connection
 * drops, and a subscriber mode that re-subscribes after a reconnect.
 *
 * @module
 */

import {
  encodeCommand,
  RespDecoder,
  RespError,
  type RespValue,
} from "./resp.ts";

/** Where and how to reach Redis. */
export interface RedisAddress {
  /** Host name or address. */
  hostname: string;
  /** TCP port. */
  port: number;
  /** `AUTH` password, when the URL has one. */
  password?: string;
  /** `SELECT` database, when the URL path names one. */
  db?: number;
}

/**
 * Reads a `redis://[:password@]host[:port][/db]` URL.
 *
 * @param url The URL.
 * @returns The address.
 * @throws {TypeError} When it is not a `redis:` URL.
 *
 * @example
 * ```ts
 * import { parseRedisUrl } from "./redis_client.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseRedisUrl("redis://:pw@cache:6380/2"), {
 *   hostname: "cache", port: 6380, password: "pw", db: 2,
 * });
 * assert.deepEqual(parseRedisUrl("redis://127.0.0.1"), { hostname: "127.0.0.1", port: 6379 });
 * ```
 */
export function parseRedisUrl(url: string): RedisAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Cannot read Redis URL '${url}': not a URL`);
  }
  if (parsed.protocol !== "redis:") {
    throw new TypeError(
      `Cannot read Redis URL '${url}': the scheme must be redis:`,
    );
  }
  const address: RedisAddress = {
    hostname: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port === "" ? 6379 : Number(parsed.port),
  };
  const password = decodeURIComponent(parsed.password);
  if (password !== "") address.password = password;
  const db = parsed.pathname.replace(/^\//, "");
  if (db !== "") {
    if (!/^\d+$/.test(db)) {
      throw new TypeError(
        `Cannot read Redis URL '${url}': the path must be a database number`,
      );
    }
    address.db = Number(db);
  }
  return address;
}

/** Options of {@linkcode RedisClient}. */
export interface RedisClientOptions {
  /** Longest wait for one reply (and for connecting). @default {1000} */
  timeoutMs?: number;
}

interface ConnectionEvents {
  /** Pub/sub messages (subscriber connections only). */
  onMessage?: (channel: string, message: string) => void;
  /** The connection dropped (not called after `close()`). */
  onDrop?: () => void;
}

interface Pending {
  resolve: (value: RespValue) => void;
  reject: (error: unknown) => void;
}

/** One connection, opened on first use and again after it drops. */
class Connection {
  #conn: Deno.TcpConn | undefined;
  #opening: Promise<Deno.TcpConn> | undefined;
  #pending: Pending[] = [];
  readonly #address: RedisAddress;
  readonly #timeoutMs: number;
  readonly #events: ConnectionEvents;
  #closed = false;

  constructor(
    address: RedisAddress,
    timeoutMs: number,
    events: ConnectionEvents = {},
  ) {
    this.#address = address;
    this.#timeoutMs = timeoutMs;
    this.#events = events;
  }

  /** Sends commands in one write and resolves with their replies in order. */
  async send(commands: (string | number)[][]): Promise<RespValue[]> {
    if (this.#closed) throw new Error("Redis client is closed");
    const conn = await this.#open();
    const replies = commands.map(() =>
      new Promise<RespValue>((resolve, reject) =>
        this.#pending.push({ resolve, reject })
      )
    );
    const bytes = commands.map(encodeCommand);
    const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of bytes) {
      all.set(b, at);
      at += b.length;
    }
    await writeAll(conn, all).catch((error) => this.#drop(error));
    return await withTimeout(Promise.all(replies), this.#timeoutMs, () => {
      this.#drop(new Error("Redis did not answer in time"));
    });
  }

  #open(): Promise<Deno.TcpConn> {
    if (this.#conn) return Promise.resolve(this.#conn);
    this.#opening ??= (async () => {
      try {
        const conn = await withTimeout(
          Deno.connect({
            hostname: this.#address.hostname,
            port: this.#address.port,
          }),
          this.#timeoutMs,
        );
        this.#conn = conn;
        void this.#read(conn);
        const setup: (string | number)[][] = [];
        if (this.#address.password !== undefined) {
          setup.push(["AUTH", this.#address.password]);
        }
        if (this.#address.db !== undefined) {
          setup.push(["SELECT", this.#address.db]);
        }
        for (const command of setup) {
          const reply = await new Promise<RespValue>((resolve, reject) => {
            this.#pending.push({ resolve, reject });
            writeAll(conn, encodeCommand(command)).catch(reject);
          });
          if (reply instanceof RespError) {
            this.#drop(reply);
            throw reply;
          }
        }
        return conn;
      } finally {
        this.#opening = undefined;
      }
    })();
    return this.#opening;
  }

  async #read(conn: Deno.TcpConn): Promise<void> {
    const decoder = new RespDecoder();
    const buffer = new Uint8Array(16 * 1024);
    try {
      while (true) {
        const n = await conn.read(buffer);
        if (n === null) break;
        decoder.push(buffer.subarray(0, n));
        for (const value of decoder.take()) this.#deliver(value);
      }
      this.#drop(new Error("Redis closed the connection"), conn);
    } catch (error) {
      this.#drop(error, conn);
    }
  }

  #deliver(value: RespValue): void {
    const { onMessage } = this.#events;
    if (onMessage && Array.isArray(value) && value[0] === "message") {
      if (typeof value[1] === "string" && typeof value[2] === "string") {
        onMessage(value[1], value[2]);
      }
      return;
    }
    this.#pending.shift()?.resolve(value);
  }

  #drop(error: unknown, conn = this.#conn): void {
    if (conn === undefined || conn !== this.#conn) return;
    this.#conn = undefined;
    try {
      conn.close();
    } catch { /* already closed */ }
    for (const pending of this.#pending.splice(0)) pending.reject(error);
    if (!this.#closed) this.#events.onDrop?.();
  }

  close(): void {
    this.#closed = true;
    this.#drop(new Error("Redis client is closed"));
  }
}

/**
 * A Redis client: `command()` for request/reply, `subscribe()` for a
 * channel on its own connection.
 *
 * @example Against a running Redis (skipped here: needs a server)
 * ```ts ignore
 * import { RedisClient } from "./redis_client.ts";
 *
 * const redis = new RedisClient("redis://127.0.0.1:6379");
 * await redis.command("SET", "greeting", "hello", "PX", 60_000);
 * console.log(await redis.command("GET", "greeting")); // "hello"
 * redis.close();
 * ```
 */
export class RedisClient {
  readonly #address: RedisAddress;
  readonly #timeoutMs: number;
  readonly #commands: Connection;
  #subscriber: Connection | undefined;
  #subscriptions = new Map<string, (message: string) => void>();
  #closed = false;

  /**
   * @param url A `redis://` URL (see {@linkcode parseRedisUrl}).
   * @param options Timeouts.
   */
  constructor(url: string, options: RedisClientOptions = {}) {
    this.#address = parseRedisUrl(url);
    this.#timeoutMs = options.timeoutMs ?? 1000;
    this.#commands = new Connection(this.#address, this.#timeoutMs);
  }

  /**
   * Runs one command.
   *
   * @returns Its reply.
   * @throws {RespError} When Redis answers with an error.
   * @throws {Error} When Redis cannot be reached or does not answer in time.
   */
  async command(...args: (string | number)[]): Promise<RespValue> {
    const [reply] = await this.#commands.send([args]);
    if (reply instanceof RespError) throw reply;
    return reply ?? null;
  }

  /**
   * Calls `onMessage` with every message published on `channel`, until
   * {@linkcode RedisClient.close}. Resolves once subscribed; after a dropped
   * connection it subscribes again (messages published meanwhile are lost).
   */
  async subscribe(
    channel: string,
    onMessage: (message: string) => void,
  ): Promise<void> {
    this.#subscriptions.set(channel, onMessage);
    this.#subscriber ??= new Connection(this.#address, this.#timeoutMs, {
      onMessage: (from, message) => this.#subscriptions.get(from)?.(message),
      onDrop: () => this.#resubscribe(50),
    });
    await this.#subscriber.send([["SUBSCRIBE", channel]]);
  }

  #resubscribeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Subscribes again after the subscriber connection dropped, backing off. */
  #resubscribe(delayMs: number): void {
    if (this.#closed || this.#resubscribeTimer !== undefined) return;
    this.#resubscribeTimer = setTimeout(async () => {
      this.#resubscribeTimer = undefined;
      const channels = [...this.#subscriptions.keys()];
      try {
        await this.#subscriber?.send(channels.map((c) => ["SUBSCRIBE", c]));
      } catch {
        this.#resubscribe(Math.min(delayMs * 2, 2000));
      }
    }, delayMs);
  }

  /** Closes both connections; later commands reject. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#resubscribeTimer);
    this.#commands.close();
    this.#subscriber?.close();
  }
}

async function writeAll(conn: Deno.TcpConn, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) {
    at += await conn.write(bytes.subarray(at));
  }
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout?: () => void,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(`Redis did not answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
