/**
 * The lines `models:import` prints after a successful import: what was written where, what the
 * verification against PyTorch measured, and how to serve it.
 *
 * @module
 */
import type { ImportRequest } from "./import_args.ts";
import type { ImportResult } from "./import_model.ts";

/**
 * Describes an import.
 *
 * @example
 * ```ts
 * import { importSummary } from "./import_summary.ts";
 * import assert from "node:assert/strict";
 *
 * const text = importSummary(
 *   { kind: "onnx", name: "lips", repository: "r", voices: "v" } as never,
 *   { role: "wav2lip", models: [{ name: "lips", dir: "r/lips", config: { name: "lips", max_batch_size: 64, input: [], output: [] } }] },
 * );
 * assert.match(text, /WAV2LIP_MODEL=lips/);
 * ```
 *
 * @param request The command line.
 * @param result What was written.
 * @returns The summary, several lines.
 */
export function importSummary(
  request: ImportRequest,
  result: ImportResult,
): string {
  const lines: string[] = [];
  for (const model of result.models) {
    const kind = model.config.instance_group?.[0]?.kind ?? "KIND_CPU";
    lines.push(
      `wrote ${model.dir}/config.pbtxt and 1/model.onnx (max_batch_size ${model.config.max_batch_size}${
        model.config.dynamic_batching === undefined ? "" : ", dynamic batching"
      }, ${kind}; inputs ${
        model.config.input.map((t) => `${t.name} [${t.dims}]`).join(", ")
      })`,
    );
  }
  if (result.voiceDir !== undefined) {
    lines.push(`wrote the voice ${result.voiceDir}/ (config + lipstream.json)`);
  }
  const report = result.report;
  if (report !== undefined) {
    lines.push(
      `verified against PyTorch: max |PyTorch - ONNX| = ${report.max_abs_diff} (tolerance ${report.tolerance}, fp32)`,
    );
    const precision = typeof report.precision === "string"
      ? { name: report.precision }
      : report.precision;
    if (precision.name !== "fp32") {
      const error = "vs_fp32" in precision ? precision.vs_fp32 : undefined;
      lines.push(
        `${precision.name} against fp32 on the same inputs: ${
          error === null || error === undefined
            ? "not runnable on this CPU (ONNX Runtime has no CPU kernel for it)"
            : `max abs difference ${error.max_abs_diff}${
              error.mean_abs_diff === undefined
                ? ""
                : `, mean ${error.mean_abs_diff}`
            }`
        }; ${request.precision} model installed`,
      );
    }
  }
  if (result.role === "wav2lip") {
    lines.push(
      request.name === "wav2lip"
        ? "the server uses it as its lip model (restart it to load)"
        : `serve it as the lip model with WAV2LIP_MODEL=${request.name}`,
    );
  } else {
    lines.push(
      `speak with voice '${request.name}' (restart the server to load it)`,
    );
  }
  return lines.map((line) => `models:import: ${line}`).join("\n");
}
