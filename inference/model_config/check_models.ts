/**
 * Checks every model of a Triton repository: its `config.pbtxt` against the ONNX file's declared
 * graph inputs and outputs (names, datatypes, ranks, fixed dims and the batch dimension), read by
 * decoding the protobuf, not by ONNX Runtime.
 *
 * @module
 */
import type { ModelConfig, ModelTensorConfig } from "@lipstream/shared";
import { apiDatatype } from "./datatypes.ts";
import { type OnnxTensorInfo, readOnnxModelIo } from "./onnx_model_io.ts";
import { readModelRepository } from "./model_repository.ts";

/** The verdict on one model. */
export interface ModelCheck {
  model: string;
  /** `ok`; `skipped` (no model file yet); `error` (see `problems`). */
  status: "ok" | "skipped" | "error";
  /** What disagrees, one sentence each. */
  problems: string[];
  /** A short note, such as "no model file, skipped". */
  note?: string;
}

/**
 * Compares one config with one ONNX graph's inputs and outputs.
 *
 * @param config The parsed config.
 * @param io The graph's inputs and outputs ({@linkcode readOnnxModelIo}).
 * @returns The problems found (empty when they agree).
 * @example A wrong datatype
 * ```ts
 * import { compareConfigWithOnnx } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * const problems = compareConfigWithOnnx(
 *   { name: "m", max_batch_size: 0, input: [{ name: "x", data_type: "TYPE_FP16", dims: [2] }], output: [] },
 *   { inputs: [{ name: "x", datatype: "FP32", elementType: 1, shape: [2] }], outputs: [] },
 * );
 * assert.deepEqual(problems, ["input 'x': config says FP16 but the model has FP32"]);
 * ```
 */
export function compareConfigWithOnnx(
  config: ModelConfig,
  io: { inputs: OnnxTensorInfo[]; outputs: OnnxTensorInfo[] },
): string[] {
  const problems: string[] = [];
  const batching = config.max_batch_size > 0;
  const compare = (
    kind: "input" | "output",
    declared: ModelTensorConfig[],
    actual: OnnxTensorInfo[],
  ) => {
    const byName = new Map(actual.map((t) => [t.name, t]));
    for (const tensor of declared) {
      const found = byName.get(tensor.name);
      if (found === undefined) {
        problems.push(
          `${kind} '${tensor.name}': not in the model, whose ${kind}s are [${
            actual.map((t) => t.name)
          }]`,
        );
        continue;
      }
      byName.delete(tensor.name);
      const datatype = apiDatatype(tensor.data_type);
      if (found.datatype !== datatype) {
        problems.push(
          `${kind} '${tensor.name}': config says ${datatype} but the model has ${
            found.datatype ?? `ONNX type ${found.elementType}`
          }`,
        );
      }
      if (found.shape === undefined) continue;
      const dims = tensor.reshape?.shape ?? tensor.dims;
      const expected = batching ? [-1, ...dims] : dims;
      const shown =
        `config [${expected}] (max_batch_size ${config.max_batch_size}), model [${found.shape}]`;
      if (found.shape.length !== expected.length) {
        problems.push(`${kind} '${tensor.name}': rank differs: ${shown}`);
        continue;
      }
      if (batching && found.shape[0] !== -1) {
        problems.push(
          `${kind} '${tensor.name}': the model's first dim must be a variable batch dim: ${shown}`,
        );
      }
      expected.forEach((dim, i) => {
        if (batching && i === 0) return;
        const model = found.shape![i]!;
        if (model !== -1 && dim !== model) {
          problems.push(
            `${kind} '${tensor.name}': dim ${i} is ${dim} in the config but ${model} in the model: ${shown}`,
          );
        }
      });
    }
    if (kind === "input") {
      for (const name of byName.keys()) {
        problems.push(`input '${name}': in the model but not in the config`);
      }
    }
  };
  compare("input", config.input, io.inputs);
  compare("output", config.output, io.outputs);
  return problems;
}

/**
 * Checks every model folder of a repository.
 *
 * @param dir The repository folder.
 * @returns One verdict per model folder, sorted by name.
 * @example
 * ```ts ignore
 * import { checkModelRepository } from "@lipstream/inference/model_config";
 *
 * for (const check of await checkModelRepository("infra/triton/models")) {
 *   console.log(check.model, check.status, check.note ?? check.problems.join("; "));
 * }
 * ```
 */
export async function checkModelRepository(dir: string): Promise<ModelCheck[]> {
  const checks: ModelCheck[] = [];
  for (const model of await readModelRepository(dir)) {
    if (model.config === undefined) {
      checks.push({
        model: model.name,
        status: "error",
        problems: [model.configError?.message ?? "no config"],
      });
      continue;
    }
    if (model.versions.length === 0) {
      checks.push({
        model: model.name,
        status: "error",
        problems: ["no numeric version folder (e.g. 1/)"],
      });
      continue;
    }
    const present = model.versions.filter((v) => v.exists);
    if (present.length === 0) {
      checks.push({
        model: model.name,
        status: "skipped",
        problems: [],
        note: "no model file, skipped",
      });
      continue;
    }
    const problems: string[] = [];
    for (const version of present) {
      try {
        const io = readOnnxModelIo(await Deno.readFile(version.modelPath));
        for (const problem of compareConfigWithOnnx(model.config, io)) {
          problems.push(`version ${version.version}: ${problem}`);
        }
      } catch (error) {
        problems.push(
          `version ${version.version}: ${(error as Error).message}`,
        );
      }
    }
    checks.push({
      model: model.name,
      status: problems.length === 0 ? "ok" : "error",
      problems,
    });
  }
  return checks;
}
