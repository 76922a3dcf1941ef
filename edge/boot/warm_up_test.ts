import assert from "node:assert/strict";
import {
  createFakeStats,
  createSolidLipSyncService,
  createToneSpeechService,
} from "../../tests/support/fake_pipeline.ts";
import { WARM_UP_SESSION, warmUpPipeline } from "./warm_up.ts";

const OPTIONS = { signal: new AbortController().signal };

Deno.test("warmUpPipeline() speaks with every voice and renders on an avatar under its own session", async () => {
  const stats = createFakeStats();
  const report = await warmUpPipeline({
    speech: createToneSpeechService(stats),
    lipSync: createSolidLipSyncService(stats),
  }, OPTIONS);
  assert.deepEqual(report.failures, []);
  assert.deepEqual(report.voices, ["tone"]);
  assert.ok(stats.sentences >= 2, `${stats.sentences} sentences`);
  assert.ok(report.frames > 0 && report.frames === stats.frames);
  assert.deepEqual(stats.sessions, [WARM_UP_SESSION]);
  assert.ok(report.ms >= 0);
});

Deno.test("warmUpPipeline() reports a failing voice instead of throwing, and skips lip sync without audio", async () => {
  const stats = createFakeStats();
  const report = await warmUpPipeline({
    speech: createToneSpeechService(stats, {
      failAt: { sentence: 0, error: new Error("backend down") },
    }),
    lipSync: createSolidLipSyncService(stats),
  }, OPTIONS);
  assert.deepEqual(report.voices, []);
  assert.deepEqual(report.failures, [{
    step: "voice tone",
    error: "backend down",
  }]);
  assert.equal(report.frames, 0);
  assert.deepEqual(stats.sessions, []);
});
