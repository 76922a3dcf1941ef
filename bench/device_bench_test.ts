/**
 * `bench/device_bench.py`, the measuring half of `bench/device.sh`, run on
 * the CPU provider over the generated `bench_wav2lip` stand-in (Wav2Lip's
 * contract, not a lip model): it reports frames/s per batch size and the
 * real-time streams they carry, and names a provider this ONNX Runtime
 * lacks instead of failing the run.
 */
import assert from "node:assert/strict";
import { buildBenchWav2lipModel } from "@lipstream/inference/fixtures";

const PYTHON = Deno.env.get("LIPSTREAM_PYTHON") ?? ".tools/venv/bin/python";
const HAVE_ORT = (await new Deno.Command(PYTHON, {
  args: ["-c", "import numpy, onnxruntime"],
  stdout: "null",
  stderr: "null",
}).output().catch(() => ({ success: false }))).success;
if (Deno.env.get("CI") === "true" && !HAVE_ORT) {
  throw new Error(
    `CI=true: ${PYTHON} cannot import numpy and onnxruntime (run bash scripts/python_env.sh)`,
  );
}

Deno.test({
  name:
    "device_bench.py: frames/s per batch on CPU, a missing GPU provider reported",
  ignore: !HAVE_ORT,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "lipstream-device-" });
    try {
      const model = `${dir}/model.onnx`;
      await Deno.writeFile(model, buildBenchWav2lipModel(2));
      const out = `${dir}/result.json`;
      const run = await new Deno.Command(PYTHON, {
        args: [
          "bench/device_bench.py",
          "--model",
          model,
          "--providers",
          "cpu,tensorrt",
          "--batches",
          "1,2",
          "--seconds",
          "0.05",
          "--out",
          out,
        ],
        stderr: "piped",
      }).output();
      assert.ok(run.success, new TextDecoder().decode(run.stderr));
      const result = JSON.parse(await Deno.readTextFile(out));
      const [cpu, trt] = result.providers;
      assert.deepEqual(cpu.batches.map((b: { batch: number }) => b.batch), [
        1,
        2,
      ]);
      for (const row of cpu.batches) {
        assert.ok(row.frames_per_s > 0);
        assert.ok(row.runs >= 3);
      }
      assert.equal(
        cpu.realtime_25fps_streams,
        Math.floor(cpu.best.frames_per_s / 25),
      );
      assert.match(trt.error, /TensorrtExecutionProvider is not available/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
