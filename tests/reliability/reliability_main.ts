/**
 * `deno task reliability`: the heavy half of the reliability suite, not run
 * in CI. Runs the suite in `tests/reliability/` at a larger scale, then
 * starts the real server (`edge/main.ts`, embedded ONNX Runtime on the
 * fixture models: pipeline overhead, not a real voice or face) as its own
 * process on loopback and measures: `/healthz` latency while 16 streams run,
 * cleanup after 30 streams are dropped, a 50-stream load, and a soak with
 * RSS sampled. Writes `RELIABILITY.md`.
 *
 * Options: `--soak-seconds=600` (default), `--scale=5` (fuzz multiplier),
 * `--skip-suite` (load and soak only, printed, no report).
 *
 * @module
 */

const args = Object.fromEntries(
  Deno.args.map((arg) => {
    const [name, value = "true"] = arg.replace(/^--/, "").split("=");
    return [name!, value];
  }),
);
const SOAK_SECONDS = Number(args["soak-seconds"] ?? 600);
const SCALE = Number(args.scale ?? 5);
const PORT = 18_000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const SPEAK = JSON.stringify({
  text: "Hello there. This is the fixture voice speaking for a while.",
  voice: "fixture_vits",
  avatar: "demo",
});
// The workers' settings the server inherits from this environment (reported).
const FRAME_WORKERS = Deno.env.get("FRAME_WORKERS") ?? "1";
const TEXT_WORKERS = Deno.env.get("TEXT_WORKERS") ?? "1";
const SERVER_ENV = {
  PORT: String(PORT),
  HOSTNAME: "127.0.0.1",
  MAX_CONCURRENT_STREAMS: "64",
  MAX_STREAMS_PER_KEY: "64",
  // The cleanup phase holds streams unread while it opens the rest.
  WRITE_DEADLINE_MS: "120000",
  LOG_LEVEL: "error",
};

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (x: number, digits = 1) =>
  Math.round(x * 10 ** digits) / 10 ** digits;

async function runSuite() {
  const started = performance.now();
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", "tests/reliability/"],
    env: { RELIABILITY_SCALE: String(SCALE) },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout) +
    new TextDecoder().decode(output.stderr);
  // deno-lint-ignore no-control-regex
  const plain = text.replace(/\x1b\[[0-9;]*m/g, "");
  const tests = [...plain.matchAll(/^(.+?) \.\.\. (ok|FAILED)/gm)].map((m) => ({
    name: m[1]!.trim(),
    result: m[2]!,
  }));
  return {
    ok: output.success,
    seconds: round((performance.now() - started) / 1000),
    tests,
    summary: plain.match(/^(ok|FAILED) \|.*$/m)?.[0] ?? "(no summary)",
  };
}

async function startServer() {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-env",
      "--allow-net",
      "--allow-ffi",
      "--allow-sys",
      "edge/main.ts",
    ],
    env: SERVER_ENV,
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${BASE}/healthz`);
      await r.body?.cancel();
      if (r.ok) return child;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server did not start");
}

function rssMiB(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function stream(signal?: AbortSignal) {
  const started = performance.now();
  const response = await fetch(`${BASE}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: SPEAK,
    ...(signal ? { signal } : {}),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    return { status: response.status, ms: performance.now() - started };
  }
  const text = await response.text();
  return {
    status: text.includes('"type":"end"') ? 200 : -1,
    ms: performance.now() - started,
  };
}

/** Polls /healthz every 20 ms while `work` runs; returns latencies. */
async function healthzDuring(work: Promise<unknown>) {
  const latencies: number[] = [];
  let done = false;
  work.finally(() => done = true);
  while (!done) {
    const t = performance.now();
    const r = await fetch(`${BASE}/healthz`);
    await r.body?.cancel();
    latencies.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await work;
  return latencies;
}

async function inFlight(): Promise<number> {
  const text = await (await fetch(`${BASE}/metrics`)).text();
  return Number(/^lipstream_in_flight_streams (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function concurrentStreams(count: number) {
  const results = await Promise.all(
    Array.from({ length: count }, () => stream()),
  );
  return results;
}

async function dropCleanup(count: number) {
  const controllers = Array.from(
    { length: count },
    () => new AbortController(),
  );
  await Promise.all(controllers.map(async (controller) => {
    const response = await fetch(`${BASE}/v1/speak`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: SPEAK,
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
  }));
  const before = await inFlight();
  const dropped = performance.now();
  for (const controller of controllers) controller.abort();
  let ms = NaN;
  while (performance.now() - dropped < 10_000) {
    if (await inFlight() === 0) {
      ms = performance.now() - dropped;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { before, ms };
}

async function soak(pid: number, seconds: number) {
  const samples: { s: number; rss: number }[] = [];
  const end = performance.now() + seconds * 1000;
  let streams = 0;
  let failures = 0;
  const workers = Array.from({ length: 4 }, async () => {
    while (performance.now() < end) {
      const result = await stream();
      streams++;
      if (result.status !== 200) failures++;
    }
  });
  const start = performance.now();
  while (performance.now() < end) {
    samples.push({ s: (performance.now() - start) / 1000, rss: rssMiB(pid) });
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  await Promise.all(workers);
  samples.push({ s: (performance.now() - start) / 1000, rss: rssMiB(pid) });
  // Least-squares slope over the second half (after warm-up), MiB per minute.
  const half = samples.slice(Math.floor(samples.length / 2));
  const mx = half.reduce((a, p) => a + p.s, 0) / half.length;
  const my = half.reduce((a, p) => a + p.rss, 0) / half.length;
  const slope = half.reduce((a, p) => a + (p.s - mx) * (p.rss - my), 0) /
    Math.max(1e-9, half.reduce((a, p) => a + (p.s - mx) ** 2, 0)) * 60;
  return { samples, streams, failures, slopeMiBPerMin: slope };
}

const startedAt = new Date();
console.log(`reliability: suite at scale ${SCALE}…`);
// `--skip-suite` (load and soak only, for quick measurements) writes no report.
const suite = args["skip-suite"] === undefined
  ? await runSuite()
  : { ok: true, seconds: 0, tests: [], summary: "(skipped)" };
console.log(suite.summary);
console.log("reliability: starting the server…");
const server = await startServer();
try {
  const idleRss = rssMiB(server.pid);
  console.log("reliability: /healthz with 16 streams…");
  const idleLatency = await healthzDuring(
    new Promise((resolve) => setTimeout(resolve, 1000)),
  );
  let sixteen: Awaited<ReturnType<typeof concurrentStreams>> = [];
  const loaded16 = await healthzDuring(
    concurrentStreams(16).then((r) => sixteen = r),
  );
  console.log("reliability: cleanup after 30 dropped streams…");
  const cleanup30 = await dropCleanup(30);
  const cleanup16 = await dropCleanup(16);
  console.log("reliability: 50-stream load…");
  const loadStart = performance.now();
  let fifty: Awaited<ReturnType<typeof concurrentStreams>> = [];
  const loaded50 = await healthzDuring(
    concurrentStreams(50).then((r) => fifty = r),
  );
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const peakRss = rssMiB(server.pid);
  console.log(`reliability: soak for ${SOAK_SECONDS} s…`);
  const soaked = await soak(server.pid, SOAK_SECONDS);
  const cpu = (/model name\s*:\s*(.+)/.exec(
    await Deno.readTextFile("/proc/cpuinfo"),
  )?.[1] ?? "unknown CPU").trim();
  const cores = navigator.hardwareConcurrency;
  const ok16 = sixteen.filter((r) => r.status === 200).length;
  const ok50 = fifty.filter((r) => r.status === 200).length;
  const firstRss = soaked.samples[1]?.rss ?? NaN;
  const lastRss = soaked.samples.at(-1)?.rss ?? NaN;
  const lines = [
    "# Reliability",
    "",
    "Generated by `bash scripts/deno.sh task reliability" +
    (SOAK_SECONDS === 600 ? "" : ` --soak-seconds=${SOAK_SECONDS}`) +
    (SCALE === 5 ? "" : ` --scale=${SCALE}`) +
    "`; do not edit by hand.",
    "",
    `- date: ${startedAt.toISOString()}`,
    `- machine: ${cpu}, ${cores} cores, ${Deno.build.os}/${Deno.build.arch}, Deno ${Deno.version.deno}`,
    `- server: \`edge/main.ts\` as its own process on loopback, \`FRAME_WORKERS=${FRAME_WORKERS}\`, \`TEXT_WORKERS=${TEXT_WORKERS}\`, ` +
    "embedded ONNX Runtime (`ORT_WORKERS=1`) on the generated **fixture** models (random-weight VITS and lip model: these figures measure pipeline overhead, not a real voice or face), `MAX_CONCURRENT_STREAMS=64`, `MAX_STREAMS_PER_KEY=64`, `WRITE_DEADLINE_MS=120000` (the cleanup phase holds streams unread), other limits at their defaults",
    "",
    "## What was tried",
    "",
    `The suite in \`tests/reliability/\` at \`RELIABILITY_SCALE=${SCALE}\` (CI runs it at 1: ≥ 1,000 fuzz cases): ${suite.summary} in ${suite.seconds} s.`,
    "",
    "| test | result |",
    "| --- | --- |",
    ...suite.tests.map((t) =>
      `| ${t.name.replaceAll("|", "\\|")} | ${t.result} |`
    ),
    "",
    "Fuzz cases at scale 1: speak 300, tts 150, speak.mjpeg 100, lipsync query 150, idle.jpg 50, frames 50, WAV byte mutations 150, multipart mutations 100 (1,050); here ×" +
    SCALE +
    ". Properties: no 5xx, every error is problem+json, a body the zod schema refuses is a 400 naming `errors[].path`, a body it accepts is never `invalid-request`, every 200 stream ends with its end part.",
    "",
    "## Load",
    "",
    "| measurement | value |",
    "| --- | --- |",
    `| idle \`/healthz\` p50 / p99 | ${round(percentile(idleLatency, 0.5))} / ${
      round(percentile(idleLatency, 0.99))
    } ms |`,
    `| 16 streams: completed | ${ok16}/16 |`,
    `| 16 streams: \`/healthz\` p50 / p99 / max (goal p99 ≤ 50 ms) | ${
      round(percentile(loaded16, 0.5))
    } / ${round(percentile(loaded16, 0.99))} / ${
      round(Math.max(...loaded16))
    } ms (${loaded16.length} probes) |`,
    `| 16 streams dropped: in-flight gauge back to 0 after (goal ≤ 100 ms) | ${
      round(cleanup16.ms)
    } ms (from ${cleanup16.before}) |`,
    `| 30 streams dropped: in-flight gauge back to 0 after (goal ≤ 100 ms) | ${
      round(cleanup30.ms)
    } ms (from ${cleanup30.before}) |`,
    `| 50 streams: completed / refused / broken | ${ok50} / ${
      fifty.filter((r) => r.status === 429).length
    } / ${
      fifty.filter((r) => r.status !== 200 && r.status !== 429).length
    } in ${round(loadSeconds)} s |`,
    `| 50 streams: stream time p50 / max | ${
      round(percentile(fifty.map((r) => r.ms), 0.5) / 1000, 2)
    } / ${round(Math.max(...fifty.map((r) => r.ms)) / 1000, 2)} s |`,
    `| 50 streams: \`/healthz\` p50 / p99 / max | ${
      round(percentile(loaded50, 0.5))
    } / ${round(percentile(loaded50, 0.99))} / ${
      round(Math.max(...loaded50))
    } ms |`,
    `| RSS idle / after 50 streams | ${round(idleRss)} / ${
      round(peakRss)
    } MiB |`,
    "",
    `Goals (16 streams on this machine): \`/healthz\` p99 ≤ 50 ms — ${
      percentile(loaded16, 0.99) <= 50 ? "held" : "**not held**"
    }; cleanup ≤ 100 ms — ${
      cleanup16.ms <= 100 ? "held" : "**not held**"
    } (30 streams: ${cleanup30.ms <= 100 ? "held" : "**not held**"}). ${
      FRAME_WORKERS === "0"
        ? "Frame work (resample, mel, face batch, paste-back, JPEG) ran on the server thread, one frame per event-loop slice"
        : `Frame work (resample, mel, face batch, paste-back, JPEG) ran on ${FRAME_WORKERS} frame worker(s) (\`edge/lipsync/frame_worker_pool.ts\`)`
    }; ${
      TEXT_WORKERS === "0"
        ? "the text front end on the server thread"
        : `the text front end on ${TEXT_WORKERS} worker(s) (\`edge/text/front_end_workers.ts\`)`
    }. The server thread keeps routing, pacing, the model calls' hand-off and the multipart write.`,
    "",
    "## Soak",
    "",
    `${SOAK_SECONDS} s${
      SOAK_SECONDS < 600 ? " (shorter than the 10-minute default)" : ""
    } of 4 back-to-back streams: ${soaked.streams} streams, ${soaked.failures} not completed. RSS sampled every 5 s: ${
      round(firstRss)
    } MiB at 5 s, ${
      round(lastRss)
    } MiB at the end, least-squares slope over the second half ${
      round(soaked.slopeMiBPerMin, 2)
    } MiB/min.`,
    "",
    "| t (s) | RSS (MiB) |",
    "| --- | --- |",
    ...soaked.samples.filter((_, i, all) =>
      i % Math.max(1, Math.ceil(all.length / 20)) === 0 || i === all.length - 1
    )
      .map((p) => `| ${round(p.s, 0)} | ${round(p.rss)} |`),
    "",
    "## Limits and their settings",
    "",
    "| variable | default | what it bounds |",
    "| --- | --- | --- |",
    "| `MAX_CONCURRENT_STREAMS` | 16 | streams open at once, all clients (429 + `Retry-After` beyond) |",
    "| `MAX_STREAMS_PER_KEY` | 4 | streams per API key, or per remote address without `API_KEYS` |",
    "| `WRITE_DEADLINE_MS` | 10000 | a client that takes no part for this long is evicted, its slot freed |",
    "| `BODY_READ_TIMEOUT_MS` | 30000 | a request body must arrive within this (408) |",
    "| `MAX_BODY_BYTES` | 16 MiB | request body size (413), counted as read, after the key check |",
    "| `MAX_TEXT_LENGTH` | 2000 | characters of text (400) |",
    "| `MAX_AUDIO_SECONDS` | `MAX_TEXT_LENGTH`÷2.5 (800) | audio of one upload or one text (413) |",
    "| `BACKEND_TIMEOUT_MS` | 15000 | one backend step (504) |",
    "| upload sample rate | 8000–384000 Hz, convertible to 16 kHz | `/v1/lipsync` (400 `unsupported-sample-rate`) |",
    "",
    "Not bounded by the edge: the time to receive request headers (Deno.serve has no header timeout; a connection that never finishes its headers is held — put a proxy with a header timeout in front).",
    "",
  ];
  if (args["skip-suite"] !== undefined) {
    console.log(lines.slice(lines.indexOf("## Load")).join("\n"));
  } else await Deno.writeTextFile("RELIABILITY.md", lines.join("\n"));
  console.log("reliability: wrote RELIABILITY.md");
} finally {
  server.kill("SIGTERM");
  await server.status;
}
