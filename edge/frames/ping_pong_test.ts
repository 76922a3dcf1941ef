import assert from "node:assert/strict";
import { pingPongFrame, PingPongPicker } from "./ping_pong.ts";

Deno.test("PingPongPicker goes forward then backward without repeating the ends", () => {
  assert.deepEqual([...new PingPongPicker(3).take(9)], [
    0,
    1,
    2,
    1,
    0,
    1,
    2,
    1,
    0,
  ]);
  assert.deepEqual([...new PingPongPicker(1).take(3)], [0, 0, 0]);
  assert.deepEqual([...new PingPongPicker(2).take(4)], [0, 1, 0, 1]);
});

Deno.test("PingPongPicker continues across calls and resumes from a saved position", () => {
  const session = new PingPongPicker(5);
  const first = [...session.take(6)], second = [...session.take(6)];
  assert.deepEqual([...first, ...second], [...new PingPongPicker(5).take(12)]);
  const resumed = new PingPongPicker(5, { start: session.position });
  assert.deepEqual([...resumed.take(4)], [...session.take(4)]);
  assert.throws(() => new PingPongPicker(0), RangeError);
  assert.throws(() => new PingPongPicker(3, { start: 4 }), RangeError);
});

Deno.test("pingPongFrame() gives the frame a picker started at that position picks first", () => {
  for (const frameCount of [1, 2, 3, 6]) {
    const picker = new PingPongPicker(frameCount);
    for (let position = 0; position < 20; position++) {
      const period = Math.max(1, 2 * (frameCount - 1));
      assert.equal(
        pingPongFrame(position, frameCount),
        new PingPongPicker(frameCount, { start: position % period }).next(),
      );
      assert.equal(pingPongFrame(position, frameCount), picker.next());
    }
  }
});
