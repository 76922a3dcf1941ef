/**
 * Runs the project's Python exporters (`infra/export/`) from tests, with the project's own Python
 * environment (`scripts/python_env.sh`; `scripts/test.sh` exports `LIPSTREAM_PYTHON`).
 *
 * @module
 */

/** The project's Python (torch CPU, onnx, onnxruntime). */
export const PYTHON = Deno.env.get("LIPSTREAM_PYTHON") ??
  ".tools/venv/bin/python";

/** Whether {@linkcode PYTHON} can import torch and onnxruntime. Under `CI=true` a missing one throws. */
export async function havePythonExport(): Promise<boolean> {
  const { success } = await new Deno.Command(PYTHON, {
    args: ["-c", "import torch, onnx, onnxruntime"],
    stdout: "null",
    stderr: "null",
  }).output().catch(() => ({ success: false }));
  if (!success && Deno.env.get("CI") === "true") {
    throw new Error(
      `CI=true: ${PYTHON} cannot import torch, onnx and onnxruntime (run bash scripts/python_env.sh)`,
    );
  }
  return success;
}

/** What one Python run printed. */
export interface PythonRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a Python script of the repository with arguments. */
export async function runPython(
  script: string,
  args: readonly string[],
): Promise<PythonRun> {
  const { code, stdout, stderr } = await new Deno.Command(PYTHON, {
    args: [script, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    code,
    stdout: decoder.decode(stdout),
    stderr: decoder.decode(stderr),
  };
}

/** Runs `infra/export/export.py` and returns its JSON report (its last stdout line); throws on failure. */
export async function exportModel(
  args: readonly string[],
): Promise<Record<string, unknown>> {
  const run = await runPython("infra/export/export.py", args);
  if (run.code !== 0) {
    throw new Error(`export.py ${args[0]} failed (${run.code}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Record<
    string,
    unknown
  >;
}
