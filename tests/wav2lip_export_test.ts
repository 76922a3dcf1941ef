/**
 * Wav2Lip checkpoint → ONNX, end to end with the real architecture (36.3 M parameters, random
 * weights written in Wav2Lip's own checkpoint format): the export verifies itself against PyTorch,
 * the result serves through the project's ONNX Runtime backend and passes the config checker, and
 * bad checkpoints fail with one line and leave nothing behind.
 */
import assert from "node:assert/strict";
import { wav2lipFaces, wav2lipInputs } from "@lipstream/shared";
import { createOrtBackend } from "@lipstream/inference/ort";
import { checkModelRepository } from "@lipstream/inference/model_config";
import {
  exportModel,
  havePythonExport,
  runPython,
} from "./support/python_export.ts";

const READY = await havePythonExport();
const dir = READY ? await Deno.makeTempDir({ prefix: "wav2lip-export-" }) : "";
const checkpoint = `${dir}/wav2lip_gan.pth`;

async function writeCheckpoint(path: string, ...flags: string[]) {
  const run = await runPython("infra/export/make_random_checkpoint.py", [
    "wav2lip",
    "--out",
    path,
    ...flags,
  ]);
  assert.equal(run.code, 0, run.stderr);
}

Deno.test({
  name:
    "a DataParallel Wav2Lip checkpoint with optimizer state exports, verified against PyTorch, and serves",
  ignore: !READY,
  sanitizeResources: false,
  async fn() {
    await writeCheckpoint(checkpoint, "--data-parallel");
    const repository = `${dir}/models`;
    await Deno.mkdir(`${repository}/wav2lip/1`, { recursive: true });
    const report = await exportModel([
      "wav2lip",
      "--checkpoint",
      checkpoint,
      "--out",
      `${repository}/wav2lip/1/model.onnx`,
    ]);
    console.log(
      `wav2lip fp32: ONNX Runtime vs PyTorch max abs difference ${report.max_abs_diff}`,
    );
    assert.ok((report.max_abs_diff as number) <= 1e-4);
    assert.equal(report.parameters, 36_298_035);
    assert.equal(report.batch_norm_nodes, 0);
    assert.ok(
      (report.output_std as number) > 0.01,
      "random weights with calibrated BatchNorm give a non-constant face",
    );
    await Deno.copyFile(
      "infra/triton/models/wav2lip/config.pbtxt",
      `${repository}/wav2lip/config.pbtxt`,
    );
    const checks = await checkModelRepository(repository);
    assert.deepEqual(
      checks.map((check) => [check.model, check.status, check.problems]),
      [[
        "wav2lip",
        "ok",
        [],
      ]],
    );

    const backend = await createOrtBackend({ repository, warmUp: false });
    try {
      const batch = 2;
      const mel = new Float32Array(batch * 80 * 16).map((_, i) =>
        Math.sin(i) * 3
      );
      const face = new Float32Array(batch * 6 * 96 * 96).map((_, i) =>
        (i % 255) / 255
      );
      const names = { mel: "mel", face: "face", output: "output" };
      const outputs = await backend.infer(
        "wav2lip",
        wav2lipInputs(names, { mel, face }),
        { signal: AbortSignal.timeout(30_000), outputs: ["output"] },
      );
      const faces = wav2lipFaces(outputs, names);
      assert.equal(faces.length, batch);
      for (const out of faces) {
        assert.equal(out.length, 3 * 96 * 96);
        assert.ok(out.every((v) => v >= 0 && v <= 1));
      }
    } finally {
      await backend.close();
    }
  },
});

Deno.test({
  name:
    "--fp16 and --int8 exports report their error against fp32 on the same inputs",
  ignore: !READY,
  sanitizeResources: false,
  async fn() {
    const plain = `${dir}/plain.pth`;
    await writeCheckpoint(plain, "--no-optimizer", "--seed", "3");
    for (const precision of ["fp16", "int8"]) {
      const out = `${dir}/${precision}.onnx`;
      const report = await exportModel([
        "wav2lip",
        "--checkpoint",
        plain,
        "--out",
        out,
        `--${precision}`,
      ]);
      const measured = report.precision as {
        name: string;
        vs_fp32: { max_abs_diff: number; mean_abs_diff: number } | null;
        int8_weight_op_types?: string[];
      };
      console.log(
        `wav2lip ${precision} vs fp32: ${JSON.stringify(measured.vs_fp32)}`,
      );
      assert.equal(measured.name, precision);
      assert.ok(measured.vs_fp32 !== null);
      assert.ok(measured.vs_fp32.mean_abs_diff < 0.1);
      assert.ok((await Deno.stat(out)).size > 1_000_000);
      if (precision === "int8") {
        // Read from the int8 graph: its convolutions have int8 weights, and its
        // transposed convolutions keep float32 ones (ONNX Runtime's CPU provider has
        // no fused QDQ ConvTranspose kernel).
        assert.deepEqual(measured.int8_weight_op_types, ["Conv"]);
      }
    }
    await Deno.remove(plain);
  },
});

const BAD_CHECKPOINTS = `
import sys, torch
for kind, out in zip(sys.argv[1::2], sys.argv[2::2]):
  if kind == "corrupt":
      open(out, "wb").write(b"PK\\x03\\x04 not really a checkpoint" * 10)
  elif kind == "missing-keys":
      torch.save({"state_dict": {"face_encoder_blocks.0.0.conv_block.0.weight": torch.zeros(16, 6, 7, 7)}}, out)
  elif kind == "vits":
      torch.save({"state_dict": {"enc_p.emb.weight": torch.zeros(10, 4)}}, out)
  elif kind == "no-state-dict":
      torch.save({"model": {}, "iteration": 1}, out)
  elif kind == "wrong-shape":
      from wav2lip_model import Wav2Lip
      state = Wav2Lip().state_dict()
      state["output_block.1.weight"] = torch.zeros(4, 32, 1, 1)
      torch.save({"state_dict": state}, out)
`;

Deno.test({
  name:
    "bad Wav2Lip checkpoints fail with one line naming the problem and write nothing",
  ignore: !READY,
  async fn() {
    const script = `${dir}/bad_checkpoints.py`;
    await Deno.writeTextFile(
      script,
      `import os, sys\nsys.path.insert(0, ${
        JSON.stringify(`${Deno.cwd()}/infra/export`)
      })\n${BAD_CHECKPOINTS}`,
    );
    const cases: [string, RegExp][] = [
      ["corrupt", /not a readable PyTorch checkpoint/],
      ["missing-keys", /not a Wav2Lip generator checkpoint: \d+ missing keys/],
      ["vits", /VITS checkpoint, not Wav2Lip/],
      [
        "no-state-dict",
        /no 'state_dict' in the checkpoint \(found iteration, model\)/,
      ],
      ["wrong-shape", /1 keys of another shape \(output_block\.1\.weight/],
      ["absent", /no such checkpoint file/],
    ];
    const made = await runPython(
      script,
      cases.filter(([kind]) => kind !== "absent").flatMap((
        [kind],
      ) => [kind, `${dir}/${kind}.pth`]),
    );
    assert.equal(made.code, 0, made.stderr);
    for (const [kind, message] of cases) {
      const path = `${dir}/${kind}.pth`;
      const out = `${dir}/out-${kind}/model.onnx`;
      const run = await runPython("infra/export/export.py", [
        "wav2lip",
        "--checkpoint",
        path,
        "--out",
        out,
      ]);
      assert.equal(run.code, 2, `${kind}: ${run.stderr}`);
      const lines = run.stderr.trim().split("\n");
      assert.equal(lines.length, 1, `${kind}: ${run.stderr}`);
      assert.match(lines[0]!, /^export: /);
      assert.match(lines[0]!, message);
      await assert.rejects(Deno.stat(out));
    }
    const unknown = await runPython("infra/export/export.py", ["sync"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown kind 'sync'/);
  },
});

if (READY) {
  globalThis.addEventListener("unload", () => {
    Deno.removeSync(dir, { recursive: true });
  });
}
