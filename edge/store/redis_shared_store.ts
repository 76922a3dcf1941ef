/**
 * The shared store on Redis, for several edge replicas behind a load
 * balancer. Keys (under a prefix, `lipstream:` by default):
 *
 * - `cursor:<avatar>/<session>`: the session's idle-loop position, expiring
 *   `sessionTtlMs` after its last utterance;
 * - `utterance:<id>`: the owner key of a running utterance, deleted when it
 *   ends (and expiring after `utteranceTtlMs` should a replica die);
 * - channel `cancel`: a `DELETE` on any replica publishes the id, and the
 *   replica running it aborts it.
 *
 * When Redis cannot be reached, cursors fall back to this replica's own
 * table and utterances stay cancellable on the replica that runs them; a
 * `DELETE` for an utterance elsewhere then fails (503), never silently.
 *
 * @module
 */

import type { Logger } from "../log.ts";
import { SessionCursors } from "../lipsync/session_cursors.ts";
import { RedisClient } from "./redis_client.ts";
import {
  type SharedStore,
  SharedStoreUnavailableError,
} from "./shared_store.ts";

/** Options of {@linkcode redisSharedStore}. */
export interface RedisSharedStoreOptions {
  /** The `redis://` URL. */
  url: string;
  /** Prefix of every key and channel. @default {"lipstream:"} */
  prefix?: string;
  /** How long a session's cursor outlives its last utterance. @default {86_400_000} (a day) */
  sessionTtlMs?: number;
  /** Longest life of an utterance record (a replica that dies leaves it behind). @default {3_600_000} */
  utteranceTtlMs?: number;
  /** Longest wait for Redis per command. @default {1000} */
  timeoutMs?: number;
  /** Where failures are logged. */
  log?: Logger;
}

/**
 * Connects the shared store to Redis (lazily: nothing is sent until first use).
 *
 * @param options URL, key prefix and lifetimes.
 * @returns The store.
 *
 * @example Against a running Redis (skipped here: needs a server)
 * ```ts ignore
 * import { redisSharedStore } from "./redis_shared_store.ts";
 *
 * const store = redisSharedStore({ url: "redis://127.0.0.1:6379" });
 * await store.cursors.set("demo", "alice", 9);
 * console.log(await store.cursors.get("demo", "alice")); // 9, on every replica
 * store.close();
 * ```
 */
export function redisSharedStore(
  options: RedisSharedStoreOptions,
): SharedStore {
  const prefix = options.prefix ?? "lipstream:";
  const sessionTtlMs = options.sessionTtlMs ?? 86_400_000;
  const utteranceTtlMs = options.utteranceTtlMs ?? 3_600_000;
  const redis = new RedisClient(options.url, {
    timeoutMs: options.timeoutMs ?? 1000,
  });
  const local = new SessionCursors();
  const cursorKey = (avatarId: string, sessionId: string | undefined) =>
    `${prefix}cursor:${
      sessionId === undefined ? avatarId : `${avatarId}/${sessionId}`
    }`;
  const warn = (message: string, error: unknown) =>
    options.log?.warn(message, { error });
  return {
    kind: "redis",
    cursors: {
      async get(avatarId, sessionId) {
        try {
          const value = await redis.command(
            "GET",
            cursorKey(avatarId, sessionId),
          );
          const position = Number(value);
          if (value !== null && Number.isSafeInteger(position)) return position;
          return 0;
        } catch (error) {
          warn("shared store: cursor read failed, using this replica's", error);
          return local.get(avatarId, sessionId);
        }
      },
      set(avatarId, sessionId, position) {
        local.set(avatarId, sessionId, position);
        return redis.command(
          "SET",
          cursorKey(avatarId, sessionId),
          position,
          "PX",
          sessionTtlMs,
        ).then(
          () => {},
          (error) => warn("shared store: cursor write failed", error),
        );
      },
    },
    cancels: {
      async announce(id, owner) {
        try {
          await redis.command(
            "SET",
            `${prefix}utterance:${id}`,
            owner,
            "PX",
            utteranceTtlMs,
          );
        } catch (error) {
          warn("shared store: utterance not announced", error);
        }
      },
      async withdraw(id) {
        try {
          await redis.command("DEL", `${prefix}utterance:${id}`);
        } catch (error) {
          warn("shared store: utterance not withdrawn", error);
        }
      },
      async cancel(id, owner) {
        let running;
        try {
          running = await redis.command("GET", `${prefix}utterance:${id}`);
          if (running !== owner) return false;
          await redis.command("PUBLISH", `${prefix}cancel`, id);
        } catch (error) {
          throw new SharedStoreUnavailableError({ cause: error });
        }
        return true;
      },
      listen: (onCancel) => redis.subscribe(`${prefix}cancel`, onCancel),
    },
    async ping() {
      try {
        return await redis.command("PING") === "PONG";
      } catch {
        return false;
      }
    },
    close: () => redis.close(),
  };
}
