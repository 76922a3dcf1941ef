/**
 * Builds a Triton model repository that serves ONNX models through Triton's Python backend with
 * ONNX Runtime inside (`infra/triton/python_ort/model.py`), for a Triton without its ONNX Runtime
 * backend (the `tritonserver` of PyPI's `nvidia-pytriton`, which ships only the Python backend).
 *
 * Each model keeps its `config.pbtxt` word for word (tensor names, datatypes, dims,
 * `max_batch_size`, `dynamic_batching`, `instance_group`) except `platform: "onnxruntime_onnx"`,
 * which becomes `backend: "python"`; `<version>/model.onnx` is linked, not copied, and
 * `<version>/model.py` links the ONNX Runtime runner.
 *
 * @see https://github.com/triton-inference-server/python_backend#usage
 * @module
 */

const PLATFORM_LINE = /^(\s*)platform\s*:\s*"onnxruntime_onnx"\s*$/m;

/** The runner that serves `model.onnx` inside Triton's Python backend. */
export const PYTHON_ORT_RUNNER = new URL(
  "../../infra/triton/python_ort/model.py",
  import.meta.url,
).pathname;

/**
 * Rewrites an ONNX Runtime model's `config.pbtxt` for the Python backend.
 *
 * @throws {Error} When the config names no `platform: "onnxruntime_onnx"`.
 *
 * @example
 * ```ts
 * import { toPythonBackendConfig } from "./python_backend_repository.ts";
 * import assert from "node:assert/strict";
 *
 * const config = 'name: "m"\nplatform: "onnxruntime_onnx"\nmax_batch_size: 8\n';
 * assert.equal(
 *   toPythonBackendConfig(config),
 *   'name: "m"\nbackend: "python"\nmax_batch_size: 8\n',
 * );
 * ```
 */
export function toPythonBackendConfig(configText: string): string {
  if (!PLATFORM_LINE.test(configText)) {
    throw new Error(
      'Cannot serve the model through the Python backend: its config.pbtxt has no line platform: "onnxruntime_onnx"',
    );
  }
  return configText.replace(PLATFORM_LINE, '$1backend: "python"');
}

/**
 * Writes the Python-backend repository of `models` (names of folders of `source`) into
 * `target/<model>/…`.
 *
 * @param source A Triton repository of ONNX Runtime models (e.g. `generated/models`).
 * @param target An empty folder.
 * @param models The model folders to serve.
 */
export async function writePythonBackendRepository(
  source: string,
  target: string,
  models: readonly string[],
): Promise<void> {
  for (const model of models) {
    const from = `${absolute(source)}/${model}`;
    const config = await Deno.readTextFile(`${from}/config.pbtxt`);
    await Deno.mkdir(`${target}/${model}`, { recursive: true });
    await Deno.writeTextFile(
      `${target}/${model}/config.pbtxt`,
      toPythonBackendConfig(config),
    );
    let versions = 0;
    for await (const entry of Deno.readDir(from)) {
      if (!/^\d+$/.test(entry.name)) continue;
      versions++;
      await Deno.mkdir(`${target}/${model}/${entry.name}`);
      await Deno.symlink(
        `${from}/${entry.name}/model.onnx`,
        `${target}/${model}/${entry.name}/model.onnx`,
      );
      await Deno.symlink(
        PYTHON_ORT_RUNNER,
        `${target}/${model}/${entry.name}/model.py`,
      );
    }
    if (versions === 0) {
      throw new Error(
        `Cannot serve model ${model}: ${from} has no numeric version folder`,
      );
    }
  }
}

function absolute(path: string): string {
  return path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
}
