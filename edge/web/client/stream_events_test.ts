import assert from "node:assert/strict";
import { readStreamEvent, StreamProblemError } from "./stream_events.ts";

function jsonPart(value: unknown, type = "application/json") {
  return {
    headers: { "content-type": type },
    body: new TextEncoder().encode(JSON.stringify(value)),
  };
}

Deno.test("readStreamEvent() reads the start and end parts", () => {
  assert.deepEqual(
    readStreamEvent(
      jsonPart({ type: "start", utterance_id: "u", fps: 30, idle_position: 7 }),
    ),
    { type: "start", utteranceId: "u", fps: 30, idlePosition: 7 },
  );
  assert.deepEqual(
    readStreamEvent(
      jsonPart({ type: "end", timings: { ttfa_ms: 5 }, next_idle_position: 9 }),
    ),
    { type: "end", timings: { ttfa_ms: 5 }, nextIdlePosition: 9 },
  );
  assert.deepEqual(readStreamEvent(jsonPart({ type: "sentence" })), {
    type: "other",
  });
});

Deno.test("readStreamEvent() throws the detail of a problem part", () => {
  const problem = jsonPart(
    { title: "Backend unavailable", detail: "Triton is down" },
    "application/problem+json",
  );
  assert.throws(() => readStreamEvent(problem), {
    name: "StreamProblemError",
    message: "Triton is down",
  });
  assert.throws(
    () =>
      readStreamEvent(jsonPart({ title: "Gone" }, "application/problem+json")),
    StreamProblemError,
  );
  assert.throws(
    () => readStreamEvent({ headers: {}, body: new TextEncoder().encode("{") }),
    SyntaxError,
  );
});
