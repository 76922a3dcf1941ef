/**
 * Runs the project's PyTorch → ONNX exporter (`infra/export/export.py`) in the project's own
 * Python environment (`scripts/python_env.sh` prints its interpreter, installing it when
 * missing). The exporter reports progress on stderr (passed through), its last stdout line is a
 * JSON report of the verification against PyTorch, and on failure it prints one line
 * `export: <message>` on stderr and exits 2.
 *
 * @module
 */
import { ImportError } from "./import_error.ts";

/** What the exporter reports about one export (its last stdout line). */
export interface ExportReport {
  /** `wav2lip` or `vits`. */
  kind: string;
  /** The ONNX file written. */
  onnx: string;
  /** Largest |PyTorch − ONNX Runtime| over the verification inputs. */
  max_abs_diff: number;
  /** The bound it was checked against. */
  tolerance: number;
  /** `fp32`, `fp16` or `int8`, with the reduced model's error against fp32 on the same inputs. */
  precision: string | {
    name: string;
    vs_fp32?: { max_abs_diff: number; mean_abs_diff?: number } | null;
  };
  [more: string]: unknown;
}

/** Where the project is: `infra/export/export.py` and `scripts/python_env.sh` live under it. */
export const PROJECT_ROOT: string = new URL("../../", import.meta.url).pathname
  .replace(/\/$/, "");

/** Options of {@linkcode runExporter}. */
export interface RunExporterOptions {
  /** The project folder. @default {PROJECT_ROOT} */
  root?: string;
  /** Where progress lines go. @default stderr */
  progress?: (line: string) => void;
}

async function lines(
  stream: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
): Promise<void> {
  let buffered = "";
  for await (const text of stream.pipeThrough(new TextDecoderStream())) {
    buffered += text;
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    for (const part of parts) onLine(part);
  }
  if (buffered !== "") onLine(buffered);
}

async function pythonOf(root: string): Promise<string> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("bash", {
      args: [`${root}/scripts/python_env.sh`],
      stdout: "piped",
      stderr: "inherit",
    }).output();
  } catch (error) {
    throw new ImportError(
      `cannot run scripts/python_env.sh: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const python = new TextDecoder().decode(output.stdout).trim().split("\n")
    .at(-1) ?? "";
  if (!output.success || python === "") {
    throw new ImportError(
      `the Python environment is not available (scripts/python_env.sh exited ${output.code})`,
    );
  }
  return python;
}

/**
 * Runs `export.py <args>` and returns its report.
 *
 * @example
 * ```ts ignore
 * const report = await runExporter(["wav2lip", "--checkpoint", "wav2lip_gan.pth", "--out", "/tmp/w.onnx"]);
 * console.log(report.max_abs_diff);
 * ```
 *
 * @param args The exporter's arguments (kind first).
 * @param options Project folder, progress sink.
 * @returns The exporter's JSON report.
 * @throws {ImportError} With the exporter's own `export: …` message when it fails, or naming
 * what else went wrong (no Python, no exporter, no report).
 */
export async function runExporter(
  args: readonly string[],
  options: RunExporterOptions = {},
): Promise<ExportReport> {
  const root = options.root ?? PROJECT_ROOT;
  const script = `${root}/infra/export/export.py`;
  try {
    await Deno.stat(script);
  } catch {
    throw new ImportError(`the exporter '${script}' is missing`);
  }
  const python = await pythonOf(root);
  const progress = options.progress ?? ((line) => console.error(line));
  const child = new Deno.Command(python, {
    args: [script, ...args],
    cwd: root,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stdout: string[] = [];
  // The exporter's last `export: …` line is its error when it fails, so
  // each one is passed on only once a later line shows it was progress.
  let pending: string | undefined;
  const [status] = await Promise.all([
    child.status,
    lines(child.stdout, (line) => stdout.push(line)),
    lines(child.stderr, (line) => {
      if (pending !== undefined) progress(pending);
      pending = undefined;
      if (line.startsWith("export: ")) pending = line;
      else progress(line);
    }),
  ]);
  if (!status.success) {
    throw new ImportError(
      pending?.slice("export: ".length) ??
        `the exporter exited with status ${status.code}`,
    );
  }
  if (pending !== undefined) progress(pending);
  const last = stdout.filter((line) => line.trim() !== "").at(-1) ?? "";
  let report: unknown;
  try {
    report = JSON.parse(last);
  } catch {
    throw new ImportError(
      `the exporter printed no JSON report (last line: ${
        JSON.stringify(last.slice(0, 200))
      })`,
    );
  }
  if (
    typeof report !== "object" || report === null ||
    typeof (report as ExportReport).max_abs_diff !== "number"
  ) {
    throw new ImportError(
      `the exporter's report has no max_abs_diff: ${last.slice(0, 200)}`,
    );
  }
  return report as ExportReport;
}
