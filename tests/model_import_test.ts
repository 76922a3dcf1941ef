/**
 * `deno task models:import` end to end, on models generated here with the project's contracts
 * (fixtures, not real voices or faces) in the layouts other exporters produce: a Wav2Lip with
 * other tensor names and a fixed batch of 1, a VITS export with scalar scale inputs, a Piper voice
 * dropped into the voices folder; and, with the project's Python environment, a random-weight
 * Wav2Lip-GAN checkpoint through the real exporter. Each is imported with the real command (a
 * subprocess), served by the embedded server and by the split topology (`deno task inference`'s
 * entry point as a process, the edge over KServe HTTP), and spoken through `/v1/speak`.
 * Readiness is checked on deliberately broken models with real ONNX Runtime sessions, and bad
 * input must give one line, a non-zero exit and nothing written. Needs `deno task setup` (the
 * demo avatar).
 */
import assert from "node:assert/strict";
import { decodeWavMono } from "@lipstream/shared";
import { parseMultipartStream } from "@remix-run/multipart-parser";
import {
  addWav2lipInputs,
  buildFixtureVitsModel,
  buildFixtureWav2lipModel,
  fixtureVitsVoiceConfig,
  OnnxGraphBuilder,
} from "@lipstream/inference/fixtures";
import { checkModelRepository } from "@lipstream/inference/model_config";
import { havePythonExport, runPython } from "./support/python_export.ts";
import { withEdgeServer } from "./support/edge_server.ts";
import {
  firstLipFrameWindow,
  VITS_HOP_SAMPLES,
} from "../edge/speech/first_window.ts";

const MAIN =
  new URL("../inference/model_import/import_main.ts", import.meta.url)
    .pathname;

async function importCli(args: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN, ...args],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  return {
    code: output.code,
    stdout: new TextDecoder().decode(output.stdout),
    stderr: new TextDecoder().decode(output.stderr),
  };
}

async function listTree(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      names.push(entry.name);
      if (entry.isDirectory) {
        for (const inner of await listTree(`${dir}/${entry.name}`)) {
          names.push(`${entry.name}/${inner}`);
        }
      }
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return names.sort();
}

/** A Wav2Lip-contract model that declares a variable batch but only runs batch 1. */
function batchOneOnlyWav2lip(): Uint8Array {
  const g = new OnnxGraphBuilder("batch_one_only");
  const { reference } = addWav2lipInputs(g);
  const output = g.op("Reshape", [reference, g.ints("one", [1, 3, 96, 96])]);
  g.output(output, "output", "FP32", ["batch", 3, 96, 96]);
  return g.encode();
}

interface Fixture {
  root: string;
  repository: string;
  voices: string;
  files: string;
}

async function fixtureFiles(): Promise<Fixture> {
  const root = await Deno.makeTempDir({ prefix: "lipstream-import-test-" });
  const files = `${root}/in`;
  await Deno.mkdir(files);
  await Deno.writeFile(
    `${files}/lips.onnx`,
    buildFixtureWav2lipModel({}, {
      mel: "audio_sequences",
      face: "face_sequences",
      output: "pred",
      batch: 1,
    }),
  );
  await Deno.writeFile(
    `${files}/fast.onnx`,
    buildFixtureVitsModel({}, { scalarScales: true, ids: "x" }),
  );
  await Deno.writeFile(`${files}/piper.onnx`, buildFixtureVitsModel());
  await Deno.writeTextFile(
    `${files}/voice.onnx.json`,
    JSON.stringify(fixtureVitsVoiceConfig()),
  );
  return {
    root,
    files,
    repository: `${root}/models`,
    voices: `${root}/voices`,
  };
}

async function readParts(response: Response) {
  assert.equal(response.status, 200, await response.clone().text());
  const boundary = /boundary=(\S+)$/.exec(
    response.headers.get("content-type") ?? "",
  )?.[1];
  assert.ok(boundary);
  const parts: { type: string; bytes: Uint8Array }[] = [];
  for await (const part of parseMultipartStream(response.body!, { boundary })) {
    parts.push({ type: part.headers["content-type"] ?? "", bytes: part.bytes });
  }
  return parts;
}

/** Imports the fixture lip model as `wav2lip` into `f`'s folders; it must succeed. */
async function importFixtureLips(f: Fixture) {
  const lips = await importCli([
    "onnx",
    "--onnx",
    `${f.files}/lips.onnx`,
    "--name",
    "wav2lip",
    "--repository",
    f.repository,
    "--voices",
    f.voices,
  ]);
  assert.equal(lips.code, 0, lips.stderr);
  return lips;
}

/** Runs `run` with fresh fixture files, removed afterwards whatever happens. */
async function withFixtureFiles(
  run: (f: Fixture) => Promise<void>,
): Promise<void> {
  const f = await fixtureFiles();
  try {
    await run(f);
  } finally {
    await Deno.remove(f.root, { recursive: true });
  }
}

/** Speaks with `voice`; checks a WAV part and ceil(n·fps/rate) JPEG frames arrive. */
async function speak(base: string, voice: string): Promise<void> {
  const response = await fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      text: "Hello there. Goodbye!",
      voice,
      avatar: "demo",
      audio_format: "float32",
    }),
  });
  const parts = await readParts(response);
  const wavs = parts.filter((p) => p.type === "audio/wav");
  const jpegs = parts.filter((p) => p.type === "image/jpeg");
  assert.ok(wavs.length >= 1, `${voice}: no WAV part`);
  // float32 WAV: 44-byte canonical header plus a fact chunk is not used by encodeWav; read the data size.
  let samples = 0;
  for (const wav of wavs) {
    const view = new DataView(wav.bytes.buffer, wav.bytes.byteOffset);
    let offset = 12;
    while (offset + 8 <= wav.bytes.length) {
      const id = new TextDecoder().decode(
        wav.bytes.subarray(offset, offset + 4),
      );
      const size = view.getUint32(offset + 4, true);
      if (id === "data") {
        samples += size / 4;
        break;
      }
      offset += 8 + size + (size % 2);
    }
  }
  assert.ok(samples > 0);
  assert.equal(jpegs.length, Math.ceil(samples * 25 / 22050), voice);
  assert.deepEqual([...jpegs[0]!.bytes.subarray(0, 2)], [0xff, 0xd8]);
}

function withEdge(
  env: Record<string, string>,
  run: (base: string) => Promise<void>,
): Promise<void> {
  return withEdgeServer(
    { AVATARS_DIR: "generated/avatars", ...env },
    (base) => run(base),
  );
}

const INFERENCE_MAIN = new URL("../inference/server/main.ts", import.meta.url)
  .pathname;

/** Runs `deno task inference`'s entry point on `repository` (a free port) while `run` runs. */
async function withInferenceServer(
  repository: string,
  run: (url: string) => Promise<void>,
): Promise<void> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", INFERENCE_MAIN],
    env: { PORT: "0", HOST: "127.0.0.1", MODEL_REPOSITORY: repository },
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  try {
    const reader = child.stdout.pipeThrough(new TextDecoderStream())
      .getReader();
    let text = "";
    let url: string | undefined;
    while (url === undefined) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`inference server exited: ${text}`);
      text += value;
      url = / on (http:\/\/[^\s]+)/.exec(text)?.[1];
    }
    reader.releaseLock();
    child.stdout.pipeTo(new WritableStream()).catch(() => {});
    await run(url);
  } finally {
    child.kill("SIGINT");
    await child.status;
  }
}

async function readyz(base: string) {
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: await response.json() };
}

Deno.test("models:import onnx + piper, a dropped-in Piper voice, served embedded and split, spoken end to end", async () => {
  await withFixtureFiles(async (f) => {
    const target = ["--repository", f.repository, "--voices", f.voices];
    const lips = await importFixtureLips(f);
    assert.match(
      lips.stdout,
      /max_batch_size 0, KIND_CPU; inputs audio_sequences \[1,1,80,16\]/,
    );
    const fast = await importCli([
      "piper",
      "--onnx",
      `${f.files}/fast.onnx`,
      "--config",
      `${f.files}/voice.onnx.json`,
      "--name",
      "fast",
      "--gpu",
      ...target,
    ]);
    assert.equal(fast.code, 0, fast.stderr);
    // A Piper voice dropped in as name.onnx + name.onnx.json, no import step.
    await Deno.copyFile(`${f.files}/piper.onnx`, `${f.voices}/amy.onnx`);
    await Deno.copyFile(
      `${f.files}/voice.onnx.json`,
      `${f.voices}/amy.onnx.json`,
    );

    assert.deepEqual(await listTree(f.repository), [
      "fast",
      "fast/1",
      "fast/1/model.onnx",
      "fast/config.pbtxt",
      "wav2lip",
      "wav2lip/1",
      "wav2lip/1/model.onnx",
      "wav2lip/config.pbtxt",
    ]);
    assert.deepEqual(await listTree(f.voices), [
      "amy.onnx",
      "amy.onnx.json",
      "fast",
      "fast/lipstream.json",
      "fast/model.onnx.json",
    ]);
    assert.match(
      await Deno.readTextFile(`${f.repository}/fast/config.pbtxt`),
      /kind: KIND_GPU/,
    );
    for (const check of await checkModelRepository(f.repository)) {
      assert.equal(check.status, "ok", check.problems.join("; "));
    }

    const env = { MODEL_REPOSITORY: f.repository, VOICES_DIR: f.voices };
    await withEdge(env, async (base) => {
      const ready = await readyz(base);
      assert.equal(ready.status, 200, JSON.stringify(ready.body));
      assert.equal(ready.body.degraded, undefined);
      assert.match(ready.body.checks["model:wav2lip"].detail, /answered/);
      await speak(base, "fast");
      await speak(base, "amy");
    });

    // The split topology: `deno task inference` (its entry point, a process of its own) on the
    // same repository, the edge over KServe HTTP.
    await withInferenceServer(f.repository, async (url) => {
      await withEdge({ ...env, TRITON_URL: url }, async (base) => {
        // Triton serves only its repository: the dropped-in voice is named, the rest serve.
        const ready = await readyz(base);
        assert.equal(ready.status, 200, JSON.stringify(ready.body));
        assert.deepEqual(ready.body.degraded, ["amy"]);
        assert.equal(ready.body.checks["model:amy"].ok, false);
        await speak(base, "fast");
      });
    });
  });
});

Deno.test("readiness: a model that loads but cannot serve the edge's calls is named with the reason; the rest keep serving", async () => {
  await withFixtureFiles(async (f) => {
    await Deno.mkdir(f.voices, { recursive: true });
    const config = JSON.stringify(fixtureVitsVoiceConfig());
    // An input with no role: ONNX Runtime loads it and its own warm-up passes.
    await Deno.writeFile(
      `${f.voices}/odd.onnx`,
      buildFixtureVitsModel({}, { extraInput: "emotion" }),
    );
    await Deno.writeTextFile(`${f.voices}/odd.onnx.json`, config);
    await Deno.copyFile(`${f.files}/piper.onnx`, `${f.voices}/good.onnx`);
    await Deno.writeTextFile(`${f.voices}/good.onnx.json`, config);
    // A lip model that runs batch 1 (its load-time warm-up) but not the 4 frames the edge sends.
    await Deno.mkdir(`${f.root}/broken`);
    await Deno.writeFile(`${f.root}/broken/lips.onnx`, batchOneOnlyWav2lip());
    const imported = await importCli([
      "onnx",
      "--onnx",
      `${f.root}/broken/lips.onnx`,
      "--name",
      "wav2lip",
      "--repository",
      f.repository,
      "--voices",
      f.voices,
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    const env = { MODEL_REPOSITORY: f.repository, VOICES_DIR: f.voices };
    await withEdge(env, async (base) => {
      const { status, body } = await readyz(base);
      assert.equal(status, 503);
      assert.equal(body.checks["model:wav2lip"].ok, false);
      assert.match(
        body.checks["model:wav2lip"].detail,
        /failed a test inference/,
      );
      assert.equal(body.checks["model:odd"].ok, false);
      assert.match(
        body.checks["model:odd"].detail,
        /input 'emotion'.*has no role/,
      );
      assert.equal(body.checks["model:good"].ok, true);
    });
    // The same voices with a working lip model: ready, the odd voice named as degraded.
    await Deno.writeFile(
      `${f.repository}/wav2lip/1/model.onnx`,
      buildFixtureWav2lipModel(),
    );
    await withEdge(env, async (base) => {
      const { status, body } = await readyz(base);
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body.degraded, ["odd"]);
      await speak(base, "good");
    });
  });
});

Deno.test("models:import refuses bad input with one line, a non-zero exit and nothing written", async () => {
  await withFixtureFiles(async (f) => {
    await Deno.writeFile(
      `${f.files}/single.onnx`,
      buildFixtureVitsModel({}, { speaker: false }),
    );
    await Deno.writeFile(
      `${f.files}/odd.onnx`,
      buildFixtureVitsModel({}, { extraInput: "emotion" }),
    );
    await Deno.writeTextFile(`${f.files}/broken.onnx`, "not a model");
    await Deno.writeFile(
      `${f.files}/small_vocabulary.onnx`,
      buildFixtureVitsModel({}, { embeddingRows: 40 }),
    );
    await Deno.writeFile(
      `${f.files}/vocabulary.onnx`,
      buildFixtureVitsModel({}, { embeddingRows: 256 }),
    );
    const target = ["--repository", f.repository, "--voices", f.voices];
    const cases: [string[], RegExp][] = [
      [
        ["tts", "--onnx", "x"],
        /unknown kind 'tts': expected one of wav2lip, vits, piper, onnx/,
      ],
      [[
        "piper",
        "--onnx",
        `${f.files}/missing.onnx`,
        "--config",
        `${f.files}/voice.onnx.json`,
        "--name",
        "v",
      ], /--onnx: no such file '.*missing\.onnx'/],
      [
        ["wav2lip", "--checkpoint", `${f.files}/missing.pth`],
        /--checkpoint: no such file/,
      ],
      [[
        "piper",
        "--onnx",
        `${f.files}/lips.onnx`,
        "--config",
        `${f.files}/voice.onnx.json`,
        "--name",
        "v",
      ], /is a Wav2Lip model, not a voice/],
      [[
        "piper",
        "--onnx",
        `${f.files}/single.onnx`,
        "--config",
        `${f.files}/voice.onnx.json`,
        "--name",
        "v",
      ], /lists 2 speakers but the model has no speaker input \(sid\)/],
      [[
        "onnx",
        "--onnx",
        `${f.files}/odd.onnx`,
        "--config",
        `${f.files}/voice.onnx.json`,
        "--name",
        "v",
      ], /unknown tensor layout .*input 'emotion'/],
      [
        ["onnx", "--onnx", `${f.files}/broken.onnx`, "--name", "v"],
        /is not an ONNX model/,
      ],
      [
        ["onnx", "--onnx", `${f.files}/piper.onnx`, "--name", "v"],
        /is a voice model: give its config with --config/,
      ],
      [[
        "piper",
        "--onnx",
        `${f.files}/piper.onnx`,
        "--config",
        `${f.files}/lips.onnx`,
        "--name",
        "v",
      ], /--config: '.*lips\.onnx' is not JSON/],
      [
        ["onnx", "--onnx", `${f.files}/lips.onnx`, "--name", "../up"],
        /--name '\.\.\/up' is not a valid model name/,
      ],
      [
        ["wav2lip", "--checkpoint", `${f.files}/lips.onnx`, "--fp16", "--int8"],
        /choose one of --fp16 and --int8/,
      ],
      [
        ["piper", "--onnx", `${f.files}/piper.onnx`, "--name", "v"],
        /piper needs --config/,
      ],
    ];
    for (const [args, pattern] of cases) {
      const result = await importCli([...args, ...target]);
      assert.equal(result.code, 1, args.join(" "));
      const lines = result.stderr.trim().split("\n");
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0]!, /^models:import: /);
      assert.match(lines[0]!, pattern);
      assert.deepEqual(await listTree(f.repository), [], args.join(" "));
      assert.deepEqual(await listTree(f.voices), [], args.join(" "));
    }
    // A config whose symbols fit the model's embedding imports.
    const fits = await importCli([
      "piper",
      "--onnx",
      `${f.files}/vocabulary.onnx`,
      "--config",
      `${f.files}/voice.onnx.json`,
      "--name",
      "v",
      "--repository",
      `${f.root}/other`,
      "--voices",
      `${f.root}/other_voices`,
    ]);
    assert.equal(fits.code, 0, fits.stderr);
    // An existing model is not replaced without --force, and is replaced whole with it.
    const args = [
      "onnx",
      "--onnx",
      `${f.files}/lips.onnx`,
      "--name",
      "lips",
      ...target,
    ];
    assert.equal((await importCli(args)).code, 0);
    const again = await importCli(args);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists \(add --force to replace it\)/);
    assert.equal((await importCli([...args, "--force"])).code, 0);
    assert.deepEqual(await listTree(f.repository), [
      "lips",
      "lips/1",
      "lips/1/model.onnx",
      "lips/config.pbtxt",
    ]);
    const help = await importCli(["--help"]);
    assert.equal(help.code, 0);
    assert.match(
      help.stdout,
      /vits --checkpoint G\.pth --config config\.json --name NAME/,
    );
  });
});

const PYTHON_READY = await havePythonExport();

Deno.test({
  name:
    "models:import wav2lip: a random-weight Wav2Lip-GAN checkpoint is exported, verified, imported and spoken through (embedded and split)",
  ignore: !PYTHON_READY,
  sanitizeResources: false,
  async fn() {
    await withFixtureFiles(async (f) => {
      const checkpoint = `${f.files}/wav2lip_gan.pth`;
      const made = await runPython("infra/export/make_random_checkpoint.py", [
        "wav2lip",
        "--out",
        checkpoint,
      ]);
      assert.equal(made.code, 0, made.stderr);
      const target = ["--repository", f.repository, "--voices", f.voices];
      const lips = await importCli([
        "wav2lip",
        "--checkpoint",
        checkpoint,
        ...target,
      ]);
      assert.equal(lips.code, 0, lips.stderr);
      const diff =
        /verified against PyTorch: max \|PyTorch - ONNX\| = (\S+) \(tolerance 0\.0001, fp32\)/
          .exec(lips.stdout);
      assert.ok(diff, lips.stdout);
      assert.ok(Number(diff[1]) <= 1e-4);
      console.log(`models:import wav2lip (random weights): ${diff[0]}`);
      assert.match(
        lips.stdout,
        /wav2lip\/config\.pbtxt .*max_batch_size 64, dynamic batching/,
      );
      const voice = await importCli([
        "piper",
        "--onnx",
        `${f.files}/piper.onnx`,
        "--config",
        `${f.files}/voice.onnx.json`,
        "--name",
        "tone",
        ...target,
      ]);
      assert.equal(voice.code, 0, voice.stderr);
      const env = { MODEL_REPOSITORY: f.repository, VOICES_DIR: f.voices };
      await withEdge(env, async (base) => {
        const ready = await readyz(base);
        assert.equal(ready.status, 200, JSON.stringify(ready.body));
        await speak(base, "tone");
      });
      await withInferenceServer(f.repository, async (url) => {
        await withEdge({ ...env, TRITON_URL: url }, async (base) => {
          assert.equal((await readyz(base)).status, 200);
          await speak(base, "tone");
        });
      });
      // A corrupt checkpoint: the exporter's one line, nothing more written.
      await Deno.writeTextFile(`${f.files}/corrupt.pth`, "not a checkpoint");
      const bad = await importCli([
        "wav2lip",
        "--checkpoint",
        `${f.files}/corrupt.pth`,
        "--name",
        "bad",
        ...target,
      ]);
      assert.equal(bad.code, 1);
      const lines = bad.stderr.trim().split("\n").filter((line) =>
        line.startsWith("models:import:")
      );
      assert.equal(lines.length, 1, bad.stderr);
      assert.doesNotMatch(bad.stderr, /Traceback/);
      assert.deepEqual(
        (await listTree(f.repository)).filter((p) => !p.includes("/")),
        ["tone", "wav2lip"],
      );
    });
  },
});

/** VITS-fast-fine-tuning's `finetune_speaker.json` layout, at a REDUCED size so CI fits (64
 * channels, 2 attention layers; parameter names and structure are the real ones): `speakers` as a
 * list (as 15 of its 19 base configs ship it), cjke_cleaners2 symbols, a speaker table. */
const VITS_FAST_REDUCED = {
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
    text_cleaners: ["cjke_cleaners2"],
    n_speakers: 2,
  },
  model: {
    inter_channels: 64,
    hidden_channels: 64,
    filter_channels: 128,
    n_heads: 2,
    n_layers: 2,
    kernel_size: 3,
    p_dropout: 0.1,
    resblock: "1",
    resblock_kernel_sizes: [3, 7, 11],
    resblock_dilation_sizes: [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
    upsample_rates: [8, 8, 2, 2],
    upsample_initial_channel: 64,
    upsample_kernel_sizes: [16, 16, 4, 4],
    n_layers_q: 3,
    use_spectral_norm: false,
    gin_channels: 32,
  },
  symbols: [
    ..."_,.!?-~…NQabdefghijklmnopstuvwxyzɑæʃʑçɯɪɔɛɹðəɫɥɸʊɾʒθβŋɦ⁼ʰ`^#*=ˈˌ→↓↑ ",
  ],
  speakers: ["dingzhen", "taffy"],
};

Deno.test({
  name:
    "models:import vits: a random-weight VITS-fast-fine-tuning checkpoint (speakers list, streaming pair) is exported, verified, imported and spoken through",
  ignore: !PYTHON_READY,
  sanitizeResources: false,
  async fn() {
    await withFixtureFiles(async (f) => {
      const config = `${f.files}/finetune_speaker.json`;
      await Deno.writeTextFile(config, JSON.stringify(VITS_FAST_REDUCED));
      const checkpoint = `${f.files}/G_latest.pth`;
      const made = await runPython("infra/export/make_random_checkpoint.py", [
        "vits",
        "--config",
        config,
        "--out",
        checkpoint,
        "--format",
        "vits-fast",
      ]);
      assert.equal(made.code, 0, made.stderr);
      const target = ["--repository", f.repository, "--voices", f.voices];
      const voice = await importCli([
        "vits",
        "--checkpoint",
        checkpoint,
        "--config",
        config,
        "--name",
        "myvoice",
        "--streaming",
        ...target,
      ]);
      assert.equal(voice.code, 0, voice.stderr);
      const diff = /max \|PyTorch - ONNX\| = (\S+) \(tolerance 0\.0001, fp32\)/
        .exec(voice.stdout);
      assert.ok(diff, voice.stdout);
      assert.ok(Number(diff[1]) <= 1e-4);
      console.log(`models:import vits (random weights, reduced): ${diff[0]}`);
      assert.deepEqual(
        (await listTree(f.repository)).filter((p) => !p.includes("/")).sort(),
        ["myvoice", "myvoice_decoder", "myvoice_encoder"],
      );
      const checks = await checkModelRepository(f.repository);
      assert.deepEqual(
        checks.map((check) => check.status),
        ["ok", "ok", "ok"],
        JSON.stringify(checks),
      );
      await importFixtureLips(f);
      const manifest = JSON.parse(
        await Deno.readTextFile(`${f.voices}/myvoice/lipstream.json`),
      );
      assert.equal(manifest.encoderModel, "myvoice_encoder");
      assert.ok(Number.isInteger(manifest.decoderOverlapFrames));
      // The same model without its streaming pair, to compare against.
      await Deno.mkdir(`${f.voices}/oneshot`);
      await Deno.copyFile(config, `${f.voices}/oneshot/config.json`);
      await Deno.writeTextFile(
        `${f.voices}/oneshot/lipstream.json`,
        JSON.stringify({ tritonModel: "myvoice" }),
      );
      const env = { MODEL_REPOSITORY: f.repository, VOICES_DIR: f.voices };
      await withEdge(env, async (base) => {
        const ready = await readyz(base);
        assert.equal(ready.status, 200, JSON.stringify(ready.body));
        const voices = await (await fetch(`${base}/v1/voices`)).json();
        assert.ok(JSON.stringify(voices).includes("myvoice"));
        await speak(base, "myvoice");
        // The streaming pair: first audio after one latent window, so one
        // sentence arrives as several WAV parts; joined, they equal the
        // one-shot model (noise scales 0) within the exporter's tolerance.
        const parts = await readParts(
          await fetch(`${base}/v1/speak`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              text: "Hello there, how are you today?",
              voice: "myvoice",
              avatar: "demo",
            }),
          }),
        );
        const wavs = parts.filter((p) => p.type === "audio/wav");
        assert.ok(wavs.length > 1, "one sentence, several streamed WAV parts");
        // The first window (VITS_FIRST_WINDOW_FRAMES=auto) holds just the audio the first lip
        // frame needs, so that frame waits for one decode only.
        const first = decodeWavMono(wavs[0]!.bytes);
        assert.equal(
          first.samples.length,
          firstLipFrameWindow(first.sampleRateHz) * VITS_HOP_SAMPLES,
        );
        const tts = async (voice: string) => {
          const response = await fetch(`${base}/v1/tts`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              text: "Hello there, how are you today?",
              voice,
              format: "wav",
              audio_format: "float32",
              noise_scale: 0,
              noise_scale_w: 0,
            }),
          });
          assert.equal(response.status, 200);
          return decodeWavMono(new Uint8Array(await response.arrayBuffer()))
            .samples;
        };
        const streamed = await tts("myvoice");
        const oneShot = await tts("oneshot");
        assert.equal(streamed.length, oneShot.length);
        let worst = 0;
        for (let i = 0; i < oneShot.length; i++) {
          worst = Math.max(worst, Math.abs(streamed[i]! - oneShot[i]!));
        }
        console.log(
          `streaming pair vs one-shot over ${oneShot.length} samples: max abs difference ${worst}`,
        );
        assert.ok(worst <= 1e-4, `max abs difference ${worst}`);
      });
    });
  },
});
