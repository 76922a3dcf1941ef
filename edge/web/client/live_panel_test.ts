import assert from "node:assert/strict";
import { panelTexts } from "./live_panel.ts";
import { createUtteranceStats } from "./utterance_stats.ts";

Deno.test("panelTexts() shows the error, rounded times and the offset with its maximum", () => {
  const stats = createUtteranceStats("stream", 0);
  assert.equal(panelTexts(stats).offset, "–");
  Object.assign(stats, {
    state: "speaking",
    ttfaMs: 120.6,
    framesPainted: 3,
    lastOffsetMs: -4.4,
    maxAbsOffsetMs: 17.5,
  });
  assert.deepEqual(panelTexts(stats), {
    status: "speaking",
    ttfa: "121 ms",
    ttfs: "–",
    ttff: "–",
    shown: "3",
    dropped: "0",
    offset: "-4 ms (max 18)",
  });
  stats.error = "Triton is down";
  assert.equal(panelTexts(stats).status, "error: Triton is down");
});
