import assert from "node:assert/strict";
import { createUtteranceStats, idlePositionAfter } from "./utterance_stats.ts";

Deno.test("idlePositionAfter() takes the server's word first, then counts frames shown", () => {
  const stats = createUtteranceStats("stream", 0);
  assert.equal(idlePositionAfter(stats, 5), 5);
  stats.sentIdlePosition = 3;
  assert.equal(idlePositionAfter(stats, 5), 3);
  stats.startIdlePosition = 4;
  stats.fps = 30;
  stats.lastPaintedPtsMs = 1000;
  assert.equal(idlePositionAfter(stats, 5), 4 + 30 + 1);
  stats.nextIdlePosition = 77;
  assert.equal(idlePositionAfter(stats, 5), 77);
});
