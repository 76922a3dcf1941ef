import assert from "node:assert/strict";
import {
  buildFaceBatch,
  FACE_CROP_BYTES,
  FACE_INPUT_VALUES,
} from "./face_batch.ts";

const PLANE = 96 * 96;

Deno.test("buildFaceBatch() writes masked BGR, then reference BGR, /255, per frame index", () => {
  const crops = new Uint8Array(2 * FACE_CROP_BYTES);
  for (let p = 0; p < PLANE; p++) {
    crops.set([10, 20, 30], FACE_CROP_BYTES + p * 3); // frame 1 BGR
  }
  const batch = buildFaceBatch({ crops }, [1, 0]);
  assert.equal(batch.length, 2 * FACE_INPUT_VALUES);
  for (const [channel, value] of [[0, 10], [1, 20], [2, 30]] as const) {
    const masked = batch.subarray(channel * PLANE, (channel + 1) * PLANE);
    const reference = batch.subarray(
      (channel + 3) * PLANE,
      (channel + 4) * PLANE,
    );
    assert.equal(masked[47 * 96 + 95], Math.fround(value / 255));
    assert.ok(
      masked.subarray(48 * 96).every((v) => v === 0),
      `rows 48–95 of channel ${channel}`,
    );
    assert.ok(reference.every((v) => v === Math.fround(value / 255)));
  }
  assert.ok(
    batch.subarray(FACE_INPUT_VALUES).every((v) => v === 0),
    "frame 0 is black",
  );
});

Deno.test("buildFaceBatch() reuses a longer output buffer and rejects bad indices", () => {
  const crops = new Uint8Array(FACE_CROP_BYTES).fill(255);
  const out = new Float32Array(3 * FACE_INPUT_VALUES);
  assert.equal(buildFaceBatch({ crops }, [0], { out }), out);
  assert.equal(out[3 * PLANE], 1);
  assert.throws(() => buildFaceBatch({ crops }, [1]), RangeError);
  assert.throws(
    () => buildFaceBatch({ crops }, [0, 0], { out: new Float32Array(10) }),
    RangeError,
  );
});
