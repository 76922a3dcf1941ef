import assert from "node:assert/strict";
import { FrameQueue } from "./frame_queue.ts";

Deno.test("FrameQueue.add() keeps PTS order and refuses a frame a period late", () => {
  const queue = new FrameQueue<number>(40);
  for (const pts of [80, 0, 40, 120]) {
    assert.equal(queue.add(pts, pts, null), true);
  }
  assert.equal(queue.add(-1, 0, 41), false);
  assert.equal(queue.add(1, 1, 41), true);
  assert.deepEqual(queue.clear(), [0, 1, 40, 80, 120]);
  assert.equal(queue.length, 0);
});

Deno.test("FrameQueue.take() paints nothing before a frame is due", () => {
  const queue = new FrameQueue<number>(40);
  queue.add(0, 0, null);
  assert.deepEqual(queue.take(-5), { paint: null, dropped: [] });
  assert.deepEqual(queue.take(0), {
    paint: { frame: 0, ptsMs: 0 },
    dropped: [],
  });
});

Deno.test("FrameQueue.take() drops a lone due frame that is more than a period late", () => {
  const queue = new FrameQueue<number>(40);
  queue.add(0, 0, null);
  queue.add(40, 40, null);
  const step = queue.take(90);
  assert.equal(step.paint, null);
  assert.deepEqual(step.dropped, [0, 40]);
  assert.equal(queue.length, 0);
});
