/**
 * `deno task bench:speak`: time to first audio (TTFA) and first frame (TTFF)
 * of `POST /v1/speak` for a 3-sentence text, p50/p95 over 20 runs, with the
 * embedded backend and split through the local Triton-compatible server; the
 * same text rendered non-streaming (whole audio, then every frame) for
 * comparison; the first request to a freshly started server; how soon a long
 * first sentence's first chunk is ready when cut at a pause; the throughput
 * of 8 concurrent streams; and, with a lip model
 * heavy enough to matter (`bench_wav2lip`, a stand-in costing ~10 ms per
 * 16 frames), TTFA/TTFF of one stream while 3 others run, with ONNX Runtime
 * on the server's thread (`ORT_WORKERS=0`) and on a worker (`1`). Prints
 * Markdown tables for BENCHMARKS.md. Needs `deno task setup`.
 *
 * TTFA/TTFF are measured by the client, in this process, against servers in
 * their own processes: from sending the request to receiving the first WAV /
 * JPEG part's bytes.
 *
 * @module
 */

import { buildPipelineDeps } from "../edge/boot/pipeline_deps.ts";
import { readConfig } from "@lipstream/edge/config";
import { createJsonLogger } from "@lipstream/edge/log";
import {
  BENCH_WAV2LIP_MODEL,
  writeBenchWav2lipModel,
} from "@lipstream/inference/fixtures";
import { freePort } from "../tests/support/free_port.ts";

const TEXT =
  "Hello, and welcome to Lipstream. This is a short test of streaming speech. Thank you for listening!";
const RUNS = Number(Deno.env.get("RUNS") ?? "20");
const CONCURRENT = 8;
const LOAD_STREAMS = 3;

interface Timing {
  ttfa: number;
  ttff: number;
  total: number;
  frames: number;
  audioMs: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Streams one utterance and notes when the first WAV and JPEG parts arrive. */
async function speakOnce(base: string): Promise<Timing> {
  const started = performance.now();
  const response = await fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: TEXT, voice: "fixture_vits", avatar: "demo" }),
  });
  if (response.status !== 200) throw new Error(await response.text());
  const reader = response.body!.getReader();
  const decoder = new TextDecoder("latin1");
  let ttfa = NaN;
  let ttff = NaN;
  let tail = "";
  let frames = 0;
  let text = "";
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = tail + decoder.decode(value);
    const now = performance.now() - started;
    if (Number.isNaN(ttfa) && chunk.includes("Content-Type: audio/wav")) {
      ttfa = now;
    }
    if (Number.isNaN(ttff) && chunk.includes("Content-Type: image/jpeg")) {
      ttff = now;
    }
    frames += chunk.split("Content-Type: image/jpeg").length - 1;
    text += chunk.includes('"type":"end"') ? chunk : "";
    tail = chunk.slice(-40);
  }
  const end = /\{"type":"end".*?\}\}/.exec(text)?.[0];
  const audioMs = end ? JSON.parse(end).audio_ms : NaN;
  return { ttfa, ttff, total: performance.now() - started, frames, audioMs };
}

/** Starts a `deno run` server in its own process and waits until `ready` answers 200. */
async function spawnServer(
  script: string,
  env: Record<string, string>,
  ready: string,
): Promise<Deno.ChildProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", script],
    env: { LOG_LEVEL: "error", ...env },
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(ready);
      await response.body?.cancel();
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${script} did not become ready at ${ready}`);
}

/**
 * Runs the edge in its own process (as in production: the client must not
 * share the server's event loop), optionally split from the inference server.
 */
async function withEdge<T>(
  split: boolean,
  run: (base: string) => Promise<T>,
  edgeEnv: Record<string, string> = {},
): Promise<T> {
  const children: Deno.ChildProcess[] = [];
  try {
    const env: Record<string, string> = {
      MAX_STREAMS_PER_KEY: "16",
      ...edgeEnv,
    };
    if (split) {
      const port = freePort();
      children.push(
        await spawnServer(
          "inference/server/main.ts",
          { PORT: String(port), HOST: "127.0.0.1" },
          `http://127.0.0.1:${port}/v2/health/ready`,
        ),
      );
      env.TRITON_URL = `http://127.0.0.1:${port}`;
    }
    const port = freePort();
    children.push(
      await spawnServer(
        "edge/main.ts",
        { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
        `http://127.0.0.1:${port}/readyz`,
      ),
    );
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    for (const child of children.reverse()) {
      child.kill("SIGTERM");
      await child.status;
    }
  }
}

async function measure(base: string) {
  for (let i = 0; i < 3; i++) await speakOnce(base); // warm-up
  const timings: Timing[] = [];
  for (let i = 0; i < RUNS; i++) timings.push(await speakOnce(base));
  const concurrentStart = performance.now();
  const concurrent = await Promise.all(
    Array.from({ length: CONCURRENT }, () => speakOnce(base)),
  );
  const wall = (performance.now() - concurrentStart) / 1000;
  const frames = concurrent.reduce((sum, t) => sum + t.frames, 0);
  const audio = concurrent.reduce((sum, t) => sum + t.audioMs, 0) / 1000;
  return { timings, concurrent: { wall, frames, audio } };
}

/** One stream's timings while `LOAD_STREAMS` others run back to back. */
async function measureLoaded(base: string): Promise<Timing[]> {
  for (let i = 0; i < 3; i++) await speakOnce(base); // warm-up
  let loading = true;
  const load = Array.from({ length: LOAD_STREAMS }, async () => {
    while (loading) await speakOnce(base);
  });
  const timings: Timing[] = [];
  try {
    for (let i = 0; i < RUNS; i++) timings.push(await speakOnce(base));
  } finally {
    loading = false;
    await Promise.all(load);
  }
  return timings;
}

/** `generated/models` plus `bench_wav2lip`, in a temporary repository. */
async function heavyRepository(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-speak-bench-" });
  for await (const entry of Deno.readDir("generated/models")) {
    await Deno.symlink(
      await Deno.realPath(`generated/models/${entry.name}`),
      `${dir}/${entry.name}`,
    );
  }
  await writeBenchWav2lipModel(dir);
  return dir;
}

const LONG_FIRST =
  "Good morning, and welcome to the Lipstream demonstration, where a voice model speaks while a lip model moves the face in time with every word. The rest follows.";

/** In process: time until the first chunk of `LONG_FIRST` is synthesized. */
async function firstChunkMs(firstPieceMaxChars: number): Promise<number[]> {
  const config = readConfig({
    PORT: "0",
    FIRST_PIECE_MAX_CHARS: String(firstPieceMaxChars),
  });
  const pipeline = await buildPipelineDeps(
    config,
    createJsonLogger({ level: "error" }),
  );
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS + 3; run++) {
      const started = performance.now();
      const chunks = pipeline.speech.synthesize(
        { text: LONG_FIRST, voiceId: "fixture_vits" },
        { signal: new AbortController().signal },
      );
      for await (const _ of chunks) break;
      if (run >= 3) times.push(performance.now() - started);
    }
  } finally {
    await pipeline.close();
  }
  return times;
}

/** Renders the same text non-streaming: all audio first, then every frame. */
async function nonStreaming() {
  const config = readConfig({ PORT: "0" });
  const log = createJsonLogger({ level: "error" });
  const pipeline = await buildPipelineDeps(config, log);
  const results: { first: number; audio: number; frame: number }[] = [];
  try {
    for (let run = 0; run < RUNS + 3; run++) {
      const signal = new AbortController().signal;
      const started = performance.now();
      const chunks = [];
      let firstSentence = NaN;
      for await (
        const chunk of pipeline.speech.synthesize({
          text: TEXT,
          voiceId: "fixture_vits",
        }, { signal })
      ) {
        if (chunks.length === 0) firstSentence = performance.now() - started;
        chunks.push(chunk);
      }
      const length = chunks.reduce((sum, c) => sum + c.samples.length, 0);
      const samples = new Float32Array(length);
      let at = 0;
      for (const chunk of chunks) {
        samples.set(chunk.samples, at);
        at += chunk.samples.length;
      }
      const audioReady = performance.now() - started;
      const session = await pipeline.lipSync.open({
        avatarId: "demo",
        fps: 25,
      }, { signal });
      const frames = [
        ...await Array.fromAsync(session.render({
          sentenceIndex: 0,
          samples,
          sampleRateHz: chunks[0]!.sampleRateHz,
        }, { signal })),
        ...await Array.fromAsync(session.finish?.({ signal }) ?? []),
      ];
      session.close();
      if (frames.length === 0) throw new Error("no frames");
      if (run >= 3) {
        results.push({
          first: firstSentence,
          audio: audioReady,
          frame: performance.now() - started,
        });
      }
    }
  } finally {
    await pipeline.close();
  }
  return results;
}

function row(name: string, values: number[]): string {
  return `| ${name} | ${percentile(values, 0.5).toFixed(1)} | ${
    percentile(values, 0.95).toFixed(1)
  } |`;
}

const fresh = await withEdge(false, speakOnce);
const embedded = await withEdge(false, measure);
const split = await withEdge(true, measure);
const whole = await nonStreaming();
const firstCut = await firstChunkMs(40);
const firstWhole = await firstChunkMs(0);
const repository = await heavyRepository();
const loaded: Record<string, Timing[]> = {};
try {
  for (const workers of ["0", "1"]) {
    loaded[workers] = await withEdge(false, measureLoaded, {
      MODEL_REPOSITORY: repository,
      WAV2LIP_MODEL: BENCH_WAV2LIP_MODEL,
      ORT_WORKERS: workers,
    });
  }
} finally {
  await Deno.remove(repository, { recursive: true });
}

console.log(
  `Machine: ${navigator.hardwareConcurrency} cores; Deno ${Deno.version.deno}; ${RUNS} runs after 3 warm-ups; text: ${
    JSON.stringify(TEXT)
  } (3 sentences, ~${
    (embedded.timings[0]!.audioMs / 1000).toFixed(1)
  } s of fixture audio)\n`,
);
console.log("| measure (ms) | p50 | p95 |");
console.log("|---|---:|---:|");
for (
  const [name, result] of [["embedded", embedded], ["split", split]] as const
) {
  console.log(row(`${name}: TTFA`, result.timings.map((t) => t.ttfa)));
  console.log(row(`${name}: TTFF`, result.timings.map((t) => t.ttff)));
  console.log(row(`${name}: whole stream`, result.timings.map((t) => t.total)));
}
console.log(
  `| embedded, fresh server (warmed up at start): first request TTFA / TTFF | ${
    fresh.ttfa.toFixed(1)
  } | ${fresh.ttff.toFixed(1)} |`,
);
console.log(
  row(
    "in process: first sentence synthesized (TTFA goal: this + 20 ms)",
    whole.map((t) => t.first),
  ),
);
console.log(
  row(
    "in process, 140-character first sentence: first chunk, cut at a pause (FIRST_PIECE_MAX_CHARS=40)",
    firstCut,
  ),
);
console.log(
  row(
    "in process, 140-character first sentence: first chunk, whole sentence (FIRST_PIECE_MAX_CHARS=0)",
    firstWhole,
  ),
);
console.log(row("non-streaming: all audio ready", whole.map((t) => t.audio)));
console.log(
  row(
    "non-streaming: first frame (= all frames) ready",
    whole.map((t) => t.frame),
  ),
);
console.log(
  `\n| ${CONCURRENT} concurrent streams | wall s | frames/s | audio s per wall s |`,
);
console.log("|---|---:|---:|---:|");
for (
  const [name, result] of [["embedded", embedded], ["split", split]] as const
) {
  const { wall, frames, audio } = result.concurrent;
  console.log(
    `| ${name} | ${wall.toFixed(2)} | ${(frames / wall).toFixed(0)} | ${
      (audio / wall).toFixed(2)
    } |`,
  );
}

console.log(
  `\n| one stream while ${LOAD_STREAMS} others run, ${BENCH_WAV2LIP_MODEL} (ms) | p50 | p95 |`,
);
console.log("|---|---:|---:|");
const placements = [["0", "server thread"], ["1", "worker"]] as const;
for (const [workers, placement] of placements) {
  const timings = loaded[workers]!;
  console.log(
    row(`ORT on the ${placement}: TTFA`, timings.map((t) => t.ttfa)),
  );
  console.log(
    row(`ORT on the ${placement}: TTFF`, timings.map((t) => t.ttff)),
  );
}
