import assert from "node:assert/strict";
import type { InferenceBackend } from "@lipstream/shared";
import { backendReadiness } from "./backend_readiness.ts";
import type { ModelProbe } from "./model_probes.ts";

const OPTIONS = { signal: new AbortController().signal };

function fakeBackend(state: { up: boolean }): InferenceBackend {
  return {
    infer: () => Promise.reject(new Error("unused")),
    modelMetadata: () => Promise.reject(new Error("unused")),
    isModelReady: () => Promise.resolve(state.up),
    isReady: () => Promise.resolve(state.up),
    close: () => Promise.resolve(),
  };
}

function probe(
  model: string,
  role: "lip" | "voice",
  failure?: string,
): ModelProbe & { runs: number } {
  const p = {
    model,
    role,
    runs: 0,
    run() {
      p.runs++;
      return failure === undefined
        ? Promise.resolve()
        : Promise.reject(new Error(failure));
    },
  };
  return p;
}

Deno.test("backendReadiness() probes each model once, names failures, stays ready without a failed voice, and probes again after a reconnect", async () => {
  const state = { up: true };
  const lip = probe("wav2lip", "lip");
  const good = probe("good", "voice");
  const bad = probe("bad", "voice", "input 'x' has no role");
  const readiness = backendReadiness({
    backend: fakeBackend(state),
    models: ["good", "bad", "wav2lip"],
    avatarCount: 1,
    voiceCount: 2,
    probes: [lip, good, bad],
    cacheMs: 0,
    retryFailedMs: 60_000,
  });
  const first = await readiness.check(OPTIONS);
  assert.equal(first.ready, true);
  assert.deepEqual(first.degraded, ["bad"]);
  assert.deepEqual(first.checks["model:bad"], {
    ok: false,
    detail: "failed a test inference: input 'x' has no role",
  });
  await readiness.check(OPTIONS);
  assert.deepEqual([lip.runs, good.runs, bad.runs], [1, 1, 1]);

  state.up = false;
  const down = await readiness.check(OPTIONS);
  assert.equal(down.ready, false);
  state.up = true;
  await readiness.check(OPTIONS);
  assert.deepEqual([lip.runs, good.runs, bad.runs], [2, 2, 2]);
});

Deno.test("backendReadiness() is not ready when the lip model or every voice fails its probe", async () => {
  for (
    const probes of [
      [probe("wav2lip", "lip", "batch of 4 failed"), probe("v", "voice")],
      [probe("wav2lip", "lip"), probe("v", "voice", "no scales")],
    ]
  ) {
    const report = await backendReadiness({
      backend: fakeBackend({ up: true }),
      models: ["v", "wav2lip"],
      avatarCount: 1,
      voiceCount: 1,
      probes,
    }).check(OPTIONS);
    assert.equal(report.ready, false);
    assert.equal(report.degraded, undefined);
    assert.equal(report.retryAfterSeconds, 5);
  }
});
