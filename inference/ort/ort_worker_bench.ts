/**
 * ONNX Runtime in process vs on a worker thread, with a lip model heavy enough to matter:
 * `bench_wav2lip`, a stand-in with Wav2Lip's contract whose 16-frame run costs ~10 ms on CPU
 * (written to a temporary repository; no lip model). Two measures per placement:
 *
 * - a 16-frame batch's latency, as the caller sees it;
 * - the caller's event loop while 8 batches run back to back: the worst delay of a 1 ms
 *   interval timer (in process, every run holds the thread that serves HTTP and encodes frames).
 *
 * Run: `bash scripts/deno.sh bench -A inference/ort/ort_worker_bench.ts`.
 */
import {
  type InferenceBackend,
  resolveWav2lipTensors,
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_MEL_WINDOW_VALUES,
  wav2lipInputs,
} from "@lipstream/shared";
import {
  BENCH_WAV2LIP_MODEL,
  writeBenchWav2lipModel,
} from "@lipstream/inference/fixtures";
import { createOrtBackend, createOrtWorkerBackend } from "./mod.ts";

const MODEL = BENCH_WAV2LIP_MODEL;
const BATCH = 16;

const repository = await Deno.makeTempDir({ prefix: "lipstream-heavy-" });
await writeBenchWav2lipModel(repository);
const inProcess = await createOrtBackend({ repository });
const onWorker = await createOrtWorkerBackend({ repository });
const names = resolveWav2lipTensors(await inProcess.modelMetadata(MODEL));
const inputs = wav2lipInputs(names, {
  mel: new Float32Array(BATCH * WAV2LIP_MEL_WINDOW_VALUES).fill(0.5),
  face: new Float32Array(BATCH * WAV2LIP_FACE_INPUT_VALUES).fill(0.5),
});

/** Worst lateness of a 1 ms interval while `work` runs, in ms. */
async function worstTimerDelay(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  try {
    await work();
    // Let the timer observe the end of the work too.
    await new Promise((resolve) => setTimeout(resolve, 5));
  } finally {
    clearInterval(timer);
  }
  return worst;
}

const placements: [string, InferenceBackend][] = [
  ["in process", inProcess],
  ["on a worker", onWorker],
];
for (const [placement, backend] of placements) {
  Deno.bench(`${BATCH}-frame batch, ${placement}`, {
    group: "batch",
    baseline: placement === "in process",
  }, async () => {
    await backend.infer(MODEL, inputs);
  });
}

// Deno.bench reports time, not a custom value: measure the stall once per placement and print it.
for (const [placement, backend] of placements) {
  await backend.infer(MODEL, inputs); // warm
  const stalls: number[] = [];
  for (let run = 0; run < 5; run++) {
    stalls.push(
      await worstTimerDelay(async () => {
        for (let i = 0; i < 8; i++) await backend.infer(MODEL, inputs);
      }),
    );
  }
  stalls.sort((a, b) => a - b);
  console.log(
    `caller's event loop, 8 batches ${placement}: worst timer delay median ${
      stalls[2]!.toFixed(1)
    } ms`,
  );
}

globalThis.addEventListener("unload", () => {
  Deno.removeSync(repository, { recursive: true });
});
