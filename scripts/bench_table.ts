/**
 * `deno task bench:table`: runs the project's benchmarks with `deno bench --json`,
 * runs the numpy Wav2Lip mel reference on the same length of audio in the same
 * run, and prints one Markdown table (median per iteration, ratios to the
 * reference and to real time) ready for BENCHMARKS.md.
 *
 * Usage: `deno task bench:table [bench files...]`
 *
 * @module
 */

const DEFAULT_FILES = [
  "shared/wav_bench.ts",
  "shared/resample_bench.ts",
  "shared/mel_bench.ts",
  "shared/fft_bench.ts",
  "edge/text/front_end_bench.ts",
  "edge/frames/frames_bench.ts",
  "edge/lipsync/lipsync_bench.ts",
  "inference/server/kserve_bench.ts",
];

interface BenchResult {
  name: string;
  group: string | null;
  origin: string;
  results: {
    ok?: { n: number; avg: number; p50?: number; min: number; max: number };
  }[];
}

async function run(
  command: string,
  args: string[],
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const output = await new Deno.Command(command, {
    args,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    ok: output.success,
    stdout: new TextDecoder().decode(output.stdout),
    stderr: new TextDecoder().decode(output.stderr),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

function formatMs(ns: number): string {
  const ms = ns / 1e6;
  return ms >= 100
    ? ms.toFixed(0)
    : ms >= 1
    ? ms.toFixed(2)
    : ms >= 0.01
    ? ms.toFixed(3)
    : ms.toExponential(2);
}

const files = [];
for (const file of Deno.args.length > 0 ? Deno.args : DEFAULT_FILES) {
  if (await exists(file)) files.push(file);
}
const bench = await run(Deno.execPath(), [
  "bench",
  "--json",
  "--allow-read",
  "--allow-write",
  "--allow-run",
  "--allow-env",
  "--allow-net",
  "--allow-ffi",
  "--allow-sys",
  ...files,
]);
if (!bench.ok) {
  console.error(bench.stderr);
  Deno.exit(1);
}
const report = JSON.parse(bench.stdout) as {
  runtime: string;
  cpu: string;
  benches: BenchResult[];
};

const reference = await run(
  Deno.env.get("LIPSTREAM_PYTHON") ?? ".tools/venv/bin/python",
  [
    "scripts/mel_reference.py",
    "--bench",
    "10",
  ],
);
const numpy = reference.ok
  ? JSON.parse(reference.stdout.trim().split("\n").at(-1)!) as {
    float64_ms: number;
    float32_ms: number;
  }
  : undefined;

const AUDIO_SECONDS: Record<string, number> = {
  mel10s: 10,
  wav10s: 10,
  resample10s: 10,
};

console.log(
  `Machine: ${report.cpu}; ${report.runtime}; ${navigator.hardwareConcurrency} cores\n`,
);
console.log(
  "| bench | group | median ms | × real time | vs numpy float64 | vs numpy float32 |",
);
console.log("|---|---|---:|---:|---:|---:|");
for (const entry of report.benches) {
  const ok = entry.results[0]?.ok;
  if (ok === undefined) continue;
  const median = ok.p50 ?? ok.avg;
  const seconds = entry.group === null ? undefined : AUDIO_SECONDS[entry.group];
  const realTime = seconds === undefined
    ? ""
    : `${Math.round(seconds * 1e9 / median)}×`;
  const isMel = entry.group === "mel10s";
  const vs64 = isMel && numpy
    ? `${(numpy.float64_ms * 1e6 / median).toFixed(1)}× faster`
    : "";
  const vs32 = isMel && numpy
    ? `${(numpy.float32_ms * 1e6 / median).toFixed(1)}× faster`
    : "";
  console.log(
    `| ${entry.name} | ${entry.group ?? ""} | ${
      formatMs(median)
    } | ${realTime} | ${vs64} | ${vs32} |`,
  );
}
if (numpy) {
  console.log(
    `\nnumpy reference (scripts/mel_reference.py --bench 10, same run): float64 ${
      numpy.float64_ms.toFixed(1)
    } ms, float32 ${numpy.float32_ms.toFixed(1)} ms per 10 s of audio`,
  );
} else {
  console.log(`\nnumpy reference unavailable: ${reference.stderr.trim()}`);
}
