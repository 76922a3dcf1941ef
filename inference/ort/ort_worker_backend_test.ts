/**
 * The worker-thread ORT backend against the in-process one on the generated fixture repository:
 * same tensors, same metadata, same error kinds; the caller's arrays stay its own.
 */
import assert from "node:assert/strict";
import {
  InferenceError,
  resolveVitsTensors,
  resolveWav2lipTensors,
  type Tensor,
  vitsInputs,
  wav2lipInputs,
} from "@lipstream/shared";
import { sampleTensor } from "../../shared/_tensor_samples.ts";
import { generateFixtureRepository } from "../fixtures/mod.ts";
import type { KserveServerBackend } from "../server/backend_types.ts";
import { createOrtBackend, createOrtWorkerBackend } from "./mod.ts";

const REPOSITORY = await Deno.makeTempDir({ prefix: "lipstream-ortw-" });
await generateFixtureRepository(REPOSITORY);

async function withBackends(
  fn: (
    worker: KserveServerBackend,
    inProcess: KserveServerBackend,
  ) => Promise<void>,
  workers = 1,
): Promise<void> {
  const options = { repository: REPOSITORY, intraOpThreads: 1 };
  const worker = await createOrtWorkerBackend({ ...options, workers });
  const inProcess = await createOrtBackend(options);
  try {
    await fn(worker, inProcess);
  } finally {
    await worker.close();
    await inProcess.close();
  }
}

function kindOf(error: unknown): string {
  return error instanceof InferenceError ? error.kind : String(error);
}

function wav2lipBatch(items: number) {
  const mel = new Float32Array(items * 80 * 16);
  const face = new Float32Array(items * 6 * 96 * 96);
  for (let i = 0; i < mel.length; i++) mel[i] = Math.sin(i / 17) * 4;
  for (let i = 0; i < face.length; i++) face[i] = (i % 251) / 251;
  return { mel, face };
}

Deno.test("worker backend: same outputs as in process; the caller's arrays are neither moved nor changed", async () => {
  await withBackends(async (worker, inProcess) => {
    const names = resolveWav2lipTensors(
      await worker.modelMetadata("fixture_wav2lip"),
    );
    // Views into a larger buffer, as the lip-sync session passes them.
    const big = wav2lipBatch(8);
    const mel = big.mel.subarray(0, 4 * 80 * 16);
    const face = big.face.subarray(0, 4 * 6 * 96 * 96);
    const melBefore = mel.slice(), faceBefore = face.slice();
    const inputs = wav2lipInputs(names, { mel, face });
    const viaWorker = await worker.infer("fixture_wav2lip", inputs);
    const direct = await inProcess.infer("fixture_wav2lip", inputs);
    assert.equal(big.mel.buffer.byteLength, 8 * 80 * 16 * 4, "not detached");
    assert.deepEqual(mel, melBefore);
    assert.deepEqual(face, faceBefore);
    assert.deepEqual(viaWorker, direct);

    const vits = resolveVitsTensors(await worker.modelMetadata("fixture_vits"));
    const speech = vitsInputs(vits, { ids: [1, 0, 14, 0, 59, 0, 2] });
    assert.deepEqual(
      await worker.infer("fixture_vits", speech),
      await inProcess.infer("fixture_vits", speech),
    );
    // Every datatype ORT takes, through the identity fixture.
    const identity = Object.fromEntries(
      (await worker.modelMetadata("fixture_identity")).inputs.map((spec) => {
        const sample = sampleTensor(spec.datatype);
        return [
          spec.name,
          { ...sample, shape: [sample.data.length] } as Tensor,
        ];
      }),
    );
    assert.deepEqual(
      await worker.infer("fixture_identity", identity),
      await inProcess.infer("fixture_identity", identity),
    );
  });
});

Deno.test("worker backend: metadata, config, readiness and index match the in-process backend", async () => {
  await withBackends(async (worker, inProcess) => {
    for (const model of ["fixture_vits", "fixture_wav2lip"]) {
      assert.deepEqual(
        await worker.modelMetadata(model),
        await inProcess.modelMetadata(model),
      );
      assert.deepEqual(
        await worker.modelConfig!(model),
        await inProcess.modelConfig!(model),
      );
      assert.equal(await worker.isModelReady(model), true);
    }
    assert.equal(await worker.isModelReady("nope"), false);
    assert.deepEqual(
      await worker.repositoryIndex!(),
      await inProcess.repositoryIndex!(),
    );
    assert.equal(await worker.isReady(), true);
  });
});

Deno.test("worker backend: errors keep their kinds; aborts and timeouts end the call", async () => {
  await withBackends(async (worker) => {
    const names = resolveVitsTensors(
      await worker.modelMetadata("fixture_vits"),
    );
    const inputs = vitsInputs(names, { ids: [1, 2] });
    const failure = (call: () => Promise<unknown>) =>
      call().then(() => "resolved", kindOf);
    assert.equal(
      await failure(() => worker.infer("nope", inputs)),
      "not_found",
    );
    assert.equal(
      await failure(() =>
        worker.modelMetadata("fixture_vits", { version: "7" })
      ),
      "not_found",
    );
    assert.equal(
      await failure(() =>
        worker.infer("fixture_vits", { ...inputs, extra: inputs["scales"]! })
      ),
      "invalid_argument",
    );
    const aborted = new AbortController();
    aborted.abort();
    assert.equal(
      await failure(() =>
        worker.infer("fixture_vits", inputs, { signal: aborted.signal })
      ),
      "cancelled",
    );
    const late = new AbortController();
    const call = worker.infer("fixture_vits", inputs, { signal: late.signal });
    late.abort();
    assert.equal(await failure(() => call), "cancelled");
    // Queued behind three 64-frame batches, a call with a 1 ms timeout times
    // out on the caller while the worker is busy.
    const lip = resolveWav2lipTensors(
      await worker.modelMetadata("fixture_wav2lip"),
    );
    const busy = wav2lipInputs(lip, wav2lipBatch(64));
    const ahead = [1, 2, 3].map(() => worker.infer("fixture_wav2lip", busy));
    assert.equal(
      await failure(() =>
        worker.infer("fixture_vits", inputs, { timeoutMs: 1 })
      ),
      "timeout",
    );
    assert.equal((await Promise.all(ahead)).length, 3);
    // The worker still serves after cancelled and timed-out calls.
    const again = await worker.infer("fixture_vits", inputs);
    assert.equal(again["output"]!.datatype, "FP32");
  });
});

Deno.test("worker backend: two workers serve concurrent calls with the right answers", async () => {
  await withBackends(async (worker) => {
    const names = resolveVitsTensors(
      await worker.modelMetadata("fixture_vits"),
    );
    const outputs = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        worker.infer(
          "fixture_vits",
          vitsInputs(names, { ids: Array(n).fill(5) }),
        )
      ),
    );
    assert.deepEqual(
      outputs.map((o) => o["output"]!.shape.at(-1)),
      [256, 512, 768, 1024, 1280, 1536],
    );
  }, 2);
});

Deno.test("worker backend: bad options and repositories are refused; close() ends service", async () => {
  await assert.rejects(
    createOrtWorkerBackend({ repository: REPOSITORY, workers: 0 }),
    RangeError,
  );
  await assert.rejects(
    createOrtWorkerBackend({ repository: `${REPOSITORY}/missing` }),
  );
  const backend = await createOrtWorkerBackend({ repository: REPOSITORY });
  await backend.close();
  assert.equal(await backend.isReady(), false);
  assert.equal(await backend.isModelReady("fixture_vits"), false);
  const error = await backend.infer("fixture_vits", {}).catch((e) => e);
  assert.equal(kindOf(error), "unavailable");
  await backend.close(); // twice is fine
});

Deno.test("worker backend: a worker that dies fails its calls as unavailable, and the backend reports not ready", async () => {
  const backend = await createOrtWorkerBackend({
    repository: REPOSITORY,
    workerModule: new URL(
      "./_failing_worker_test_support.ts",
      import.meta.url,
    ),
  });
  try {
    assert.equal(await backend.isModelReady("fixture_vits"), true);
    const error = await backend.infer("fixture_vits", {}).catch((e) => e);
    assert.equal(kindOf(error), "unavailable");
    assert.match(error.message, /the worker crashed/);
    assert.equal(await backend.isReady(), false);
    assert.equal(
      kindOf(await backend.infer("fixture_vits", {}).catch((e) => e)),
      "unavailable",
    );
    assert.equal(await backend.isModelReady("fixture_vits"), false);
  } finally {
    await backend.close();
  }
});

Deno.test("worker backend: when one of two workers dies, the other keeps serving", async () => {
  const backend = await createOrtWorkerBackend({
    repository: REPOSITORY,
    workers: 2,
    workerModule: new URL(
      "./_failing_worker_test_support.ts",
      import.meta.url,
    ),
  });
  try {
    const first = await backend.infer("fixture_vits", {}).catch((e) => e);
    assert.equal(kindOf(first), "unavailable");
    assert.equal(await backend.isReady(), true, "one worker is left");
    const second = await backend.infer("fixture_vits", {}).catch((e) => e);
    assert.equal(kindOf(second), "unavailable");
    assert.equal(await backend.isReady(), false);
  } finally {
    await backend.close();
  }
});

/** Which worker ran each of `calls` concurrent calls of the named models. */
async function workersOf(
  backend: KserveServerBackend,
  calls: string[],
): Promise<string[]> {
  const answers = await Promise.all(
    calls.map((model) => backend.infer(model, {})),
  );
  return answers.map((answer) => (answer as { worker?: string }).worker!);
}

Deno.test("worker backend: dedicated workers run only their models, the others run the rest", async () => {
  const naming = new URL("./_naming_worker_test_support.ts", import.meta.url);
  const split = await createOrtWorkerBackend({
    repository: REPOSITORY,
    workers: 3,
    intraOpThreads: 2,
    dedicated: { models: ["fixture_wav2lip"], workers: 2, intraOpThreads: 1 },
    workerModule: naming,
  });
  const shared = await createOrtWorkerBackend({
    repository: REPOSITORY,
    workers: 2,
    workerModule: naming,
  });
  try {
    const lip = ["fixture_wav2lip", "fixture_wav2lip", "fixture_wav2lip"];
    const voice = ["fixture_vits", "fixture_vits", "fixture_vits"];
    const ran = await workersOf(split, [...lip, ...voice]);
    assert.deepEqual(new Set(ran.slice(0, 3)), new Set(["ort-1", "ort-2"]));
    assert.deepEqual(new Set(ran.slice(3)), new Set(["ort-0"]));
    const threads = await Promise.all(
      ["fixture_wav2lip", "fixture_vits"].map(async (model) =>
        ((await split.infer(model, {})) as { intraOpThreads?: number })
          .intraOpThreads
      ),
    );
    assert.deepEqual(
      threads,
      [1, 2],
      "lip workers open with their own threads",
    );
    // Without a split, concurrent calls of one model spread over all workers.
    assert.deepEqual(
      new Set(await workersOf(shared, lip)),
      new Set(["ort-0", "ort-1"]),
    );
  } finally {
    await split.close();
    await shared.close();
  }
});

Deno.test("worker backend: when a model's dedicated workers have died, the other workers run it", async () => {
  const backend = await createOrtWorkerBackend({
    repository: REPOSITORY,
    workers: 2,
    dedicated: { models: ["fixture_wav2lip"], workers: 1 },
    workerModule: new URL(
      "./_naming_worker_test_support.ts?crash=ort-1",
      import.meta.url,
    ),
  });
  try {
    const first = await backend.infer("fixture_wav2lip", {}).catch((e) => e);
    assert.equal(kindOf(first), "unavailable");
    assert.deepEqual(await workersOf(backend, ["fixture_wav2lip"]), ["ort-0"]);
  } finally {
    await backend.close();
  }
});

Deno.test("worker backend: dedicated workers must leave at least one worker for the other models", async () => {
  for (const workers of [0, 2, 1.5]) {
    await assert.rejects(
      createOrtWorkerBackend({
        repository: REPOSITORY,
        workers: 2,
        dedicated: { models: ["fixture_wav2lip"], workers },
      }),
      (error) =>
        error instanceof RangeError &&
        /dedicated workers must be an integer from 1 to 1/.test(error.message),
    );
  }
});

Deno.test({
  name: "worker backend: clean up the fixture repository",
  fn: () => Deno.remove(REPOSITORY, { recursive: true }),
});
