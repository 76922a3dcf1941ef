/**
 * ONNX Runtime session levers on a Wav2Lip ONNX file, measured in one run:
 * milliseconds per frame at batch sizes 1, 4 and 16 for each variant (intra-op
 * threads, thread spinning, memory arena, graph optimisation level, and an
 * optional second model such as the int8 export), plus the int8 model's
 * largest output difference from the first. Inputs are seeded random values
 * in [0, 1); a figure states the model file it ran on.
 *
 * Run: `deno run -A inference/ort/levers_main.ts --model generated/real/wav2lip.onnx
 * [--int8 generated/real/wav2lip_int8.onnx] [--runs 3] [--out bench/levers.json]`.
 *
 * @module
 */
import * as ort from "onnxruntime-node";
import {
  WAV2LIP_FACE_DIMS,
  WAV2LIP_FACE_INPUT_VALUES,
  WAV2LIP_MEL_DIMS,
  WAV2LIP_MEL_WINDOW_VALUES,
} from "@lipstream/shared";

interface Variant {
  name: string;
  model: "fp32" | "int8";
  options: ort.InferenceSession.SessionOptions;
}

/** One variant's result. */
export interface LeverResult {
  variant: string;
  model: string;
  msPerFrame: Record<string, number>;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function inputs(batch: number, session: ort.InferenceSession) {
  const next = random(batch);
  const mel = Float32Array.from(
    { length: batch * WAV2LIP_MEL_WINDOW_VALUES },
    () => next(),
  );
  const face = Float32Array.from(
    { length: batch * WAV2LIP_FACE_INPUT_VALUES },
    () => next(),
  );
  const [melName, faceName] = session.inputNames.includes("mel")
    ? ["mel", "face"]
    : [session.inputNames[0]!, session.inputNames[1]!];
  return {
    [melName!]: new ort.Tensor("float32", mel, [batch, ...WAV2LIP_MEL_DIMS]),
    [faceName!]: new ort.Tensor("float32", face, [
      batch,
      ...WAV2LIP_FACE_DIMS,
    ]),
  };
}

async function median(
  session: ort.InferenceSession,
  batch: number,
  runs: number,
): Promise<number> {
  const feeds = inputs(batch, session);
  await session.run(feeds);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await session.run(feeds);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]! / batch;
}

if (import.meta.main) {
  const args: Record<string, string | undefined> = {};
  for (let i = 0; i < Deno.args.length; i += 2) {
    args[Deno.args[i]!.replace(/^--/, "")] = Deno.args[i + 1];
  }
  if (args.model === undefined) {
    console.error(
      "levers: --model <wav2lip.onnx> is required (see the module doc)",
    );
    Deno.exit(2);
  }
  const runs = Number(args.runs ?? 3);
  const batches = (args.batches ?? "1,4,16").split(",").map(Number);
  const cores = navigator.hardwareConcurrency;
  const base: ort.InferenceSession.SessionOptions = {
    executionProviders: ["cpu"],
    graphOptimizationLevel: "all",
  };
  const variants: Variant[] = [
    {
      name: "intra 1 (today's worker default on 2 cores)",
      model: "fp32",
      options: { ...base, intraOpNumThreads: 1 },
    },
    {
      name: `intra ${cores} (all cores)`,
      model: "fp32",
      options: { ...base, intraOpNumThreads: cores },
    },
    {
      name: `intra ${cores}, no spinning`,
      model: "fp32",
      options: {
        ...base,
        intraOpNumThreads: cores,
        extra: { session: { intra_op: { allow_spinning: "0" } } },
      },
    },
    {
      name: `intra ${cores}, no memory arena`,
      model: "fp32",
      options: { ...base, intraOpNumThreads: cores, enableCpuMemArena: false },
    },
    {
      name: `intra ${cores}, basic graph optimisation`,
      model: "fp32",
      options: {
        ...base,
        intraOpNumThreads: cores,
        graphOptimizationLevel: "basic",
      },
    },
  ];
  if (args.int8 !== undefined) {
    variants.push(
      {
        name: "int8, intra 1",
        model: "int8",
        options: { ...base, intraOpNumThreads: 1 },
      },
      {
        name: `int8, intra ${cores}`,
        model: "int8",
        options: { ...base, intraOpNumThreads: cores },
      },
    );
  }
  const results: LeverResult[] = [];
  for (const variant of variants) {
    const path = variant.model === "fp32" ? args.model : args.int8!;
    const session = await ort.InferenceSession.create(path, variant.options);
    const msPerFrame: Record<string, number> = {};
    for (const batch of batches) {
      msPerFrame[batch] = Math.round(await median(session, batch, runs) * 10) /
        10;
    }
    await session.release();
    results.push({ variant: variant.name, model: path, msPerFrame });
    console.error(`${variant.name}: ${JSON.stringify(msPerFrame)} ms/frame`);
  }
  let int8Error: number | undefined;
  if (args.int8 !== undefined) {
    const a = await ort.InferenceSession.create(args.model, base);
    const b = await ort.InferenceSession.create(args.int8, base);
    const feeds = inputs(4, a);
    const [x, y] = [
      (await a.run(feeds))[a.outputNames[0]!]!.data as Float32Array,
      (await b.run(feeds))[b.outputNames[0]!]!.data as Float32Array,
    ];
    let worst = 0, sum = 0;
    for (let i = 0; i < x.length; i++) {
      const d = Math.abs(x[i]! - y[i]!);
      worst = Math.max(worst, d);
      sum += d;
    }
    int8Error = worst;
    console.error(
      `int8 vs fp32: max |diff| ${worst.toFixed(4)}, mean ${
        (sum / x.length).toFixed(5)
      } (output in [0, 1])`,
    );
    await a.release();
    await b.release();
  }
  const report = {
    cores,
    runs,
    batches,
    results,
    ...(int8Error === undefined ? {} : { int8MaxAbsDiff: int8Error }),
  };
  if (args.out !== undefined) {
    await Deno.writeTextFile(args.out, JSON.stringify(report, null, 2) + "\n");
  }
  console.log(JSON.stringify(report));
}
