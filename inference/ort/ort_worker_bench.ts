/**
 * ONNX Runtime in process vs on a worker thread, with a lip model heavy enough to matter: a
 * stand-in with Wav2Lip's contract whose run costs tens of milliseconds on CPU (a chain of
 * 1280×1280 MatMuls over the mel; it is built here, in a temporary repository, and is no lip
 * model). Two measures per placement:
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
  wav2lipInputs,
} from "@lipstream/shared";
import {
  fixtureWav2lipConfig,
  OnnxGraphBuilder,
} from "@lipstream/inference/fixtures";
import { serializeModelConfig } from "@lipstream/inference/model_config";
import { createOrtBackend, createOrtWorkerBackend } from "./mod.ts";

const MODEL = "heavy_wav2lip";
const LAYERS = 24;
const BATCH = 16;

/** Wav2Lip's tensors; output = the reference face, plus 0 × a long MatMul chain over the mel. */
function buildHeavyModel(): Uint8Array {
  const g = new OnnxGraphBuilder(MODEL);
  const mel = g.input("mel", "FP32", ["batch", 1, 80, 16]);
  const face = g.input("face", "FP32", ["batch", 6, 96, 96]);
  const reference = g.op("Slice", [
    face,
    g.ints("ref_start", [3]),
    g.ints("ref_end", [6]),
    g.ints("channel_axis", [1]),
  ]);
  let x = g.op("Reshape", [mel, g.ints("flat", [-1, 1280])]);
  let seed = 1;
  const weights = Float32Array.from({ length: 1280 * 1280 }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed / 2 ** 32 - 0.5) / 32;
  });
  const w = g.constant("w", weights, [1280, 1280]);
  for (let layer = 0; layer < LAYERS; layer++) {
    x = g.op("Tanh", [g.op("MatMul", [x, w])]);
  }
  const energy = g.op("Reshape", [
    g.op("ReduceMean", [x], { axes: { ints: [1] }, keepdims: { int: 1 } }),
    g.ints("per_item", [-1, 1, 1, 1]),
  ]);
  const output = g.op("Add", [
    reference,
    g.op("Mul", [energy, g.scalar("zero", 0)]),
  ]);
  g.output(output, "output", "FP32", ["batch", 3, 96, 96]);
  return g.encode({ docString: "Bench stand-in with Wav2Lip's contract." });
}

const repository = await Deno.makeTempDir({ prefix: "lipstream-heavy-" });
await Deno.mkdir(`${repository}/${MODEL}/1`, { recursive: true });
await Deno.writeFile(`${repository}/${MODEL}/1/model.onnx`, buildHeavyModel());
await Deno.writeTextFile(
  `${repository}/${MODEL}/config.pbtxt`,
  serializeModelConfig(fixtureWav2lipConfig(MODEL)),
);

const inProcess = await createOrtBackend({ repository });
const onWorker = await createOrtWorkerBackend({ repository });
const names = resolveWav2lipTensors(await inProcess.modelMetadata(MODEL));
const inputs = wav2lipInputs(names, {
  mel: new Float32Array(BATCH * 80 * 16).fill(0.5),
  face: new Float32Array(BATCH * 6 * 96 * 96).fill(0.5),
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
