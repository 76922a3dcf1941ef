/**
 * The shared store of a single replica: everything in this process.
 *
 * @module
 */

import { SessionCursors } from "../lipsync/session_cursors.ts";
import type { SharedStore } from "./shared_store.ts";

/**
 * The single-replica store: cursors in a bounded in-memory table, no
 * cross-replica cancellation.
 *
 * @param maxSessions Cursors kept; the least recently used goes first.
 * @returns The store.
 *
 * @example
 * ```ts
 * import { memorySharedStore } from "./memory_shared_store.ts";
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
