/**
 * How many frames go to Wav2Lip at once. The first batch of an utterance is
 * small so its first frame leaves early; later batches are larger for
 * throughput (fewer model calls, better GPU use). A batch is also cut short
 * when no more frames are ready, so nothing waits for a full batch.
 *
 * @module
 */

/** Batch sizes of the frame pipeline. */
export interface BatchPolicy {
  /** Frames in the first batch of an utterance. @default {4} */
  first: number;
  /** Frames in every later batch. @default {16} */
  next: number;
}

/** The default policy (measured in `lipsync_bench.ts`). */
export const DEFAULT_BATCH_POLICY: Readonly<BatchPolicy> = Object.freeze({
  first: 4,
  next: 16,
});

/**
 * Validates a policy and fills defaults.
 *
 * @example
 * ```ts
 * import { resolveBatchPolicy } from "@lipstream/edge/lipsync";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(resolveBatchPolicy({ next: 32 }), { first: 4, next: 32 });
 * assert.throws(() => resolveBatchPolicy({ first: 0 }), RangeError);
 * ```
 *
 * @param policy Overrides.
 * @returns The complete policy.
 * @throws {RangeError} Unless both sizes are integers in [1, 256].
 */
export function resolveBatchPolicy(
  policy: Partial<BatchPolicy> = {},
): BatchPolicy {
  const resolved = { ...DEFAULT_BATCH_POLICY, ...policy };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1 || value > 256) {
      throw new RangeError(
        `Cannot use batch policy: ${name} must be an integer in [1, 256]: received ${value}`,
      );
    }
  }
  return resolved;
}
