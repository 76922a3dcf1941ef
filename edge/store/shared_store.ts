/**
 * The state that must outlive one request and be seen by every edge
 * replica: where each session's idle loop stands, and which replica runs
 * which utterance (so `DELETE /v1/utterances/:id` works on any of them).
 * One replica keeps it in memory ({@linkcode memorySharedStore}); several
 * share Redis (`REDIS_URL`, see `redis_shared_store.ts`).
 *
 * @module
 */

import { SessionCursors } from "../lipsync/session_cursors.ts";

/** Idle-loop positions per (avatar, session). */
export interface CursorStore {
  /** Where the next utterance of the session starts (0 when unknown). */
  get(avatarId: string, sessionId: string | undefined): Promise<number>;
  /**
   * Records where an utterance stopped. The write is on its way when this
   * returns (before the utterance's end part is sent); awaiting it is optional.
   */
  set(
    avatarId: string,
    sessionId: string | undefined,
    position: number,
  ): Promise<void>;
}

/** Cancellation of utterances that may run on another replica. */
export interface CancelChannel {
  /** Makes a running utterance known to the other replicas. */
  announce(id: string, owner: string): Promise<void>;
  /** Forgets an utterance that ended. */
  withdraw(id: string): Promise<void>;
  /**
   * Asks the replica running `id` to cancel it.
   *
   * @returns Whether an utterance `id` owned by `owner` was running.
   */
  cancel(id: string, owner: string): Promise<boolean>;
  /** Calls `onCancel` for every cancel request from another replica. */
  listen(onCancel: (id: string) => void): Promise<void>;
}

/** The shared state of the edge. */
export interface SharedStore {
  /** Session idle-loop cursors. */
  cursors: CursorStore;
  /** Cross-replica cancellation; absent with one replica. */
  cancels?: CancelChannel;
  /** What backs it, for logs and `/readyz`: `"memory"` or `"redis"`. */
  kind: "memory" | "redis";
  /** Checks the store answers (always true in memory). */
  ping(): Promise<boolean>;
  /** Closes connections. */
  close(): void;
}

/**
 * The single-replica store: cursors in a bounded in-memory table, no
 * cross-replica cancellation.
 *
 * @param maxSessions Cursors kept; the least recently used goes first.
 * @returns The store.
 *
 * @example
 * ```ts
 * import { memorySharedStore } from "./shared_store.ts";
 * import assert from "node:assert/strict";
 *
 * const store = memorySharedStore();
 * await store.cursors.set("demo", "alice", 9);
 * assert.equal(await store.cursors.get("demo", "alice"), 9);
 * assert.equal(store.cancels, undefined);
 * ```
 */
export function memorySharedStore(maxSessions?: number): SharedStore {
  const table = new SessionCursors(maxSessions);
  return {
    kind: "memory",
    cursors: {
      get: (avatarId, sessionId) =>
        Promise.resolve(table.get(avatarId, sessionId)),
      set(avatarId, sessionId, position) {
        table.set(avatarId, sessionId, position);
        return Promise.resolve();
      },
    },
    ping: () => Promise.resolve(true),
    close() {},
  };
}
