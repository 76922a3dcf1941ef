/**
 * The state that must outlive one request and be seen by every edge
 * replica: where each session's idle loop stands, and which replica runs
 * which utterance (so `DELETE /v1/utterances/:id` works on any of them).
 * One replica keeps it in memory (`memory_shared_store.ts`); several share
 * Redis (`REDIS_URL`, `redis_shared_store.ts`).
 *
 * @module
 */

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

/** Raised when a cross-replica cancel cannot reach the store. */
export class SharedStoreUnavailableError extends Error {
  /** Creates the error. */
  constructor(options?: ErrorOptions) {
    super("The shared store (Redis) cannot be reached", options);
    this.name = "SharedStoreUnavailableError";
  }
}
