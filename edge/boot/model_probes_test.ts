import assert from "node:assert/strict";
import { WAV2LIP_FACE_OUTPUT_VALUES } from "@lipstream/shared";
import type { LipModel } from "../lipsync/lip_model.ts";
import { lipModelProbe } from "./model_probes.ts";

/** A lip model that answers batches up to `largest` frames and refuses larger ones. */
function lipModelUpTo(largest: number, seen: number[]): LipModel {
  return (batch) => {
    seen.push(batch.size);
    if (batch.size > largest) {
      return Promise.reject(new Error(`cannot run ${batch.size} frames`));
    }
    return Promise.resolve(
      Array.from(
        { length: batch.size },
        () => new Float32Array(WAV2LIP_FACE_OUTPUT_VALUES).fill(0.5),
      ),
    );
  };
}

Deno.test("lipModelProbe runs each distinct batch size the edge sends, smallest first", async () => {
  const seen: number[] = [];
  const probe = lipModelProbe("wav2lip", lipModelUpTo(16, seen), [16, 1, 16]);
  await probe.run({ signal: AbortSignal.timeout(5000) });
  assert.deepEqual(seen, [1, 16]);
});

Deno.test("lipModelProbe fails a model that answers the first batch but not the steady one", async () => {
  const seen: number[] = [];
  const probe = lipModelProbe("wav2lip", lipModelUpTo(1, seen), [1, 16]);
  await assert.rejects(
    probe.run({ signal: AbortSignal.timeout(5000) }),
    /cannot run 16 frames/,
  );
  assert.deepEqual(seen, [1, 16]);
});

Deno.test("lipModelProbe fails a model that returns fewer faces than frames", async () => {
  const short: LipModel = () =>
    Promise.resolve([new Float32Array(WAV2LIP_FACE_OUTPUT_VALUES)]);
  const probe = lipModelProbe("wav2lip", short, [4]);
  await assert.rejects(
    probe.run({ signal: AbortSignal.timeout(5000) }),
    /a batch of 4 frames returned 1 faces/,
  );
});
