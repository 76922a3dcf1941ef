/**
 * Where each session's idle loop stands on each avatar: the ping-pong
 * position its next utterance starts at. A session is the caller's
 * conversation (the `session` field of a request); requests without one share
 * their avatar's anonymous cursor. The table is bounded: past `maxSessions`
 * entries the least recently used is forgotten (that session then starts
 * again from the first frame).
 *
 * @module
 */

/** Default number of (avatar, session) cursors kept. */
export const DEFAULT_MAX_SESSIONS = 10_000;

/**
 * A bounded least-recently-used table of ping-pong positions.
 *
 * @example
 * ```ts
 * import { SessionCursors } from "./session_cursors.ts";
 * import assert from "node:assert/strict";
 *
 * const cursors = new SessionCursors(2);
 * cursors.set("demo", "alice", 7);
 * assert.equal(cursors.get("demo", "alice"), 7);
 * assert.equal(cursors.get("demo", "bob"), 0); // a new session starts at 0
 * assert.equal(cursors.get("demo", undefined), 0); // the avatar's anonymous cursor
 * ```
 */
export class SessionCursors {
  #positions = new Map<string, number>();
  #maxSessions: number;

  /**
   * @param maxSessions Cursors kept (≥ 1); the least recently used goes first.
   * @throws {RangeError} When `maxSessions` is not a positive integer.
   */
  constructor(maxSessions: number = DEFAULT_MAX_SESSIONS) {
    if (!Number.isSafeInteger(maxSessions) || maxSessions < 1) {
      throw new RangeError(
        `Cannot create session cursors: maxSessions must be a positive integer: received ${maxSessions}`,
      );
    }
    this.#maxSessions = maxSessions;
  }

  /** Cursors held now. */
  get size(): number {
    return this.#positions.size;
  }

  /**
   * The position the next utterance of `sessionId` on `avatarId` starts at
   * (0 for a session not seen, or forgotten); marks it recently used.
   */
  get(avatarId: string, sessionId: string | undefined): number {
    const key = keyOf(avatarId, sessionId);
    const position = this.#positions.get(key);
    if (position === undefined) return 0;
    this.#positions.delete(key);
    this.#positions.set(key, position);
    return position;
  }

  /** Records where an utterance of `sessionId` on `avatarId` stopped. */
  set(avatarId: string, sessionId: string | undefined, position: number): void {
    const key = keyOf(avatarId, sessionId);
    this.#positions.delete(key);
    this.#positions.set(key, position);
    if (this.#positions.size > this.#maxSessions) {
      const oldest = this.#positions.keys().next().value;
      if (oldest !== undefined) this.#positions.delete(oldest);
    }
  }
}

/** Ids cannot contain `/` (see `SAFE_ID_REGEXP`), so the key is unambiguous. */
function keyOf(avatarId: string, sessionId: string | undefined): string {
  return sessionId === undefined ? avatarId : `${avatarId}/${sessionId}`;
}
