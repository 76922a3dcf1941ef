import assert from "node:assert/strict";
import { audioPartStartSec } from "./audio_part.ts";

Deno.test("audioPartStartSec() prefers the sample index at the WAV's rate", () => {
  const headers = { "x-sample-start": "22050", "x-start-ms": "999" };
  assert.equal(audioPartStartSec(headers, 22050), 1);
  assert.equal(audioPartStartSec(headers, null), 0.999);
  assert.equal(audioPartStartSec({ "x-start-ms": "40" }, 16000), 0.04);
  assert.ok(Number.isNaN(audioPartStartSec({}, 16000)));
});
