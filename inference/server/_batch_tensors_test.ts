import assert from "node:assert/strict";
import { concatBatch, splitBatch } from "./_batch_tensors.ts";

Deno.test("concatBatch() joins along axis 0 and splitBatch() returns views of each part", () => {
  const a = {
    x: { datatype: "INT16" as const, shape: [1, 2], data: Int16Array.of(1, 2) },
    s: { datatype: "BYTES" as const, shape: [1], data: [Uint8Array.of(1)] },
  };
  const b = {
    x: {
      datatype: "INT16" as const,
      shape: [2, 2],
      data: Int16Array.of(3, 4, 5, 6),
    },
    s: {
      datatype: "BYTES" as const,
      shape: [2],
      data: [Uint8Array.of(2), Uint8Array.of(3)],
    },
  };
  const merged = concatBatch([a, b]);
  assert.deepEqual(merged.x!.shape, [3, 2]);
  assert.deepEqual([...merged.x!.data as Int16Array], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(merged.s!.shape, [3]);
  const [pa, pb] = splitBatch(merged, [1, 2]);
  assert.deepEqual([...pb!.x!.data as Int16Array], [3, 4, 5, 6]);
  assert.equal(
    (pb!.x!.data as Int16Array).buffer,
    (merged.x!.data as Int16Array).buffer,
  );
  assert.deepEqual(pa!.s!.data, [Uint8Array.of(1)]);
  assert.throws(
    () => splitBatch(merged, [1, 1]),
    /batch dimension is 3, expected 2/,
  );
});
