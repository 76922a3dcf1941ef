/**
 * The ORT backend on the generated fixture repository, driven through the shared model contracts:
 * real onnxruntime-node sessions, no mocks.
 */
import assert from "node:assert/strict";
import {
  InferenceError,
  resolveVitsTensors,
  resolveWav2lipTensors,
  vitsInputs,
  vitsSamples,
  wav2lipFaces,
  wav2lipInputs,
} from "@lipstream/shared";
import {
  FIXTURE_VITS_AMPLITUDE,
  fixtureVitsSampleCount,
  generateFixtureRepository,
} from "../fixtures/mod.ts";
import { createOrtBackend, type OrtBackend } from "./mod.ts";

async function withBackend(
  fn: (backend: OrtBackend, dir: string) => Promise<void>,
  prepare: (dir: string) => Promise<void> = () => Promise.resolve(),
) {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-ort-" });
  await generateFixtureRepository(dir);
  await prepare(dir);
  const backend = await createOrtBackend({
    repository: dir,
    intraOpThreads: 1,
  });
  try {
    await fn(backend, dir);
  } finally {
    await backend.close();
    await Deno.remove(dir, { recursive: true });
  }
}

function zeroCrossings(samples: Float32Array): number {
  let count = 0;
  for (let i = 1; i < samples.length; i++) {
    if ((samples[i - 1]! < 0) !== (samples[i]! < 0)) count++;
  }
  return count;
}

function kindOf(error: unknown): string {
  return error instanceof InferenceError ? error.kind : String(error);
}

Deno.test("fixture_vits: one tone per id, length_scale stretches, pad id is silent", async () => {
  await withBackend(async (backend) => {
    const names = resolveVitsTensors(
      await backend.modelMetadata("fixture_vits"),
    );
    assert.deepEqual(names, {
      ids: "input",
      lengths: "input_lengths",
      scales: "scales",
      speaker: "sid",
      output: "output",
    });
    const ids = [1, 0, 14, 0, 59, 0, 2];
    for (const lengthScale of [1, 1.5, 0.5]) {
      const outputs = await backend.infer(
        "fixture_vits",
        vitsInputs(names, { ids, lengthScale }),
      );
      const samples = vitsSamples(outputs, names);
      const perId = Math.round(256 * lengthScale);
      assert.equal(samples.length, ids.length * perId);
      assert.equal(
        samples.length,
        fixtureVitsSampleCount(ids.length, lengthScale),
      );
      assert.deepEqual(outputs["output"]!.shape, [1, 1, samples.length]);
      const peak = samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      assert.ok(
        peak <= FIXTURE_VITS_AMPLITUDE + 1e-6 && peak > 0.5,
        `peak ${peak}`,
      );
      ids.forEach((id, i) => {
        const segment = samples.subarray(i * perId, (i + 1) * perId);
        const energy = segment.reduce((s, x) => s + x * x, 0);
        if (id === 0) assert.equal(energy, 0, `id 0 at ${i} must be silent`);
        else assert.ok(energy > 1, `id ${id} at ${i} must sound`);
      });
    }
  });
});

Deno.test("fixture_vits: higher ids and speaker 1 raise the pitch; input_lengths truncates", async () => {
  await withBackend(async (backend) => {
    const names = resolveVitsTensors(
      await backend.modelMetadata("fixture_vits"),
    );
    const tone = async (id: number, speakerId: number) =>
      vitsSamples(
        await backend.infer(
          "fixture_vits",
          vitsInputs(names, { ids: [id], lengthScale: 8, speakerId }),
        ),
        names,
      );
    const low = zeroCrossings(await tone(20, 0));
    const high = zeroCrossings(await tone(60, 0));
    const shifted = zeroCrossings(await tone(20, 1));
    // 2048 samples at 22050 Hz: (110 + 8 id) Hz × 1.25 for speaker 1.
    assert.ok(Math.abs(low - 2 * 270 * 2048 / 22050) <= 2, `low ${low}`);
    assert.ok(high > low * 1.5, `${high} vs ${low}`);
    assert.ok(Math.abs(shifted / low - 1.25) < 0.05, `${shifted} vs ${low}`);
    const inputs = vitsInputs(names, { ids: [5, 6, 7, 8] });
    inputs[names.lengths] = {
      datatype: "INT64",
      shape: [1],
      data: BigInt64Array.of(2n),
    };
    const truncated = vitsSamples(
      await backend.infer("fixture_vits", inputs),
      names,
    );
    assert.equal(truncated.length, 2 * 256);
  });
});

Deno.test("fixture_wav2lip: the mouth is darker for loud mel than for silent mel", async () => {
  await withBackend(async (backend) => {
    const names = resolveWav2lipTensors(
      await backend.modelMetadata("fixture_wav2lip"),
    );
    const melSize = 80 * 16, faceSize = 6 * 96 * 96, plane = 96 * 96;
    const mel = new Float32Array(2 * melSize);
    mel.fill(-4, 0, melSize); // silence
    mel.fill(2, melSize); // loud
    const face = new Float32Array(2 * faceSize);
    for (let item = 0; item < 2; item++) {
      // Masked half 0 (channels 0-2), reference 0.6 (channels 3-5).
      face.fill(0.6, item * faceSize + 3 * plane, (item + 1) * faceSize);
    }
    const outputs = await backend.infer(
      "fixture_wav2lip",
      wav2lipInputs(names, { mel, face }),
    );
    const [silent, loud] = wav2lipFaces(outputs, names);
    const mouthMean = (img: Float32Array) => {
      let sum = 0, n = 0;
      for (let c = 0; c < 3; c++) {
        for (let y = 56; y < 90; y++) {
          for (let x = 28; x < 68; x++) {
            sum += img[c * plane + y * 96 + x]!;
            n++;
          }
        }
      }
      return sum / n;
    };
    const values = [...silent!, ...loud!];
    assert.ok(values.every((v) => v >= 0 && v <= 1));
    assert.ok(Math.abs(silent![10 * 96 + 10]! - 0.6) < 1e-6, "upper face kept");
    assert.ok(
      mouthMean(loud!) < mouthMean(silent!) - 0.1,
      `${mouthMean(loud!)} vs ${mouthMean(silent!)}`,
    );
    // One item alone gives the same face as inside the batch.
    const alone = await backend.infer(
      "fixture_wav2lip",
      wav2lipInputs(names, {
        mel: mel.subarray(melSize),
        face: face.subarray(faceSize),
      }),
    );
    assert.deepEqual(wav2lipFaces(alone, names)[0], loud);
  });
});

Deno.test("ORT backend: errors map to InferenceError kinds; aborts reject before running", async () => {
  await withBackend(async (backend) => {
    const names = resolveVitsTensors(
      await backend.modelMetadata("fixture_vits"),
    );
    const inputs = vitsInputs(names, { ids: [1, 2] });
    const failure = (call: () => Promise<unknown>) =>
      call().then(() => "resolved", kindOf);
    assert.equal(
      await failure(() => backend.infer("nope", inputs)),
      "not_found",
    );
    assert.equal(
      await failure(() =>
        backend.modelMetadata("fixture_vits", { version: "7" })
      ),
      "not_found",
    );
    assert.equal(
      await failure(() =>
        backend.infer("fixture_vits", {
          ...inputs,
          scales: { datatype: "FP64", shape: [3], data: new Float64Array(3) },
        })
      ),
      "invalid_argument",
    );
    assert.equal(
      await failure(() =>
        backend.infer("fixture_vits", { ...inputs, extra: inputs["scales"]! })
      ),
      "invalid_argument",
    );
    const before = backend.runCount("fixture_vits");
    const aborted = new AbortController();
    aborted.abort();
    assert.equal(
      await failure(() =>
        backend.infer("fixture_vits", inputs, { signal: aborted.signal })
      ),
      "cancelled",
    );
    const late = new AbortController();
    const call = backend.infer("fixture_vits", inputs, { signal: late.signal });
    late.abort();
    assert.equal(await failure(() => call), "cancelled");
    assert.equal(
      backend.runCount("fixture_vits"),
      before,
      "aborted calls never ran",
    );
    await backend.infer("fixture_vits", inputs, { timeoutMs: 10_000 });
    assert.equal(backend.runCount("fixture_vits"), before + 1);
    const concurrent = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        backend.infer(
          "fixture_vits",
          vitsInputs(names, { ids: Array(n).fill(5) }),
        )
      ),
    );
    assert.deepEqual(
      concurrent.map((o) => vitsSamples(o, names).length),
      [256, 512, 768, 1024],
    );
  });
});

Deno.test("ORT backend: a model whose config disagrees with its graph is UNAVAILABLE", async () => {
  await withBackend(
    async (backend) => {
      assert.deepEqual(
        (await backend.repositoryIndex!()).map((e) => [e.name, e.state]),
        [
          ["fixture_identity", "READY"],
          ["fixture_vits", "READY"],
          ["fixture_wav2lip", "UNAVAILABLE"],
        ],
      );
      const [entry] = await backend.repositoryIndex!({ ready: false })
        .then((all) => all.filter((e) => e.name === "fixture_wav2lip"));
      assert.match(
        entry!.reason!,
        /config tensors \[audio\] are not in the ONNX graph/,
      );
      assert.equal(await backend.isModelReady("fixture_wav2lip"), false);
      assert.equal((await backend.repositoryIndex!({ ready: true })).length, 2);
      const error = await backend.infer("fixture_wav2lip", {}).catch((e) => e);
      assert.equal(kindOf(error), "unavailable");
      assert.equal(
        (await backend.modelConfig!("fixture_wav2lip")).max_batch_size,
        64,
      );
    },
    async (dir) => {
      const path = `${dir}/fixture_wav2lip/config.pbtxt`;
      const text = await Deno.readTextFile(path);
      await Deno.writeTextFile(
        path,
        text.replace('name: "mel"', 'name: "audio"'),
      );
    },
  );
});

Deno.test("ORT backend: close() makes every model unavailable", async () => {
  await withBackend(async (backend) => {
    assert.equal(await backend.isReady(), true);
    await backend.close();
    assert.equal(await backend.isReady(), false);
    assert.equal(await backend.isModelReady("fixture_vits"), false);
    const error = await backend.infer("fixture_vits", {}).catch((e) => e);
    assert.equal(kindOf(error), "unavailable");
  });
});
