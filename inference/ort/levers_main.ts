/**
 * ONNX Runtime session levers on a Wav2Lip ONNX file, measured A/B in one
 * run: milliseconds per frame at each batch size for each variant (intra-op
 * threads, thread spinning, and further model files such as int8 exports),
 * with the variants interleaved round by round (every variant runs once per
 * batch size per round), so a change in the machine's load hits them all
 * alike. Then each further model's output difference from the first (max and
 * mean absolute, on an output in [0, 1]). Inputs are raw float32 files when
 * given (`--mels` `[N,1,80,16]`, `--faces` `[N,6,96,96]`, e.g. mel windows of
 * speech and a real avatar's crops), else seeded random values in [0, 1).
 *
 * Run: `deno run -A inference/ort/levers_main.ts --model generated/real/wav2lip.onnx
 * [--int8 a.onnx,b.onnx] [--runs 5] [--batches 1,4,16] [--threads 1,2]
 * [--mels mel.f32 --faces face.f32] [--out bench/levers.json]`.
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
  path: string;
  options: ort.InferenceSession.SessionOptions;
}

/** One variant's result. */
export interface LeverResult {
  variant: string;
  model: string;
  msPerFrame: Record<string, number>;
}

/** One further model's output difference from the first model's. */
export interface LeverError {
  model: string;
  items: number;
  maxAbsDiff: number;
  meanAbsDiff: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

interface Pool {
  mel: Float32Array;
  face: Float32Array;
  items: number;
}

async function readPool(
  mels: string | undefined,
  faces: string | undefined,
  items: number,
): Promise<Pool> {
  if (mels !== undefined && faces !== undefined) {
    const mel = new Float32Array((await Deno.readFile(mels)).buffer);
    const face = new Float32Array((await Deno.readFile(faces)).buffer);
    return {
      mel,
      face,
      items: Math.min(
        mel.length / WAV2LIP_MEL_WINDOW_VALUES,
        face.length / WAV2LIP_FACE_INPUT_VALUES,
      ),
    };
  }
  const next = random(items);
  return {
    mel: Float32Array.from(
      { length: items * WAV2LIP_MEL_WINDOW_VALUES },
      () => next(),
    ),
    face: Float32Array.from(
      { length: items * WAV2LIP_FACE_INPUT_VALUES },
      () => next(),
    ),
    items,
  };
}

/** Items `[from, from + batch)` of the pool (wrapping) as the model's feeds. */
function feedsOf(
  pool: Pool,
  from: number,
  batch: number,
  session: ort.InferenceSession,
): Record<string, ort.Tensor> {
  const mel = new Float32Array(batch * WAV2LIP_MEL_WINDOW_VALUES);
  const face = new Float32Array(batch * WAV2LIP_FACE_INPUT_VALUES);
  for (let i = 0; i < batch; i++) {
    const item = (from + i) % pool.items;
    mel.set(
      pool.mel.subarray(
        item * WAV2LIP_MEL_WINDOW_VALUES,
        (item + 1) * WAV2LIP_MEL_WINDOW_VALUES,
      ),
      i * WAV2LIP_MEL_WINDOW_VALUES,
    );
    face.set(
      pool.face.subarray(
        item * WAV2LIP_FACE_INPUT_VALUES,
        (item + 1) * WAV2LIP_FACE_INPUT_VALUES,
      ),
      i * WAV2LIP_FACE_INPUT_VALUES,
    );
  }
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
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
  const runs = Number(args.runs ?? 5);
  const batches = (args.batches ?? "1,4,16").split(",").map(Number);
  const threads = (args.threads ?? "1,2").split(",").map(Number);
  const others = args.int8 === undefined ? [] : args.int8.split(",");
  const pool = await readPool(args.mels, args.faces, Math.max(...batches));
  const base: ort.InferenceSession.SessionOptions = {
    executionProviders: ["cpu"],
    graphOptimizationLevel: "all",
  };
  const variants: Variant[] = [];
  for (const path of [args.model, ...others]) {
    for (const intra of threads) {
      variants.push({
        name: `${path.split("/").at(-1)}, intra ${intra}`,
        path,
        options: { ...base, intraOpNumThreads: intra },
      });
    }
  }
  if (args.spinning !== undefined) {
    const intra = Math.max(...threads);
    variants.push({
      name: `${args.model.split("/").at(-1)}, intra ${intra}, no spinning`,
      path: args.model,
      options: {
        ...base,
        intraOpNumThreads: intra,
        extra: { session: { intra_op: { allow_spinning: "0" } } },
      },
    });
  }
  const sessions = [];
  for (const variant of variants) {
    const session = await ort.InferenceSession.create(
      variant.path,
      variant.options,
    );
    for (const batch of batches) {
      await session.run(feedsOf(pool, 0, batch, session));
    }
    sessions.push(session);
  }
  const load = [Deno.loadavg().map((x) => x.toFixed(2)).join(" ")];
  const times = variants.map(() => batches.map((): number[] => []));
  for (let round = 0; round < runs; round++) {
    for (const [v, session] of sessions.entries()) {
      for (const [b, batch] of batches.entries()) {
        const feeds = feedsOf(pool, round * batch, batch, session);
        const started = performance.now();
        await session.run(feeds);
        times[v]![b]!.push((performance.now() - started) / batch);
      }
    }
    console.error(`levers: round ${round + 1} of ${runs} done`);
  }
  load.push(Deno.loadavg().map((x) => x.toFixed(2)).join(" "));
  const results: LeverResult[] = variants.map((variant, v) => {
    const msPerFrame: Record<string, number> = {};
    for (const [b, batch] of batches.entries()) {
      msPerFrame[batch] = Math.round(median(times[v]![b]!) * 10) / 10;
    }
    console.error(`${variant.name}: ${JSON.stringify(msPerFrame)} ms/frame`);
    return { variant: variant.name, model: variant.path, msPerFrame };
  });
  for (const session of sessions) await session.release();
  const errors: LeverError[] = [];
  if (others.length > 0) {
    const reference = await ort.InferenceSession.create(args.model, base);
    const items = Math.min(pool.items, 32);
    const want = (await reference.run(feedsOf(pool, 0, items, reference)))[
      reference.outputNames[0]!
    ]!.data as Float32Array;
    for (const path of others) {
      const session = await ort.InferenceSession.create(path, base);
      const got = (await session.run(feedsOf(pool, 0, items, session)))[
        session.outputNames[0]!
      ]!.data as Float32Array;
      let worst = 0, sum = 0;
      for (let i = 0; i < want.length; i++) {
        const d = Math.abs(want[i]! - got[i]!);
        worst = Math.max(worst, d);
        sum += d;
      }
      errors.push({
        model: path,
        items,
        maxAbsDiff: worst,
        meanAbsDiff: sum / want.length,
      });
      console.error(
        `${path} vs ${args.model}: max |diff| ${worst.toFixed(4)}, mean ${
          (sum / want.length).toFixed(5)
        } on ${items} items (output in [0, 1])`,
      );
      await session.release();
    }
    await reference.release();
  }
  const report = {
    date: new Date().toISOString(),
    cores: navigator.hardwareConcurrency,
    loadAverage: { start: load[0], end: load[1] },
    runs,
    batches,
    inputs: args.mels === undefined
      ? "random"
      : { mels: args.mels, faces: args.faces },
    results,
    errors,
  };
  if (args.out !== undefined) {
    await Deno.writeTextFile(args.out, JSON.stringify(report, null, 2) + "\n");
  }
  console.log(JSON.stringify(report));
}
