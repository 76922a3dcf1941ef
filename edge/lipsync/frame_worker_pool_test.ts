import assert from "node:assert/strict";
import {
  chunksOf,
  darkMouthModel,
  loadDemoPack,
  renderSession,
  voiced,
} from "./_test_support.ts";
import { FrameWorkerPool } from "./frame_worker_pool.ts";
import { createLipSyncService } from "./lipsync_service.ts";
import type { LipStage } from "./lipsync_session.ts";

const PACK = await loadDemoPack();
const PACKS = new Map([["demo", PACK]]);
const SIGNAL = new AbortController().signal;

async function renderWith(frameWorkers: number) {
  const stages = new Map<LipStage, number>();
  const service = createLipSyncService({
    packs: PACKS,
    lipModel: darkMouthModel,
    frameWorkers,
    profile: (stage) => stages.set(stage, (stages.get(stage) ?? 0) + 1),
  });
  try {
    const session = await service.open({ avatarId: "demo", fps: 25 }, {
      signal: SIGNAL,
    });
    const audio = voiced(1.3, 22050);
    const frames = await renderSession(
      session,
      chunksOf(audio, [9000, 11000], 22050),
      SIGNAL,
    );
    return {
      frames,
      stats: { ...service.stats },
      counts: { ...service.frameWorkers?.counts },
      stages,
    };
  } finally {
    service.close();
  }
}

Deno.test("frame workers make the same frames as the server thread, and the work happens on them", async () => {
  const inline = await renderWith(0);
  const worker = await renderWith(1);
  assert.equal(worker.frames.length, 33);
  assert.deepEqual(
    worker.frames.map((f) => [f.index, f.ptsMs, f.mouth]),
    inline.frames.map((f) => [f.index, f.ptsMs, f.mouth]),
  );
  worker.frames.forEach((frame, i) =>
    assert.deepEqual(frame.jpeg, inline.frames[i]!.jpeg, `frame ${i}`)
  );
  assert.deepEqual(worker.stats, inline.stats);
  // Every resample + mel call, face batch and pasted frame was answered by the worker.
  const pasted = worker.frames.filter((f) => f.mouth !== "idle").length;
  assert.ok(pasted > 0);
  assert.equal(worker.counts.frames, pasted);
  assert.equal(worker.counts.faces, worker.stats.modelCalls);
  assert.equal(worker.counts.mel, worker.stages.get("mel"));
  assert.deepEqual(inline.counts, {});
  for (const stage of ["mel", "batch", "model", "paste", "jpeg"] as const) {
    assert.ok((worker.stages.get(stage) ?? 0) > 0, stage);
  }
});

Deno.test("frame workers: an aborted emit rejects at once, and a closed pool falls back to the server thread", async () => {
  const pool = new FrameWorkerPool({ packs: PACKS, workers: 1 });
  try {
    const work = pool.open("demo", {
      sampleRateHz: 16000,
      jpegQuality: 80,
      blend: "feathered",
    });
    assert.equal(work.where, "worker");
    const face = new Float32Array(3 * 96 * 96).fill(0.5);
    const controller = new AbortController();
    const pending = work.emit(0, face, controller.signal);
    controller.abort(new Error("client gone"));
    await assert.rejects(pending, /client gone/);
    // The caller's array is copied, not transferred away.
    assert.equal(face.length, 3 * 96 * 96);
    const { jpeg } = await work.emit(1, undefined, SIGNAL);
    assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8]);
    work.close();
    assert.throws(
      () =>
        pool.open("nobody", {
          sampleRateHz: 1,
          jpegQuality: 1,
          blend: "reference",
        }),
      /unknown avatar 'nobody'/,
    );
  } finally {
    pool.close();
  }
  assert.equal(
    pool.open("demo", {
      sampleRateHz: 16000,
      jpegQuality: 80,
      blend: "feathered",
    })
      .where,
    "inline",
  );
  assert.throws(
    () => new FrameWorkerPool({ packs: PACKS, workers: 0 }),
    RangeError,
  );
});

Deno.test("frame workers: a worker that dies fails its calls, and new work runs inline", async () => {
  const pool = new FrameWorkerPool({
    packs: PACKS,
    workers: 1,
    workerModule: new URL("data:text/javascript,throw new Error('boom')"),
  });
  try {
    const work = pool.open("demo", {
      sampleRateHz: 16000,
      jpegQuality: 80,
      blend: "feathered",
    });
    await assert.rejects(
      work.mel(new Float32Array(1600)),
      /frame worker failed/,
    );
    assert.equal(pool.alive, 0);
    const fallback = pool.open("demo", {
      sampleRateHz: 16000,
      jpegQuality: 80,
      blend: "feathered",
    });
    assert.equal(fallback.where, "inline");
    assert.ok((await fallback.mel(new Float32Array(1600))).frames.length > 0);
  } finally {
    pool.close();
  }
});
