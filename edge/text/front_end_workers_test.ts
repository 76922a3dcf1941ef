import assert from "node:assert/strict";
import { createVoice } from "../voices/voice.ts";
import { planSynthesis } from "./front_end.ts";
import { FrontEndWorkers } from "./front_end_workers.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";

const FIXTURES = new URL("../../tests/fixtures/text/", import.meta.url);
const CJKE = createVoice(
  "uma",
  JSON.parse(await Deno.readTextFile(new URL("cjke_config.json", FIXTURES))),
);
const PIPER = createVoice(
  "amy",
  JSON.parse(await Deno.readTextFile(new URL("en_piper.onnx.json", FIXTURES))),
);

Deno.test("FrontEndWorkers plans on a worker exactly what planSynthesis plans here", async () => {
  const frontEnd = new FrontEndWorkers(1);
  try {
    for (
      const [voice, text] of [
        [PIPER, "Hello there, this is a test of 42 words."],
        [CJKE, "[ZH]你好，世界。[ZH]"],
      ] as const
    ) {
      const here = await planSynthesis(voice, { text });
      const there = await frontEnd.plan(voice, { text });
      assert.deepEqual(there, here);
    }
    assert.equal(frontEnd.planned, 2);
  } finally {
    frontEnd.close();
  }
});

Deno.test("FrontEndWorkers rebuilds the front end's errors, and plans here once closed", async () => {
  const frontEnd = new FrontEndWorkers(1);
  try {
    const error = await frontEnd.plan(PIPER, { text: "Hello.", speed: 99 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.ok(error instanceof TextFrontEndError);
    const expected = await planSynthesis(PIPER, { text: "Hello.", speed: 99 })
      .catch((e) => e);
    assert.equal(error.code, expected.code);
    assert.equal(error.field, expected.field);
    assert.equal(error.field, "speed");
    assert.equal(error.message, expected.message);
  } finally {
    frontEnd.close();
  }
  const plan = await frontEnd.plan(PIPER, { text: "Hello." });
  assert.ok(plan.ids.length > 0);
  assert.equal(frontEnd.planned, 0);
  assert.throws(() => new FrontEndWorkers(0), RangeError);
});
