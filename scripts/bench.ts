/**
 * `deno task bench [--quick]`: the embedded server (ONNX Runtime on a worker,
 * as `deno task start` runs it) with the fixture lip model and with a
 * **real-size Wav2Lip** (the real 36.3 M-parameter architecture with random
 * weights, built by `infra/export` when missing; never a real face), side by
 * side in one run on this machine. Per model: time to first audio and first
 * frame (client-side), delivered media seconds per wall second, late frames
 * against a client that starts playing at the first frame, and the lip
 * frames rendered vs held (`/metrics`). Writes `bench/results.json` and the
 * generated section of `BENCHMARKS.md`. `--quick` (about 2 minutes once the
 * models are built): 2 runs per row and 1 file-then-video run, the default
 * rows only (no before or lever rows, no run with the overload policy off),
 * and the stage profile of the two real sizes only.
 *
 * Also: time to first frame the seed's way (the whole text to a WAV file, then
 * lip-sync), the audio hand-off against the reference's file round trip
 * (`handoff_bench.ts`), and `bench/stages.svg`, a plot of the stage profile.
 *
 * Per-stage profile (`stage_profile.ts`): synthesis, resample + mel, face
 * batch, Wav2Lip, paste-back, JPEG and the multipart write, p50/p95 per
 * model, timed in this process through the server's modules, with the frame
 * work and the text front end on their workers (the default) and on the
 * server thread (`FRAME_WORKERS=0 TEXT_WORKERS=0`), and how late a 10 ms timer on the server thread fires
 * meanwhile.
 *
 * Voices: the fixture tone voice (`fixture_vits`, pipeline overhead) for the
 * lip-model rows, and `vits_ljs_size`, a VITS of the original size
 * (jaywalnut310/vits `ljs_base.json`, random weights, with its streaming
 * encoder/decoder pair, built by `models:import` when missing) in the row
 * that runs both real sizes in one server.
 *
 * @module
 */

import { measureHandoff } from "./handoff_bench.ts";
import { stagePlot } from "./stage_plot.ts";
import { profileStages, type StageProfile, STAGES } from "./stage_profile.ts";

const QUICK = Deno.args.includes("--quick");
const RUNS = QUICK ? 2 : 8;
/** File-then-video runs per row (slow: each waits for the whole text's audio). */
const FILE_RUNS = QUICK ? 1 : 4;
const TEXT = [
  "Hello, and welcome to Lipstream.",
  "This is a benchmark of streaming speech with a talking face.",
  "Every sentence is synthesized, lip-synced and streamed as soon as it is ready.",
  "The audio never waits for the video.",
  "Thank you for listening!",
].join(" ");
const PYTHON = Deno.env.get("LIPSTREAM_PYTHON") ?? ".tools/venv/bin/python";
const REAL_MODEL = "generated/real/wav2lip.onnx";
const REPOSITORY = "generated/bench-models";
const REAL_VOICE = "vits_ljs_size";
const REAL_VOICE_REPOSITORY = "generated/real/vits-models";
const REAL_VOICES = "generated/real/voices";
const VOICES = "generated/bench-voices";
/**
 * The speaking rate asked of the random-weight VITS. Its untrained duration
 * predictor gives every symbol about five times the frames a trained voice
 * does (29 s of audio for this text, where a trained LJSpeech voice speaks
 * about 6 s), which would turn the bench into a 30-second monologue of
 * mostly held frames. At speed 4 (the API's largest) it speaks about 10 s,
 * still more than a trained voice. The decoder's cost per second of audio
 * does not change with the rate; the encoder's flow runs over every latent
 * frame, so at speed 1 the first audio also waited for 5× the frames (TTFA
 * 226 ms in the last bench at speed 1, about 100 ms at speed 4).
 */
const REAL_VOICE_SPEED = 4;

/** The rate the bench asks of `voice`: {@linkcode REAL_VOICE_SPEED} for the random VITS, else its own. */
function speedOf(voice: string): number {
  return voice === REAL_VOICE ? REAL_VOICE_SPEED : 1;
}

/**
 * jaywalnut310/vits `configs/ljs_base.json`'s architecture (single speaker,
 * stochastic duration predictor, HiFi-GAN with 512 initial channels and
 * upsampling 8·8·2·2): the original VITS size, 26.5 GMAC per second of audio.
 */
const LJS_BASE = {
  train: { segment_size: 8192 },
  data: {
    max_wav_value: 32768.0,
    sampling_rate: 22050,
    filter_length: 1024,
    hop_length: 256,
    win_length: 1024,
    n_mel_channels: 80,
    add_blank: true,
    cleaned_text: true,
    text_cleaners: ["english_cleaners2"],
    n_speakers: 0,
  },
  model: {
    inter_channels: 192,
    hidden_channels: 192,
    filter_channels: 768,
    n_heads: 2,
    n_layers: 6,
    kernel_size: 3,
    p_dropout: 0.1,
    resblock: "1",
    resblock_kernel_sizes: [3, 7, 11],
    resblock_dilation_sizes: [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
    upsample_rates: [8, 8, 2, 2],
    upsample_initial_channel: 512,
    upsample_kernel_sizes: [16, 16, 4, 4],
    n_layers_q: 3,
    use_spectral_norm: false,
  },
};

async function run(command: string, args: string[]): Promise<void> {
  const { success } = await new Deno.Command(command, {
    args,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!success) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Builds the real-size Wav2Lip (random weights) when it is missing. */
async function ensureRealModel(): Promise<void> {
  if (await exists(REAL_MODEL)) return;
  if (!await exists("infra/export/export.py")) {
    throw new Error(
      `bench: ${REAL_MODEL} is missing and infra/export/export.py is not here to build it`,
    );
  }
  const checkpoint = await Deno.makeTempFile({ suffix: ".pth" });
  console.error(`bench: building ${REAL_MODEL} (random weights)`);
  await Deno.mkdir("generated/real", { recursive: true });
  await run(PYTHON, [
    "infra/export/make_random_checkpoint.py",
    "wav2lip",
    "--out",
    checkpoint,
    "--no-optimizer",
  ]);
  await run(PYTHON, [
    "infra/export/export.py",
    "wav2lip",
    "--checkpoint",
    checkpoint,
    "--out",
    REAL_MODEL,
  ]);
  await Deno.remove(checkpoint);
}

/**
 * Builds the original-size VITS voice (random weights, with its streaming
 * encoder/decoder pair) when it is missing, through `models:import`.
 */
async function ensureRealVoice(): Promise<void> {
  if (await exists(`${REAL_VOICES}/${REAL_VOICE}/lipstream.json`)) return;
  console.error(
    `bench: building ${REAL_VOICE} (original VITS size, random weights)`,
  );
  const dir = await Deno.makeTempDir({ prefix: "lipstream-bench-vits-" });
  try {
    const config = `${dir}/ljs_base.json`;
    await Deno.writeTextFile(config, JSON.stringify(LJS_BASE));
    await run(PYTHON, [
      "infra/export/make_random_checkpoint.py",
      "vits",
      "--config",
      config,
      "--out",
      `${dir}/G_0.pth`,
    ]);
    await run(Deno.execPath(), [
      "run",
      "-A",
      "inference/model_import/import_main.ts",
      "vits",
      "--checkpoint",
      `${dir}/G_0.pth`,
      "--config",
      config,
      "--name",
      REAL_VOICE,
      "--streaming",
      "--repository",
      REAL_VOICE_REPOSITORY,
      "--voices",
      REAL_VOICES,
    ]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The fixture repository plus `wav2lip` pointing at the real-size export. */
async function buildRepository(): Promise<void> {
  await Deno.remove(REPOSITORY, { recursive: true }).catch(() => {});
  await Deno.mkdir(`${REPOSITORY}/wav2lip/1`, { recursive: true });
  for await (const entry of Deno.readDir("generated/models")) {
    if (entry.isDirectory) {
      await Deno.symlink(
        await Deno.realPath(`generated/models/${entry.name}`),
        `${REPOSITORY}/${entry.name}`,
      );
    }
  }
  await Deno.symlink(
    await Deno.realPath(REAL_MODEL),
    `${REPOSITORY}/wav2lip/1/model.onnx`,
  );
  for await (const entry of Deno.readDir(REAL_VOICE_REPOSITORY)) {
    await Deno.symlink(
      await Deno.realPath(`${REAL_VOICE_REPOSITORY}/${entry.name}`),
      `${REPOSITORY}/${entry.name}`,
    );
  }
  await Deno.remove(VOICES, { recursive: true }).catch(() => {});
  await Deno.mkdir(VOICES, { recursive: true });
  for (
    const [folder, name] of [
      ["generated/voices", "fixture_vits"],
      [REAL_VOICES, REAL_VOICE],
    ]
  ) {
    await Deno.symlink(
      await Deno.realPath(`${folder}/${name}`),
      `${VOICES}/${name}`,
    );
  }
  const config = await Deno.readTextFile(
    "infra/triton/models/wav2lip/config.pbtxt",
  );
  await Deno.writeTextFile(
    `${REPOSITORY}/wav2lip/config.pbtxt`,
    config.replace("KIND_GPU", "KIND_CPU"),
  );
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

async function withServer<T>(
  env: Record<string, string>,
  body: (base: string) => Promise<T>,
): Promise<T> {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "edge/main.ts"],
    env: {
      LOG_LEVEL: "error",
      PORT: String(port),
      LIPSTREAM_HOST: "127.0.0.1",
      MODEL_REPOSITORY: REPOSITORY,
      VOICES_DIR: VOICES,
      BACKEND_TIMEOUT_MS: "120000",
      ...env,
    },
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0;; i++) {
      try {
        const response = await fetch(`${base}/readyz`);
        await response.body?.cancel();
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (i > 1200) throw new Error("bench: the server did not become ready");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await body(base);
  } finally {
    child.kill("SIGTERM");
    await child.status;
  }
}

/** One streamed utterance, as a client sees it. */
interface Utterance {
  ttfaMs: number;
  ttffMs: number;
  wallMs: number;
  audioMs: number;
  frames: number;
  /** Frames that arrived after their PTS on a clock started at the first frame. */
  lateFrames: number;
  /** How much later than the first frame playback must start for no frame to be late. */
  bufferMs: number;
}

async function speak(base: string, voice: string): Promise<Utterance> {
  const started = performance.now();
  const response = await fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      text: TEXT,
      voice,
      avatar: "demo",
      speed: speedOf(voice),
    }),
  });
  if (response.status !== 200) throw new Error(await response.text());
  const decoder = new TextDecoder("latin1");
  let tail = "";
  let ttfa = NaN;
  const arrivals: { pts: number; at: number }[] = [];
  let endText = "";
  for await (const bytes of response.body!) {
    const at = performance.now() - started;
    const text = tail + decoder.decode(bytes);
    for (const match of text.matchAll(/X-Pts-Ms: ([\d.]+)\r\n/g)) {
      if (match.index! + match[0].length > tail.length) {
        arrivals.push({ pts: Number(match[1]), at });
      }
    }
    if (Number.isNaN(ttfa) && text.includes("Content-Type: audio/wav")) {
      ttfa = at;
    }
    if (text.includes('"type":"end"')) endText = text;
    tail = text.slice(-300);
  }
  const wallMs = performance.now() - started;
  const end = /\{"type":"end".*?\}\}/.exec(endText)?.[0];
  const audioMs = end ? JSON.parse(end).audio_ms : NaN;
  const ttff = arrivals[0]?.at ?? NaN;
  let lateFrames = 0;
  let bufferMs = 0;
  for (const { pts, at } of arrivals) {
    const lateness = at - (ttff + pts);
    if (lateness > 0) lateFrames++;
    bufferMs = Math.max(bufferMs, lateness);
  }
  return {
    ttfaMs: ttfa,
    ttffMs: ttff,
    wallMs,
    audioMs,
    frames: arrivals.length,
    lateFrames,
    bufferMs,
  };
}

/**
 * The seed's way, timed to its first frame: the whole utterance synthesized
 * to a WAV file (`POST /v1/tts`, written and read back), then lip-synced
 * (`POST /v1/lipsync`). Returns ms from the request to the first JPEG.
 */
async function fileThenVideo(
  base: string,
  voice: string,
  dir: string,
): Promise<number> {
  const started = performance.now();
  const tts = await fetch(`${base}/v1/tts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      text: TEXT,
      voice,
      format: "wav",
      speed: speedOf(voice),
    }),
  });
  if (tts.status !== 200) throw new Error(await tts.text());
  const path = `${dir}/speech.wav`;
  await Deno.writeFile(path, new Uint8Array(await tts.arrayBuffer()));
  const wav = await Deno.readFile(path);
  const response = await fetch(`${base}/v1/lipsync?avatar=demo`, {
    method: "POST",
    headers: { "Content-Type": "audio/wav" },
    body: wav,
  });
  if (response.status !== 200) throw new Error(await response.text());
  const decoder = new TextDecoder("latin1");
  let ttff = NaN;
  for await (const bytes of response.body!) {
    if (Number.isNaN(ttff) && decoder.decode(bytes).includes("image/jpeg")) {
      ttff = performance.now() - started;
    }
  }
  return ttff;
}

async function lipFrames(base: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (
    const match of text.matchAll(
      /^lipstream_lip_frames_total\{kind="(\w+)"\} (\d+)$/gm,
    )
  ) counts[match[1]!] = Number(match[2]);
  return counts;
}

function percentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface ModelResult {
  name: string;
  /** Utterances at once. */
  streams: number;
  model: string;
  voice: string;
  env: Record<string, string>;
  runs: Utterance[];
  lipFrames: Record<string, number>;
  summary: Record<string, number>;
}

async function measure(
  name: string,
  model: string,
  env: Record<string, string>,
  voice = "fixture_vits",
): Promise<ModelResult> {
  const [result] = await measureOnOneServer(model, env, [{ name, voice }]);
  return result!;
}

/**
 * Rows that differ only in the voice, measured one after the other on one
 * server (one start and model warm-up instead of one per row).
 */
async function measureOnOneServer(
  model: string,
  env: Record<string, string>,
  rows: readonly { name: string; voice: string; streams?: number }[],
): Promise<ModelResult[]> {
  return await withServer({ WAV2LIP_MODEL: model, ...env }, async (base) => {
    const results: ModelResult[] = [];
    for (const { name, voice, streams } of rows) {
      results.push(
        await measureRow(base, name, model, env, voice, streams ?? 1),
      );
    }
    return results;
  });
}

/**
 * One row: a warm-up, {@linkcode RUNS} rounds of `streams` utterances at
 * once (every utterance of every round counts), and, for a single stream,
 * the file-then-video runs.
 */
async function measureRow(
  base: string,
  name: string,
  model: string,
  env: Record<string, string>,
  voice: string,
  streams: number,
): Promise<ModelResult> {
  // Warm: the server warmed its models up at start on one short utterance; the whole text
  // once more, so the runs meet no window or batch shape for the first time (with one
  // sentence only, the first run's TTFA was 233 ms against 95 ms for the second).
  await speak(base, voice);
  const before = await lipFrames(base);
  const runs: Utterance[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(
      ...await Promise.all(
        Array.from({ length: streams }, () => speak(base, voice)),
      ),
    );
  }
  const after = await lipFrames(base);
  const frames = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]),
  );
  const dir = await Deno.makeTempDir({ prefix: "lipstream-bench-" });
  const fileTtff: number[] = [];
  try {
    for (let i = 0; i < (streams === 1 ? FILE_RUNS : 0); i++) {
      fileTtff.push(await fileThenVideo(base, voice, dir));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  const p = (key: keyof Utterance, q: number) =>
    Math.round(percentile(runs.map((r) => r[key]), q));
  const media = runs.map((r) => r.audioMs / r.wallMs);
  const summary = {
    ttfa_p50_ms: p("ttfaMs", 0.5),
    ttfa_p95_ms: p("ttfaMs", 0.95),
    ttff_p50_ms: p("ttffMs", 0.5),
    ttff_p95_ms: p("ttffMs", 0.95),
    media_s_per_wall_s_p50: Math.round(percentile(media, 0.5) * 100) / 100,
    late_frames_p50: p("lateFrames", 0.5),
    buffer_needed_p50_ms: p("bufferMs", 0.5),
    audio_s: Math.round(runs[0]!.audioMs) / 1000,
    ...(fileTtff.length > 0
      ? { file_then_video_ttff_p50_ms: Math.round(percentile(fileTtff, 0.5)) }
      : {}),
  };
  console.error(`bench: ${name}: ${JSON.stringify({ ...summary, frames })}`);
  return {
    name,
    model,
    voice,
    env,
    streams,
    runs,
    lipFrames: frames,
    summary,
  };
}

/**
 * `/proc/cpuinfo`, read by `cat`: Deno refuses `/proc` files to
 * `--allow-read` alone ("Requires all access", denoland/deno#25055 and
 * #30779), and this task runs without `--allow-all`; `--allow-run` it has.
 * Empty where there is no such file.
 */
async function cpuinfo(): Promise<string> {
  try {
    const { success, stdout } = await new Deno.Command("cat", {
      args: ["/proc/cpuinfo"],
      stdout: "piped",
      stderr: "null",
    }).output();
    return success ? new TextDecoder().decode(stdout) : "";
  } catch {
    return "";
  }
}

async function machine(): Promise<Record<string, unknown>> {
  const info = await cpuinfo();
  const flags = /^flags\s*: (.*)$/m.exec(info)?.[1]?.split(" ") ?? [];
  return {
    cpu: /model name\s*: (.*)/.exec(info)?.[1] ?? "unknown CPU",
    cores: navigator.hardwareConcurrency,
    avx512_vnni: flags.includes("avx512_vnni"),
    load_average_at_start: Deno.loadavg().map((x) => x.toFixed(1)).join(" "),
    deno: Deno.version.deno,
  };
}

if (import.meta.main) {
  const benchStarted = performance.now();
  await ensureRealModel();
  await ensureRealVoice();
  await buildRepository();
  const host = await machine();
  const command = `bash scripts/deno.sh task bench${QUICK ? " --quick" : ""}`;
  const results = [
    await measure(
      "fixture lip model (pipeline overhead)",
      "fixture_wav2lip",
      {},
    ),
    // The real-size Wav2Lip with the fixture voice, then with the original-size VITS: the
    // issue's real-time goal, both real sizes in one server (the same server: one start).
    ...await measureOnOneServer("wav2lip", {}, [
      { name: "real-size Wav2Lip, random weights", voice: "fixture_vits" },
      {
        name:
          "real-size Wav2Lip + original-size VITS (streaming), random weights",
        voice: REAL_VOICE,
      },
    ]),
    // The lever and before rows, the overload row and the one with the policy off
    // (all skipped by --quick).
    ...(QUICK ? [] : [
      // Lever: both cores for the lip model (the default leaves one to the voice).
      await measure(
        "real-size Wav2Lip, ORT_LIP_INTRA_OP_THREADS=2",
        "wav2lip",
        { ORT_LIP_INTRA_OP_THREADS: "2" },
      ),
      // Before: a first decoder window of 8 frames (the default until 2026-12-03), shorter
      // than the audio the first lip frame needs, which then waits for the second window.
      await measure(
        "real-size Wav2Lip + original-size VITS, VITS_FIRST_WINDOW_FRAMES=8",
        "wav2lip",
        { VITS_FIRST_WINDOW_FRAMES: "8" },
        REAL_VOICE,
      ),
      // Before: one ONNX Runtime worker for both models (the default until
      // 2026-12-03), so a Wav2Lip batch waits behind the next sentence's VITS.
      await measure(
        "real-size Wav2Lip + original-size VITS, ORT_WORKERS=1 (one shared worker)",
        "wav2lip",
        { ORT_WORKERS: "1" },
        REAL_VOICE,
      ),
      // Before (the split's first form): one intra-op thread per worker and
      // ONNX Runtime's spinning, where the default now gives the voice worker
      // both cores, the lip worker one, and no spinning.
      await measure(
        "real-size Wav2Lip + original-size VITS, ORT_INTRA_OP_THREADS=1 ORT_LIP_INTRA_OP_THREADS=1 ORT_SPINNING=true",
        "wav2lip",
        {
          ORT_INTRA_OP_THREADS: "1",
          ORT_LIP_INTRA_OP_THREADS: "1",
          ORT_SPINNING: "true",
        },
        REAL_VOICE,
      ),
      // Overload: two streams at once on the 2 cores, both real sizes.
      ...await measureOnOneServer("wav2lip", {}, [{
        name:
          "real-size Wav2Lip + original-size VITS, 2 streams at once (per stream)",
        voice: REAL_VOICE,
        streams: 2,
      }]),
      // Every frame rendered: the stream falls behind its audio.
      await measure(
        "real-size Wav2Lip, LIPSYNC_DEADLINE_MS=off (every frame rendered)",
        "wav2lip",
        { LIPSYNC_DEADLINE_MS: "off" },
      ),
    ]),
  ];
  const profileRuns = QUICK ? 1 : 3;
  const profiles: { name: string; profile: StageProfile }[] = [];
  for (
    const [name, model, workers, voice] of [
      [
        "real-size Wav2Lip + original-size VITS, workers (default)",
        "wav2lip",
        1,
        REAL_VOICE,
      ],
      // The lip models alone, then everything on the server thread (skipped by --quick).
      ...(QUICK ? [] : [
        ["fixture lip model, workers (default)", "fixture_wav2lip", 1],
        ["real-size Wav2Lip, workers (default)", "wav2lip", 1],
        [
          "fixture lip model, FRAME_WORKERS=0 TEXT_WORKERS=0",
          "fixture_wav2lip",
          0,
        ],
        ["real-size Wav2Lip, FRAME_WORKERS=0 TEXT_WORKERS=0", "wav2lip", 0],
      ] as const),
    ] as const
  ) {
    const profile = await profileStages({
      repository: REPOSITORY,
      model,
      voice: voice ?? "fixture_vits",
      voicesDir: VOICES,
      avatar: "demo",
      text: TEXT,
      speed: speedOf(voice ?? "fixture_vits"),
      runs: profileRuns,
      workers,
      deadlineSlackMs: 250,
    });
    console.error(`bench: stages, ${name}: ${JSON.stringify(profile)}`);
    profiles.push({ name, profile });
  }
  const audioSeconds = results[0]!.summary.audio_s ?? 6;
  const handoff = await measureHandoff(PYTHON, audioSeconds, QUICK ? 5 : 11);
  console.error(`bench: hand-off: ${JSON.stringify(handoff)}`);
  await Deno.mkdir("bench", { recursive: true });
  await Deno.writeTextFile(
    "bench/stages.svg",
    stagePlot(
      `Per-stage latency, p50 and p95 ms (deno task bench, ${
        new Date().toISOString().slice(0, 10)
      })`,
      STAGES,
      profiles.map(({ name, profile }) => ({ name, stages: profile.stages })),
    ),
  );
  const report = {
    date: new Date().toISOString(),
    command,
    /** Wall time of the whole bench, model builds included. */
    seconds: Math.round((performance.now() - benchStarted) / 1000),
    machine: {
      ...host,
      load_average_at_end: (await machine()).load_average_at_start,
    },
    text_sentences: 5,
    voices:
      `fixture_vits (tone fixture, pipeline overhead) and ${REAL_VOICE} (the original VITS size, random weights: real cost, noise for sound)`,
    runs_per_model: RUNS,
    results,
    stage_profile_runs: profileRuns,
    stage_profiles: profiles,
    handoff,
  };
  await Deno.writeTextFile(
    "bench/results.json",
    JSON.stringify(report, null, 2) + "\n",
  );
  const rows = results.map(({ name, summary: s, lipFrames: f }) =>
    `| ${name} | ${s.ttfa_p50_ms} / ${s.ttfa_p95_ms} | ${s.ttff_p50_ms} / ${s.ttff_p95_ms} | ${
      s.file_then_video_ttff_p50_ms ?? "—"
    } | ${s.media_s_per_wall_s_p50} | ${s.late_frames_p50} | ${s.buffer_needed_p50_ms} | ${
      f.rendered ?? 0
    } / ${f.held ?? 0} / ${f.silent ?? 0} |`
  );
  const section = [
    "<!-- bench:begin (generated by `deno task bench`; do not edit) -->",
    "",
    `Generated ${report.date} by \`${command}\` (${report.seconds} s) on ${host.cpu}, ${host.cores} cores${
      host.avx512_vnni ? " with AVX-512 VNNI" : ""
    } (load average ${host.load_average_at_start} at start, ${report.machine.load_average_at_end} at end: the machine is shared, so absolute times vary between runs). A 5-sentence text (${
      results[0]!.summary.audio_s
    } s of audio) with the fixture voice unless the row names the original-size VITS (asked for speed ${REAL_VOICE_SPEED}: its untrained duration predictor draws about five times a trained voice's durations, so at speed 1 it would speak this text for about 29 s; the cost per second of audio does not change with the rate), ${RUNS} warm runs per row, embedded ONNX Runtime with the server's default workers (on 2 or more cores two: one for the voice, one for the lip model) unless the row names other settings. The real-size Wav2Lip and the original-size VITS have the real architectures and random weights (their speed is real, their faces and sound are noise).`,
    "",
    "| lip model | TTFA p50 / p95 ms | TTFF p50 / p95 ms | file-then-video TTFF p50 ms | media s per wall s | late frames | buffer for no late frame, ms | frames rendered / held / silent |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    "Late frames count frames that arrive after their PTS on a clock started at the first frame. Goals: media s per wall s ≥ 1.0, TTFA ≤ 250 ms, TTFF ≤ TTFA + 150 ms. File-then-video is the seed's order on the same server: the whole text to one WAV (`POST /v1/tts`), written to a file and read back, then `POST /v1/lipsync`; its first frame waits for all of the audio.",
    "",
    `Audio hand-off from speech to lip-sync on ${handoff.seconds} s at ${handoff.rateHz} Hz (median of ${
      QUICK ? 5 : 11
    } runs; \`scripts/handoff_bench.ts\`): the seed's reference path (scipy \`wavfile.write\`, read back, \`resample_poly\` to 16 kHz, Wav2Lip's mel in numpy) **${
      handoff.referenceMs.toFixed(1)
    } ms** (of which the file round trip ${
      handoff.referenceFileMs.toFixed(1)
    } ms); ours (the Float32Array in memory to the streaming resampler and mel) **${
      handoff.oursMs.toFixed(1)
    } ms**, ${
      (handoff.oursMs / handoff.referenceMs).toFixed(2)
    }× the reference's time for the same work. The file round trip itself costs little here (page cache); what the file costs is the order: the reference's first frame waits for the whole text's audio (the file-then-video column above), ours for the first sentence's.`,
    "",
    `Per-stage profile, p50 / p95 ms (${profileRuns} warm utterance${
      profileRuns === 1 ? "" : "s"
    } of the same text per row, one at a time, in the bench's own process through the server's modules; \`scripts/stage_profile.ts\`). Synthesis is per sentence (text front end + VITS), model per batch (wall time, on the ONNX Runtime worker), mel per call, batch, paste and JPEG per frame or batch where they ran, write per part (WAV encode or part framing). The last column is how late a 10 ms timer on the server thread fired meanwhile: the delay an unrelated request would see.`,
    "",
    `| run | ${
      STAGES.join(" | ")
    } | server-thread timer delay p50 / p95 / max | frames rendered / held / silent |`,
    `| --- | ${STAGES.map(() => "---:").join(" | ")} | ---: | ---: |`,
    ...profiles.map(({ name, profile: p }) =>
      `| ${name} | ${
        STAGES.map((stage) => `${p.stages[stage].p50} / ${p.stages[stage].p95}`)
          .join(" | ")
      } | ${p.loopDelay.p50} / ${p.loopDelay.p95} / ${p.loopDelay.max} | ${p.frames.rendered} / ${p.frames.held} / ${p.frames.silent} |`
    ),
    "",
    "",
    "![Per-stage latency](bench/stages.svg)",
    "",
    "<!-- bench:end -->",
  ].join("\n");
  const doc = await Deno.readTextFile("BENCHMARKS.md");
  const pattern = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
  await Deno.writeTextFile(
    "BENCHMARKS.md",
    pattern.test(doc) ? doc.replace(pattern, section) : doc.replace(
      /\n## /,
      `\n## Real-size models (deno task bench)\n\n${section}\n\n## `,
    ),
  );
  console.error("bench: wrote bench/results.json and BENCHMARKS.md");
}
