/**
 * VITS-family checkpoints → ONNX with Piper's contract, end to end: random-weight generators written
 * in each project's own on-disk format (jaywalnut310/vits `G_*.pth`, VITS-fast-fine-tuning
 * `G_latest.pth` + `modified_finetune_speaker.json`, a Piper Lightning `.ckpt`), exported and verified
 * against PyTorch (max abs difference ≤ 1e-4, printed), and bad inputs that fail with one line.
 *
 * Size: a REDUCED config (64 hidden/latent channels, 128 filter channels, 2 attention layers, HiFi-GAN
 * from 64 channels) so the suite fits CI on 2 cores; parameter names and layer structure are the real
 * ones. The full `ljs_base.json` size (36.3 M parameters) exports with the same code and verified at
 * 3.4e-8 (README, "Export a VITS voice"); it takes minutes here, too long for CI.
 */
import assert from "node:assert/strict";
import {
  exportModel,
  havePythonExport,
  runPython,
} from "./support/python_export.ts";

const READY = await havePythonExport();
const dir = READY ? await Deno.makeTempDir({ prefix: "vits-export-" }) : "";

const REDUCED = {
  inter_channels: 64,
  hidden_channels: 64,
  filter_channels: 128,
  n_heads: 2,
  n_layers: 2,
  kernel_size: 3,
  p_dropout: 0.1,
  upsample_initial_channel: 64,
  n_layers_q: 3,
  use_spectral_norm: false,
};
const HIFI_1 = {
  resblock: "1",
  resblock_kernel_sizes: [3, 7, 11],
  resblock_dilation_sizes: [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
  upsample_rates: [8, 8, 2, 2],
  upsample_kernel_sizes: [16, 16, 4, 4],
};
const DATA = {
  max_wav_value: 32768.0,
  sampling_rate: 22050,
  filter_length: 1024,
  hop_length: 256,
  win_length: 1024,
  n_mel_channels: 80,
  add_blank: true,
  cleaned_text: true,
};

/** ljs_base.json's layout: single speaker, stochastic duration predictor, english_cleaners2. */
const LJS = {
  train: { segment_size: 8192 },
  data: { ...DATA, text_cleaners: ["english_cleaners2"], n_speakers: 0 },
  model: { ...REDUCED, ...HIFI_1 },
};
const FAST_SYMBOLS = [
  ..."_,.!?-~…NQabdefghijklmnopstuvwxyzɑæʃʑçɯɪɔɛɹðəɫɥɸʊɾʒθβŋɦ⁼ʰ`^#*=ˈˌ→↓↑ ",
];
/** modified_finetune_speaker.json's layout: symbols and a speakers map, gin_channels. */
const FAST = {
  train: { segment_size: 8192 },
  data: { ...DATA, text_cleaners: ["cjke_cleaners2"], n_speakers: 3 },
  model: { ...REDUCED, ...HIFI_1, gin_channels: 32 },
  symbols: FAST_SYMBOLS,
  speakers: { dingzhen: 0, taffy: 1, ayaka: 2 },
};
/** A Piper dataset config.json; "model" only tells the random writer the reduced shape (Piper keeps
 * the architecture in the checkpoint's hyper_parameters, which is what the exporter reads). */
const PIPER = {
  audio: { sample_rate: 16000, quality: "x-low" },
  num_symbols: 130,
  num_speakers: 1,
  speaker_id_map: {},
  phoneme_type: "espeak",
  model: { ...REDUCED, use_sdp: false },
};

async function write(name: string, value: unknown): Promise<string> {
  const path = `${dir}/${name}`;
  await Deno.writeTextFile(path, JSON.stringify(value));
  return path;
}

async function randomCheckpoint(
  config: string,
  out: string,
  format: string,
): Promise<void> {
  const run = await runPython("infra/export/make_random_checkpoint.py", [
    "vits",
    "--config",
    config,
    "--out",
    out,
    "--format",
    format,
  ]);
  assert.equal(run.code, 0, run.stderr);
}

Deno.test({
  name:
    "an original VITS G_*.pth (single speaker, SDP) exports to Piper's contract, verified against PyTorch",
  ignore: !READY,
  async fn() {
    const config = await write("ljs.json", LJS);
    await randomCheckpoint(config, `${dir}/G_100.pth`, "vits");
    const report = await exportModel([
      "vits",
      "--checkpoint",
      `${dir}/G_100.pth`,
      "--config",
      config,
      "--out",
      `${dir}/ljs.onnx`,
    ]);
    console.log(
      `vits (ljs layout, reduced): ONNX Runtime vs PyTorch max abs difference ${report.max_abs_diff}`,
    );
    assert.ok((report.max_abs_diff as number) <= 1e-4);
    assert.equal(report.layout, "vits");
    assert.equal(report.num_symbols, 178);
    assert.deepEqual(Object.keys(report.inputs as object), [
      "input",
      "input_lengths",
      "scales",
    ]);
    assert.deepEqual(report.outputs, {
      output: ["batch", 1, 1, "samples"],
    });
    const verified = report.verified_on as { samples: number[] };
    assert.ok(verified.samples.every((n) => n > 0 && n % 256 === 0));
    assert.ok((await Deno.stat(`${dir}/ljs.onnx`)).size > 100_000);
  },
});

Deno.test({
  name:
    "a VITS-fast-fine-tuning G_latest.pth (3 speakers) exports with sid and a streaming pair that joins without clicks",
  ignore: !READY,
  async fn() {
    const config = await write("modified_finetune_speaker.json", FAST);
    await randomCheckpoint(config, `${dir}/G_latest.pth`, "vits-fast");
    const report = await exportModel([
      "vits",
      "--checkpoint",
      `${dir}/G_latest.pth`,
      "--config",
      config,
      "--out",
      `${dir}/fast.onnx`,
      "--streaming-dir",
      `${dir}/fast-stream`,
    ]);
    console.log(
      `vits-fast (reduced): ONNX Runtime vs PyTorch max abs difference ${report.max_abs_diff}`,
    );
    assert.ok((report.max_abs_diff as number) <= 1e-4);
    assert.equal(report.layout, "vits-fast");
    assert.equal(report.num_speakers, 3);
    assert.deepEqual(report.speaker_id_map, FAST.speakers);
    assert.ok("sid" in (report.inputs as object));
    const streaming = report.streaming as {
      chunks: number;
      chunked_vs_one_shot: number;
      join_max_step: number;
      max_step: number;
      overlap_1_max_abs_diff: number;
    };
    console.log(
      `streaming: chunked vs one-shot ${streaming.chunked_vs_one_shot} over ${streaming.chunks} chunks, ` +
        `largest step at joins ${streaming.join_max_step} vs ${streaming.max_step} anywhere, ` +
        `overlap 1 frame: ${streaming.overlap_1_max_abs_diff}`,
    );
    assert.ok(streaming.chunks >= 3);
    assert.ok(streaming.chunked_vs_one_shot <= 1e-4);
    assert.ok(streaming.join_max_step <= streaming.max_step);
    assert.ok(
      streaming.overlap_1_max_abs_diff > 10 * streaming.chunked_vs_one_shot,
      "a too-short overlap must show up in the comparison",
    );
    for (const part of ["encoder.onnx", "decoder.onnx"]) {
      assert.ok((await Deno.stat(`${dir}/fast-stream/${part}`)).isFile);
    }
  },
});

Deno.test({
  name:
    "a Piper Lightning checkpoint (model_g. keys, hyper_parameters with paths) exports, verified against PyTorch",
  ignore: !READY,
  async fn() {
    const config = await write("piper_config.json", PIPER);
    await randomCheckpoint(config, `${dir}/epoch=1.ckpt`, "piper");
    const report = await exportModel([
      "vits",
      "--checkpoint",
      `${dir}/epoch=1.ckpt`,
      "--config",
      config,
      "--out",
      `${dir}/piper.onnx`,
    ]);
    console.log(
      `piper (x-low-like, reduced, no SDP): ONNX Runtime vs PyTorch max abs difference ${report.max_abs_diff}`,
    );
    assert.ok((report.max_abs_diff as number) <= 1e-4);
    assert.equal(report.layout, "piper");
    assert.equal(report.sample_rate, 16000);
    assert.equal(report.use_sdp, false);
    assert.equal(report.num_symbols, 130);
  },
});

Deno.test({
  name:
    "bad VITS inputs fail with one line naming the problem, exit 2, and write nothing",
  ignore: !READY,
  async fn() {
    const fast = await write("fast_ok.json", FAST);
    const checkpoint = `${dir}/G_latest.pth`;
    try {
      await Deno.stat(checkpoint);
    } catch {
      await randomCheckpoint(fast, checkpoint, "vits-fast");
    }
    await Deno.writeFile(
      `${dir}/corrupt.pth`,
      new Uint8Array(4096).map((_, i) => i * 7),
    );
    const made = await runPython("-c", [
      `import torch, sys
c = torch.load(sys.argv[1], weights_only=True)
del c["model"]["dec.conv_post.weight"]
torch.save(c, sys.argv[2])
torch.save({"state_dict": {"face_encoder_blocks.0.0.conv_block.0.weight": torch.zeros(16, 6, 7, 7)}}, sys.argv[3])`,
      checkpoint,
      `${dir}/missing.pth`,
      `${dir}/wav2lip.pth`,
    ]);
    assert.equal(made.code, 0, made.stderr);
    const speakers = await write("speakers.json", {
      ...FAST,
      data: { ...FAST.data, n_speakers: 5 },
    });
    const symbols = await write("symbols.json", {
      ...FAST,
      symbols: [...FAST_SYMBOLS, "ʔ", "ʕ"],
    });
    const cases: [string, string, string, RegExp][] = [
      [
        "corrupt",
        `${dir}/corrupt.pth`,
        fast,
        /not a readable PyTorch checkpoint/,
      ],
      [
        "missing keys",
        `${dir}/missing.pth`,
        fast,
        /1 missing keys \(dec\.conv_post\.weight\)/,
      ],
      [
        "n_speakers",
        checkpoint,
        speakers,
        /n_speakers is 5 but .* emb_g has 3 rows/,
      ],
      [
        "symbols",
        checkpoint,
        symbols,
        new RegExp(
          `${
            FAST_SYMBOLS.length + 2
          } symbols but .* enc_p\\.emb has ${FAST_SYMBOLS.length} rows`,
        ),
      ],
      [
        "wrong kind",
        `${dir}/wav2lip.pth`,
        fast,
        /Wav2Lip checkpoint, not VITS/,
      ],
    ];
    for (const [what, ckpt, config, message] of cases) {
      const out = `${dir}/bad-${what.replace(" ", "-")}.onnx`;
      const run = await runPython("infra/export/export.py", [
        "vits",
        "--checkpoint",
        ckpt,
        "--config",
        config,
        "--out",
        out,
      ]);
      assert.equal(run.code, 2, `${what}: ${run.stderr}`);
      const lines = run.stderr.trim().split("\n");
      assert.equal(lines.length, 1, `${what}: ${run.stderr}`);
      const line = lines[0] ?? "";
      assert.match(line, /^export: /);
      assert.match(line, message, what);
      await assert.rejects(Deno.stat(out));
    }
  },
});

Deno.test({
  name:
    "VITS --fp16 and --int8 exports report their error against fp32 on the same text",
  ignore: !READY,
  async fn() {
    const config = await write("ljs_reduced.json", LJS);
    await randomCheckpoint(config, `${dir}/G_precision.pth`, "vits");
    for (const precision of ["fp16", "int8"]) {
      const out = `${dir}/ljs_${precision}.onnx`;
      const report = await exportModel([
        "vits",
        "--checkpoint",
        `${dir}/G_precision.pth`,
        "--config",
        config,
        "--out",
        out,
        `--${precision}`,
      ]);
      const measured = report.precision as {
        name: string;
        vs_fp32: { max_abs_diff: number; mean_abs_diff: number } | null;
      };
      console.log(
        `vits (reduced) ${precision} vs fp32: ${
          JSON.stringify(measured.vs_fp32)
        }`,
      );
      assert.equal(measured.name, precision);
      assert.ok(measured.vs_fp32 !== null);
      // Waveform samples lie in [-1, 1]: a broken conversion is far off.
      assert.ok(measured.vs_fp32.mean_abs_diff < 0.1);
      assert.ok(Number.isFinite(measured.vs_fp32.max_abs_diff));
      assert.ok((await Deno.stat(out)).size > 10_000);
    }
  },
});

Deno.test({
  name: "vits export tests: remove their checkpoints and models",
  ignore: !READY,
  async fn() {
    await Deno.remove(dir, { recursive: true });
  },
});
