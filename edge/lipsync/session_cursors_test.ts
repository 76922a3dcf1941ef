import assert from "node:assert/strict";
import { DEFAULT_MAX_SESSIONS, SessionCursors } from "./session_cursors.ts";

Deno.test("SessionCursors keeps one position per (avatar, session)", () => {
  const cursors = new SessionCursors();
  cursors.set("demo", "alice", 3);
  cursors.set("demo", undefined, 5);
  cursors.set("other", "alice", 1);
  assert.equal(cursors.get("demo", "alice"), 3);
  assert.equal(cursors.get("demo", undefined), 5);
  assert.equal(cursors.get("other", "alice"), 1);
  assert.equal(cursors.get("other", undefined), 0);
  assert.equal(cursors.get("demo", "bob"), 0);
  cursors.set("demo", "alice", 4);
  assert.equal(cursors.get("demo", "alice"), 4);
  assert.equal(cursors.size, 3);
});

Deno.test("SessionCursors forgets the least recently used entry past its bound", () => {
  const cursors = new SessionCursors(2);
  cursors.set("demo", "a", 1);
  cursors.set("demo", "b", 2);
  cursors.get("demo", "a"); // "b" is now the oldest
  cursors.set("demo", "c", 3);
  assert.equal(cursors.size, 2);
  assert.deepEqual(
    ["a", "b", "c"].map((session) => cursors.get("demo", session)),
    [1, 0, 3],
  );
});

Deno.test("SessionCursors bounds itself by default and rejects a bad bound", () => {
  const cursors = new SessionCursors();
  for (let i = 0; i < DEFAULT_MAX_SESSIONS + 50; i++) {
    cursors.set("demo", `s${i}`, 1);
  }
  assert.equal(cursors.size, DEFAULT_MAX_SESSIONS);
  assert.equal(cursors.get("demo", "s0"), 0);
  assert.equal(cursors.get("demo", `s${DEFAULT_MAX_SESSIONS + 49}`), 1);
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => new SessionCursors(bad), RangeError);
  }
});
