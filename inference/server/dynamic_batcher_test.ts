import assert from "node:assert/strict";
import { InferenceError, type NamedTensors } from "@lipstream/shared";
import { type BatchRunner, DynamicBatcher } from "./dynamic_batcher.ts";

function request(batch: number, width = 2, start = 0): NamedTensors {
  return {
    x: {
      datatype: "FP32",
      shape: [batch, width],
      data: Float32Array.from({ length: batch * width }, (_, i) => start + i),
    },
  };
}

/** Doubles `x` into `y` and records each batch size; `gate` holds runs until released. */
function recorder(options: { gate?: Promise<void> } = {}) {
  const sizes: number[] = [];
  const run: BatchRunner = async (inputs) => {
    sizes.push(inputs.x!.shape[0]!);
    await options.gate;
    const x = inputs.x!;
    return {
      y: {
        datatype: "FP32",
        shape: x.shape,
        data: Float32Array.from(x.data as Float32Array, (v) => 2 * v),
      },
    };
  };
  return { sizes, run };
}

function released(): { gate: Promise<void>; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release };
}

Deno.test("DynamicBatcher merges requests queued within the delay and splits results back", async () => {
  const { sizes, run } = recorder();
  const batcher = new DynamicBatcher(run, {
    maxBatchSize: 8,
    dynamicBatching: { max_queue_delay_microseconds: 20_000 },
  });
  const results = await Promise.all([
    batcher.submit(request(1, 2, 0)),
    batcher.submit(request(2, 2, 10)),
    batcher.submit(request(3, 2, 20)),
  ]);
  assert.deepEqual(sizes, [6]);
  assert.deepEqual(results.map((r) => r.y!.shape), [[1, 2], [2, 2], [3, 2]]);
  assert.deepEqual([...results[1]!.y!.data as Float32Array], [20, 22, 24, 26]);
  assert.deepEqual(batcher.stats, {
    runs: 1,
    requests: 3,
    items: 6,
    cancelled: 0,
  });
});

Deno.test("DynamicBatcher caps batches at max_batch_size and never splits a request", async () => {
  const { sizes, run } = recorder();
  const batcher = new DynamicBatcher(run, {
    maxBatchSize: 4,
    dynamicBatching: { max_queue_delay_microseconds: 20_000 },
  });
  await Promise.all([3, 3, 1, 2].map((n) => batcher.submit(request(n))));
  // [3] cannot grow (3 + 3 > 4) so it leaves at once; 3 + 1 fills the batch; 2 waits the delay.
  assert.deepEqual(sizes, [3, 4, 2]);
  await assert.rejects(
    () => batcher.submit(request(5)),
    /batch-size must be <= 4/,
  );
});

Deno.test("DynamicBatcher prefers the largest preferred batch size it can form", async () => {
  const hold = released();
  const { sizes, run } = recorder({ gate: hold.gate });
  const batcher = new DynamicBatcher(run, {
    maxBatchSize: 8,
    dynamicBatching: {
      preferred_batch_size: [2, 4],
      max_queue_delay_microseconds: 0,
    },
  });
  // The first request runs alone (delay 0); the next five queue behind it.
  const all = [batcher.submit(request(1))];
  for (let i = 0; i < 5; i++) all.push(batcher.submit(request(1)));
  hold.release();
  await Promise.all(all);
  assert.deepEqual(sizes, [1, 4, 1]);
});

Deno.test("DynamicBatcher does not merge requests whose non-batch dimensions differ", async () => {
  const { sizes, run } = recorder();
  const batcher = new DynamicBatcher(run, {
    maxBatchSize: 8,
    dynamicBatching: { max_queue_delay_microseconds: 10_000 },
  });
  const [a, b, c] = await Promise.all([
    batcher.submit(request(1, 2)),
    batcher.submit(request(1, 3)),
    batcher.submit(request(1, 3)),
  ]);
  assert.deepEqual(sizes, [1, 2]);
  assert.deepEqual(a!.y!.shape, [1, 2]);
  assert.deepEqual([b!.y!.shape, c!.y!.shape], [[1, 3], [1, 3]]);
});

Deno.test("DynamicBatcher removes a cancelled request from the queue", async () => {
  const hold = released();
  const { sizes, run } = recorder({ gate: hold.gate });
  const batcher = new DynamicBatcher(run, {
    maxBatchSize: 8,
    dynamicBatching: {},
  });
  const first = batcher.submit(request(1));
  const controller = new AbortController();
  const cancelled = batcher.submit(request(2), { signal: controller.signal });
  const kept = batcher.submit(request(1));
  assert.equal(batcher.queued, 2);
  controller.abort();
  await assert.rejects(
    cancelled,
    (e) => e instanceof InferenceError && e.kind === "cancelled",
  );
  assert.equal(batcher.queued, 1);
  hold.release();
  await Promise.all([first, kept]);
  assert.deepEqual(sizes, [1, 1]);
  assert.equal(batcher.stats.cancelled, 1);
});

Deno.test("DynamicBatcher rejects every member when the batch fails", async () => {
  const batcher = new DynamicBatcher(
    () => Promise.reject(new InferenceError("internal", "boom")),
    {
      maxBatchSize: 4,
      dynamicBatching: { max_queue_delay_microseconds: 5_000 },
    },
  );
  const results = await Promise.allSettled([
    batcher.submit(request(1)),
    batcher.submit(request(1)),
  ]);
  assert.deepEqual(results.map((r) => r.status), ["rejected", "rejected"]);
  assert.equal(batcher.stats.runs, 1);
});
