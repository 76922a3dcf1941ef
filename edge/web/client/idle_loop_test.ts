import assert from "node:assert/strict";
import { pingPongFrame } from "../../frames/ping_pong.ts";
import { cyclePosition } from "./idle_loop.ts";

Deno.test("cyclePosition() wraps like the server's ping-pong picker", () => {
  // 40 frames: period 78, as the embedded server's demo avatar.
  assert.equal(cyclePosition(78, 40), 0);
  assert.equal(cyclePosition(79.4, 40), 1);
  assert.equal(cyclePosition(-2, 40), 76);
  const shown = Array.from(
    { length: 8 },
    (_, i) => pingPongFrame(cyclePosition(i, 4), 4),
  );
  assert.deepEqual(shown, [0, 1, 2, 3, 2, 1, 0, 1]);
});
