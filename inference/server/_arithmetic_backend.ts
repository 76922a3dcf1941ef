/**
 * A deterministic in-process backend for tests and benches of the KServe server and client, with no
 * ONNX Runtime behind it:
 *
 * - `identity`: `in_<DT>` → `out_<DT>` for every datatype, dims `[-1]`, no batching (the shape of
 *   the fixture repository's `fixture_identity`, plus `FP16`, `BF16` and `BYTES`);
 * - `affine`: `x` FP32 `[-1, 4]` → `y = 2·x + 1`, `max_batch_size: 8` with dynamic batching;
 * - `sleep`: `ms` INT32 `[1]` → `ms` after sleeping that long (honours the abort signal).
 *
 * @module
 */
import {
  type Datatype,
  DATATYPES,
  type InferenceBackend,
  InferenceError,
  type InferOptions,
  type ModelConfig,
  type ModelMetadata,
  type NamedTensors,
} from "@lipstream/shared";

const CONFIG_TYPE: Record<Datatype, ModelConfig["input"][number]["data_type"]> =
  {
    BOOL: "TYPE_BOOL",
    UINT8: "TYPE_UINT8",
    UINT16: "TYPE_UINT16",
    UINT32: "TYPE_UINT32",
    UINT64: "TYPE_UINT64",
    INT8: "TYPE_INT8",
    INT16: "TYPE_INT16",
    INT32: "TYPE_INT32",
    INT64: "TYPE_INT64",
    FP16: "TYPE_FP16",
    FP32: "TYPE_FP32",
    FP64: "TYPE_FP64",
    BF16: "TYPE_BF16",
    BYTES: "TYPE_STRING",
  };

/** Options of {@linkcode createArithmeticBackend}. */
export interface ArithmeticBackendOptions {
  /** `dynamic_batching` of the `affine` model. @default {{ max_queue_delay_microseconds: 20000 }} */
  affineBatching?: ModelConfig["dynamic_batching"];
  /** Extra delay of every `affine` run, in milliseconds. @default {0} */
  affineDelayMs?: number;
}

/** The test backend: {@linkcode InferenceBackend} plus `modelConfig` and run counters. */
export interface ArithmeticBackend extends InferenceBackend {
  modelConfig(model: string): Promise<ModelConfig>;
  runCount(model: string): number;
  /** Batch sizes of every `affine` run, in order. */
  affineBatchSizes: number[];
  /** Runs ended early by their abort signal. */
  readonly cancelledRuns: number;
}

function configs(
  options: ArithmeticBackendOptions,
): Record<string, ModelConfig> {
  return {
    identity: {
      name: "identity",
      backend: "arithmetic",
      max_batch_size: 0,
      input: DATATYPES.map((d) => ({
        name: `in_${d}`,
        data_type: CONFIG_TYPE[d],
        dims: [-1],
        optional: true,
      })),
      output: DATATYPES.map((d) => ({
        name: `out_${d}`,
        data_type: CONFIG_TYPE[d],
        dims: [-1],
      })),
    },
    affine: {
      name: "affine",
      backend: "arithmetic",
      max_batch_size: 8,
      input: [{ name: "x", data_type: "TYPE_FP32", dims: [4] }],
      output: [{ name: "y", data_type: "TYPE_FP32", dims: [4] }],
      dynamic_batching: options.affineBatching ??
        { max_queue_delay_microseconds: 20_000 },
    },
    sleep: {
      name: "sleep",
      backend: "arithmetic",
      max_batch_size: 0,
      input: [{ name: "ms", data_type: "TYPE_INT32", dims: [1] }],
      output: [{ name: "ms", data_type: "TYPE_INT32", dims: [1] }],
    },
  };
}

function metadataOf(config: ModelConfig): ModelMetadata {
  const batch = config.max_batch_size > 0 ? [-1] : [];
  const tensor = (t: ModelConfig["input"][number]) => ({
    name: t.name,
    datatype:
      (t.data_type === "TYPE_STRING"
        ? "BYTES"
        : t.data_type.slice(5)) as Datatype,
    shape: [...batch, ...t.dims],
  });
  return {
    name: config.name,
    versions: ["1"],
    platform: "arithmetic",
    inputs: config.input.map(tensor),
    outputs: config.output.map(tensor),
  };
}

function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  onCancel: () => void = () => {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      onCancel();
      reject(new InferenceError("cancelled", "Sleep cancelled"));
    }
    if (signal?.aborted) abort();
    else signal?.addEventListener("abort", abort, { once: true });
  });
}

/**
 * Creates the arithmetic test backend.
 *
 * @param options Batching settings of `affine`.
 * @returns The backend.
 */
export function createArithmeticBackend(
  options: ArithmeticBackendOptions = {},
): ArithmeticBackend {
  const models = configs(options);
  const runs = new Map<string, number>();
  const affineBatchSizes: number[] = [];
  let cancelledRuns = 0;
  const countCancel = () => cancelledRuns++;
  const find = (model: string) => {
    const config = models[model];
    if (config === undefined) {
      throw new InferenceError("not_found", `Unknown model '${model}'`);
    }
    return config;
  };
  return {
    affineBatchSizes,
    get cancelledRuns() {
      return cancelledRuns;
    },
    runCount: (model) => runs.get(model) ?? 0,
    modelConfig: (model) =>
      Promise.resolve().then(() => structuredClone(find(model))),
    modelMetadata: (model) =>
      Promise.resolve().then(() => metadataOf(find(model))),
    isModelReady: (model) => Promise.resolve(models[model] !== undefined),
    isReady: () => Promise.resolve(true),
    close: () => Promise.resolve(),
    async infer(
      model: string,
      inputs: NamedTensors,
      callOptions: InferOptions = {},
    ) {
      find(model);
      runs.set(model, (runs.get(model) ?? 0) + 1);
      const outputs: NamedTensors = {};
      if (model === "identity") {
        for (const [name, tensor] of Object.entries(inputs)) {
          outputs[name.replace(/^in_/, "out_")] = tensor;
        }
      } else if (model === "affine") {
        const x = inputs.x!;
        affineBatchSizes.push(x.shape[0]!);
        await sleep(
          options.affineDelayMs ?? 0,
          callOptions.signal,
          countCancel,
        );
        const y = Float32Array.from(x.data as Float32Array, (v) => 2 * v + 1);
        outputs.y = { datatype: "FP32", shape: x.shape, data: y };
      } else {
        const ms = inputs.ms!;
        await sleep(
          (ms.data as Int32Array)[0]!,
          callOptions.signal,
          countCancel,
        );
        outputs.ms = ms;
      }
      if (callOptions.outputs === undefined) return outputs;
      return Object.fromEntries(
        callOptions.outputs.flatMap((name) =>
          outputs[name] ? [[name, outputs[name]]] : []
        ),
      );
    },
  };
}
