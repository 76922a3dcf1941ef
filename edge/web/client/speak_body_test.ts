import assert from "node:assert/strict";
import { mjpegQuery, speakBodyFromForm, ttsBody } from "./speak_body.ts";

Deno.test("speakBodyFromForm() keeps a named speaker and a language as strings", () => {
  const fields: Record<string, string> = {
    text: "Hi.",
    voice: "v",
    avatar: "a",
    speed: "0.75",
    speaker: "ann",
    language: "en-us",
  };
  const body = speakBodyFromForm((name) => fields[name] ?? "");
  assert.deepEqual(body, {
    text: "Hi.",
    voice: "v",
    avatar: "a",
    speed: 0.75,
    speaker: "ann",
    language: "en-us",
  });
  assert.deepEqual(ttsBody({ ...body, session: "s", idle_position: 3 }), {
    text: "Hi.",
    voice: "v",
    speed: 0.75,
    format: "json",
    speaker: "ann",
    language: "en-us",
  });
  assert.equal(mjpegQuery(body, "s").get("language"), "en-us");
});
