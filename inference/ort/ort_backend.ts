/**
 * The in-process ONNX Runtime backend: loads every model of a Triton-layout repository into
 * onnxruntime-node sessions (CPU) and serves them through {@linkcode InferenceBackend}, plus the
 * Triton extensions the local KServe server uses (config, repository index).
 *
 * Cancellation: onnxruntime-node 1.30 runs a session synchronously on the JavaScript thread (after
 * one `setImmediate`) and has no `terminate` run option, so a run that has started finishes; an
 * abort or timeout rejects the call at once (kind `cancelled` / `timeout`) and the result is
 * dropped. A call aborted before its run starts never runs.
 *
 * @module
 */
import * as ort from "onnxruntime-node";
import {
  InferenceError,
  type InferOptions,
  type ModelConfig,
  type ModelMetadata,
  type NamedTensors,
  type Tensor,
  type TensorMetadata,
} from "@lipstream/shared";
import { readModelRepository } from "../model_config/model_repository.ts";
import { apiDatatype } from "../model_config/datatypes.ts";
import {
  detectModelRole,
  metadataFromOnnx,
  modelConfigFromOnnx,
  type ModelRole,
} from "../model_config/config_from_onnx.ts";
import { readOnnxModelIo } from "../model_config/onnx_model_io.ts";
import type { KserveServerBackend } from "../server/backend_types.ts";
import type { RepositoryIndexEntry } from "../triton/types.ts";
import { fromOrtTensor, toOrtTensor } from "./ort_tensors.ts";
import { ortErrorToInferenceError } from "./ort_errors.ts";
import { cancelled, interruption } from "./_interruption.ts";

/** Options of {@linkcode createOrtBackend}. */
export interface OrtBackendOptions {
  /** The Triton-layout model repository folder. */
  repository: string;
  /** Threads within one operator (ORT's `intraOpNumThreads`). @default ORT's choice */
  intraOpThreads?: number;
  /** Threads across operators (ORT's `interOpNumThreads`). @default ORT's choice */
  interOpThreads?: number;
  /**
   * Whether idle intra-op threads spin (ORT's `session.intra_op.allow_spinning`): spinning
   * answers the next operator sooner, but burns a core another worker's model could use.
   * @default ORT's choice (spinning)
   */
  spinning?: boolean;
  /** Run each model once at load on small inputs (ones; `-1` dims = 1). @default {true} */
  warmUp?: boolean;
  /**
   * Single ONNX files served beside the repository under `name`, with a config generated from
   * their graph (e.g. the Piper voices of a voices folder). A repository model of the same name
   * wins.
   */
  extraModels?: readonly ExtraModel[];
}

/** One ONNX file served without a repository folder ({@linkcode OrtBackendOptions.extraModels}). */
export interface ExtraModel {
  /** The name it is served under. */
  name: string;
  /** The `.onnx` file. */
  path: string;
}

/** The ORT backend: a {@linkcode KserveServerBackend} with run counters. */
export interface OrtBackend extends KserveServerBackend {
  /** Session runs of `model` so far (warm-up excluded); a batched run counts once. */
  runCount(model: string): number;
}

interface LoadedModel {
  config: ModelConfig | undefined;
  /** Tensors whose config has `reshape`: the shape the graph wants, by name (as Triton does). */
  reshapes: ReadonlyMap<string, readonly number[]>;
  metadata: ModelMetadata | undefined;
  version: string | undefined;
  session: ort.InferenceSession | undefined;
  /** Why the model is not ready. */
  reason: string;
  runs: number;
}

function metadataOf(config: ModelConfig, version: string): ModelMetadata {
  const batch = config.max_batch_size > 0 ? [-1] : [];
  const spec = (t: ModelConfig["input"][number]): TensorMetadata => ({
    name: t.name,
    datatype: apiDatatype(t.data_type),
    shape: [...batch, ...t.dims],
  });
  return {
    name: config.name,
    versions: [version],
    platform: config.platform ?? "onnxruntime_onnx",
    inputs: config.input.map(spec),
    outputs: config.output.map(spec),
  };
}

const WARM_UP_ARRAYS: Readonly<
  Record<string, new (length: number) => { fill(value: number): unknown }>
> = {
  BOOL: Uint8Array,
  UINT8: Uint8Array,
  UINT16: Uint16Array,
  UINT32: Uint32Array,
  INT8: Int8Array,
  INT16: Int16Array,
  INT32: Int32Array,
  FP32: Float32Array,
  FP64: Float64Array,
};

/** Ones (1.0 for FP16, empty strings for BYTES) of `spec`'s shape with `-1` dims as 1. */
function warmUpTensor(spec: TensorMetadata): Tensor {
  const shape = spec.shape.map((d) => (d === -1 ? 1 : d));
  const count = shape.reduce((a, b) => a * b, 1);
  switch (spec.datatype) {
    case "BYTES":
      return {
        datatype: "BYTES",
        shape,
        data: Array.from({ length: count }, () => new Uint8Array()),
      };
    case "INT64":
      return {
        datatype: "INT64",
        shape,
        data: new BigInt64Array(count).fill(1n),
      };
    case "UINT64":
      return {
        datatype: "UINT64",
        shape,
        data: new BigUint64Array(count).fill(1n),
      };
    case "FP16":
    case "BF16":
      return {
        datatype: spec.datatype,
        shape,
        data: new Uint16Array(count).fill(0x3c00),
      };
    default: {
      const data = new WARM_UP_ARRAYS[spec.datatype]!(count);
      data.fill(1);
      return { datatype: spec.datatype, shape, data } as unknown as Tensor;
    }
  }
}

async function loadModel(
  config: ModelConfig,
  version: string,
  modelPath: string,
  options: OrtBackendOptions,
): Promise<ort.InferenceSession> {
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ["cpu"],
    graphOptimizationLevel: "all",
    ...(options.intraOpThreads === undefined
      ? {}
      : { intraOpNumThreads: options.intraOpThreads }),
    ...(options.interOpThreads === undefined
      ? {}
      : { interOpNumThreads: options.interOpThreads }),
    ...(options.spinning === undefined ? {} : {
      extra: {
        session: {
          intra_op: { allow_spinning: options.spinning ? "1" : "0" },
        },
      },
    }),
  });
  const missing = [
    ...config.input.filter((t) => !session.inputNames.includes(t.name)),
    ...config.output.filter((t) => !session.outputNames.includes(t.name)),
  ].map((t) => t.name);
  if (missing.length > 0) {
    await session.release();
    throw new Error(
      `config tensors [${missing}] are not in the ONNX graph (inputs [${session.inputNames}], outputs [${session.outputNames}])`,
    );
  }
  if (options.warmUp ?? true) {
    const feeds: Record<string, ort.Tensor> = {};
    const reshapes = reshapesOf(config);
    for (const spec of metadataOf(config, version).inputs) {
      feeds[spec.name] = toOrtTensor(
        spec.name,
        reshaped(
          warmUpTensor(spec),
          reshapes.get(spec.name),
          config.max_batch_size > 0,
        ),
      );
    }
    try {
      await session.run(feeds);
    } catch (error) {
      await session.release();
      throw new Error(`warm-up run failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return session;
}

/** The `reshape` of every config tensor that has one, by name. */
function reshapesOf(config: ModelConfig | undefined): Map<string, number[]> {
  const reshapes = new Map<string, number[]>();
  for (const t of [...(config?.input ?? []), ...(config?.output ?? [])]) {
    if (t.reshape !== undefined) reshapes.set(t.name, t.reshape.shape);
  }
  return reshapes;
}

/**
 * `tensor` with the shape `to` (a config's `reshape`, e.g. `[]` for a scalar declared `[1]`),
 * keeping a leading batch dim when the model batches; the data is shared.
 */
function reshaped(
  tensor: Tensor,
  to: readonly number[] | undefined,
  batching: boolean,
): Tensor {
  if (to === undefined) return tensor;
  const shape = batching ? [tensor.shape[0] ?? 1, ...to] : [...to];
  return { ...tensor, shape } as Tensor;
}

/** Runs `fn` and returns its result as a promise, a throw as a rejection. */
function settle<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Loads every model of a Triton-layout repository into ONNX Runtime. Models that fail to load
 * (no config, no `model.onnx`, a config that disagrees with the graph, a failing warm-up) are kept
 * as `UNAVAILABLE` with the reason, like Triton does; the rest serve.
 *
 * @param options Repository folder, thread counts and warm-up.
 * @returns The backend.
 * @example
 * ```ts ignore
 * import { createOrtBackend } from "@lipstream/inference/ort";
 *
 * const backend = await createOrtBackend({ repository: "generated/models" });
 * console.log(await backend.repositoryIndex!());
 * await backend.close();
 * ```
 */
export async function createOrtBackend(
  options: OrtBackendOptions,
): Promise<OrtBackend> {
  const models = new Map<string, LoadedModel>();
  for (const entry of await readModelRepository(options.repository)) {
    const latest = entry.versions.filter((v) => v.exists).at(-1);
    const model: LoadedModel = {
      config: entry.config,
      reshapes: reshapesOf(entry.config),
      metadata: undefined,
      version: latest?.version,
      session: undefined,
      reason: "",
      runs: 0,
    };
    models.set(entry.name, model);
    if (entry.config === undefined) {
      model.reason = entry.configError?.message ?? "no config";
    } else if (latest === undefined) {
      model.reason = "no model file in any numeric version folder";
    } else {
      model.metadata = metadataOf(entry.config, latest.version);
      try {
        model.session = await loadModel(
          entry.config,
          latest.version,
          latest.modelPath,
          options,
        );
      } catch (error) {
        model.reason = `Cannot load '${latest.modelPath}': ${
          (error as Error).message
        }`;
      }
    }
  }
  for (const extra of options.extraModels ?? []) {
    if (models.has(extra.name)) continue;
    const model: LoadedModel = {
      config: undefined,
      reshapes: new Map(),
      metadata: undefined,
      version: "1",
      session: undefined,
      reason: "",
      runs: 0,
    };
    models.set(extra.name, model);
    try {
      const io = readOnnxModelIo(await Deno.readFile(extra.path));
      // Batching only for a recognised Wav2Lip; whatever the edge cannot
      // feed still loads, so its caller's check names the tensor at fault.
      let role: ModelRole = "voice";
      try {
        role = detectModelRole(metadataFromOnnx(extra.name, io));
      } catch {
        // Not a known contract: served with its real dims, no batching.
      }
      const config = modelConfigFromOnnx(extra.name, io, { role });
      model.config = config;
      model.reshapes = reshapesOf(config);
      model.metadata = metadataOf(config, "1");
      model.session = await loadModel(config, "1", extra.path, options);
    } catch (error) {
      model.reason = `Cannot load '${extra.path}': ${(error as Error).message}`;
    }
  }
  let closed = false;

  function find(name: string, version?: string): LoadedModel {
    const model = models.get(name);
    if (
      model === undefined ||
      (version !== undefined && version !== model.version)
    ) {
      throw new InferenceError(
        "not_found",
        `Model '${name}'${
          version === undefined ? "" : ` version ${version}`
        } is not in the repository`,
      );
    }
    return model;
  }

  function ready(
    name: string,
    version?: string,
  ): LoadedModel & { session: ort.InferenceSession } {
    const model = find(name, version);
    if (closed || model.session === undefined) {
      throw new InferenceError(
        "unavailable",
        `Model '${name}' is not ready: ${
          closed ? "the backend is closed" : model.reason
        }`,
      );
    }
    return model as LoadedModel & { session: ort.InferenceSession };
  }

  async function infer(
    name: string,
    inputs: NamedTensors,
    callOptions: InferOptions = {},
  ): Promise<NamedTensors> {
    const model = ready(name, callOptions.version);
    if (callOptions.signal?.aborted) {
      throw cancelled(name, callOptions.signal.reason);
    }
    const { session } = model;
    const batching = (model.config?.max_batch_size ?? 0) > 0;
    const feeds: Record<string, ort.Tensor> = {};
    for (const [input, tensor] of Object.entries(inputs)) {
      if (!session.inputNames.includes(input)) {
        throw new InferenceError(
          "invalid_argument",
          `Cannot run model '${name}': unexpected input '${input}': expected one of [${session.inputNames}]`,
        );
      }
      feeds[input] = toOrtTensor(
        input,
        reshaped(tensor, model.reshapes.get(input), batching),
      );
    }
    const fetches = [...(callOptions.outputs ?? session.outputNames)];
    for (const output of fetches) {
      if (!session.outputNames.includes(output)) {
        throw new InferenceError(
          "invalid_argument",
          `Cannot run model '${name}': unexpected output '${output}': expected one of [${session.outputNames}]`,
        );
      }
    }
    const stopper = interruption(name, callOptions);
    try {
      // onnxruntime-node runs on this thread; starting each run on a fresh
      // macrotask lets pending network writes (frames already encoded) flush
      // first, so an embedded server still streams.
      const run = nextMacrotask().then(() => {
        if (callOptions.signal?.aborted) {
          throw cancelled(name, callOptions.signal.reason);
        }
        model.runs++;
        return session.run(feeds, fetches);
      });
      run.catch(() => {});
      const results = await Promise.race([run, stopper.promise]);
      const outputs: NamedTensors = {};
      for (const output of fetches) {
        const dims = model.config?.output.find((t) => t.name === output);
        const tensor = fromOrtTensor(output, results[output]!);
        outputs[output] = dims?.reshape === undefined
          ? tensor
          : reshaped(tensor, dims.dims, batching);
      }
      return outputs;
    } catch (error) {
      throw ortErrorToInferenceError(error, name);
    } finally {
      stopper.stop();
    }
  }

  return {
    infer,
    modelMetadata(name, callOptions = {}) {
      return settle(() => {
        const model = find(name, callOptions.version);
        if (model.metadata === undefined) {
          throw new InferenceError(
            "unavailable",
            `Model '${name}' has no metadata: ${model.reason}`,
          );
        }
        return structuredClone(model.metadata);
      });
    },
    modelConfig(name, callOptions = {}) {
      return settle(() => {
        const model = find(name, callOptions.version);
        if (model.config === undefined) {
          throw new InferenceError(
            "unavailable",
            `Model '${name}' has no config: ${model.reason}`,
          );
        }
        return structuredClone(model.config);
      });
    },
    isModelReady(name, callOptions = {}) {
      const model = models.get(name);
      return Promise.resolve(
        !closed && model?.session !== undefined &&
          (callOptions.version === undefined ||
            callOptions.version === model.version),
      );
    },
    isReady: () => Promise.resolve(!closed),
    repositoryIndex(indexOptions = {}): Promise<RepositoryIndexEntry[]> {
      const entries: RepositoryIndexEntry[] = [];
      for (const [name, model] of models) {
        const isReady = !closed && model.session !== undefined;
        if (indexOptions.ready && !isReady) continue;
        entries.push({
          name,
          ...(model.version === undefined ? {} : { version: model.version }),
          state: isReady ? "READY" : "UNAVAILABLE",
          reason: isReady ? "" : model.reason,
        });
      }
      return Promise.resolve(entries);
    },
    runCount: (name) => models.get(name)?.runs ?? 0,
    async close() {
      if (closed) return;
      closed = true;
      for (const model of models.values()) {
        const session = model.session;
        model.session = undefined;
        model.reason = "the backend is closed";
        await session?.release();
      }
    },
  };
}

/** Resolves on a later macrotask (after pending I/O callbacks), without timer clamping. */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
