import assert from "node:assert/strict";
import { ortThreadPlan, ortWorkerPlan } from "./ort_worker_plan.ts";

Deno.test("ortWorkerPlan() gives the lip model a worker of its own on 2 or more cores", () => {
  for (const cores of [2, 4, 16]) {
    assert.deepEqual(ortWorkerPlan(cores, "auto", "auto"), {
      workers: 2,
      lipWorkers: 1,
    });
  }
  assert.deepEqual(ortWorkerPlan(1, "auto", "auto"), {
    workers: 1,
    lipWorkers: 0,
  });
});

Deno.test("ortWorkerPlan() keeps explicit counts and fits auto around them", () => {
  assert.deepEqual(ortWorkerPlan(2, 1, "auto"), { workers: 1, lipWorkers: 0 });
  assert.deepEqual(ortWorkerPlan(2, 3, "auto"), { workers: 3, lipWorkers: 1 });
  assert.deepEqual(ortWorkerPlan(2, 2, 0), { workers: 2, lipWorkers: 0 });
  assert.deepEqual(ortWorkerPlan(2, "auto", 2), { workers: 3, lipWorkers: 2 });
  assert.deepEqual(ortWorkerPlan(1, "auto", 0), { workers: 1, lipWorkers: 0 });
  assert.deepEqual(ortWorkerPlan(2, 0, 1), { workers: 0, lipWorkers: 0 });
});

Deno.test("ortWorkerPlan() refuses lip workers that leave none for the voices", () => {
  assert.throws(
    () => ortWorkerPlan(2, 2, 2),
    /ORT_LIP_WORKERS must be less than ORT_WORKERS .*received 2 of 2/,
  );
  assert.throws(() => ortWorkerPlan(2, 1, 1), RangeError);
});

Deno.test("ortThreadPlan() gives a split plan's voice workers every core, the lip workers the rest, no spinning", () => {
  const split = { workers: 2, lipWorkers: 1 };
  assert.deepEqual(ortThreadPlan(2, split, {}), {
    intraOpThreads: 2,
    lipIntraOpThreads: 1,
    spinning: false,
  });
  assert.deepEqual(ortThreadPlan(8, { workers: 3, lipWorkers: 2 }, {}), {
    intraOpThreads: 8,
    lipIntraOpThreads: 3,
    spinning: false,
  });
  assert.deepEqual(
    ortThreadPlan(2, split, {
      intraOpThreads: 1,
      lipIntraOpThreads: 2,
      spinning: true,
    }),
    { intraOpThreads: 1, lipIntraOpThreads: 2, spinning: true },
  );
});

Deno.test("ortThreadPlan() leaves a shared-worker plan to the loader's defaults", () => {
  assert.deepEqual(
    ortThreadPlan(2, { workers: 1, lipWorkers: 0 }, { spinning: "auto" }),
    {
      intraOpThreads: undefined,
      lipIntraOpThreads: undefined,
      spinning: undefined,
    },
  );
  assert.deepEqual(
    ortThreadPlan(2, { workers: 1, lipWorkers: 0 }, { intraOpThreads: 2 }),
    { intraOpThreads: 2, lipIntraOpThreads: undefined, spinning: undefined },
  );
});
