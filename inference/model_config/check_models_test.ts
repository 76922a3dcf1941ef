import assert from "node:assert/strict";
import { checkModelRepository, serializeModelConfig } from "./mod.ts";
import {
  fixtureWav2lipConfig,
  generateFixtureRepository,
} from "../fixtures/mod.ts";

async function withRepository(fn: (dir: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "lipstream-check-" });
  try {
    await generateFixtureRepository(dir);
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("checkModelRepository() accepts the generated fixture repository", async () => {
  await withRepository(async (dir) => {
    const checks = await checkModelRepository(dir);
    assert.deepEqual(
      checks.map((c) => [c.model, c.status, c.problems]),
      [
        ["fixture_identity", "ok", []],
        ["fixture_vits", "ok", []],
        ["fixture_wav2lip", "ok", []],
      ],
    );
  });
});

Deno.test("checkModelRepository() names each disagreement between config and graph", async () => {
  await withRepository(async (dir) => {
    const config = fixtureWav2lipConfig();
    config.input = [
      { name: "mel", data_type: "TYPE_FP16", dims: [1, 80, 17] },
      { name: "faces", data_type: "TYPE_FP32", dims: [6, 96, 96] },
    ];
    await Deno.writeTextFile(
      `${dir}/fixture_wav2lip/config.pbtxt`,
      serializeModelConfig(config),
    );
    const vits = await Deno.readTextFile(`${dir}/fixture_vits/config.pbtxt`);
    await Deno.writeTextFile(
      `${dir}/fixture_vits/config.pbtxt`,
      vits.replace("max_batch_size: 0", "max_batch_size: 4"),
    );
    const checks = await checkModelRepository(dir);
    const wav2lip = checks.find((c) => c.model === "fixture_wav2lip")!;
    assert.equal(wav2lip.status, "error");
    assert.deepEqual(wav2lip.problems, [
      "version 1: input 'mel': config says FP16 but the model has FP32",
      "version 1: input 'mel': dim 3 is 17 in the config but 16 in the model: config [-1,1,80,17] (max_batch_size 64), model [-1,1,80,16]",
      "version 1: input 'faces': not in the model, whose inputs are [mel,face]",
      "version 1: input 'face': in the model but not in the config",
    ]);
    const vitsCheck = checks.find((c) => c.model === "fixture_vits")!;
    assert.equal(vitsCheck.status, "error");
    assert.match(
      vitsCheck.problems.join("\n"),
      /input 'input': rank differs: config \[-1,1,-1\]/,
    );
  });
});

Deno.test("checkModelRepository() skips models without a file and flags bad configs", async () => {
  await withRepository(async (dir) => {
    await Deno.remove(`${dir}/fixture_identity/1/model.onnx`);
    await Deno.writeTextFile(`${dir}/fixture_vits/config.pbtxt`, "name: [");
    const checks = await checkModelRepository(dir);
    assert.deepEqual(checks[0], {
      model: "fixture_identity",
      status: "skipped",
      problems: [],
      note: "no model file, skipped",
    });
    assert.equal(checks[1]!.status, "error");
    assert.match(
      checks[1]!.problems[0]!,
      /at 1:8: expected a value for field 'name'/,
    );
  });
});

Deno.test("checkModelRepository() reports the infra repository's missing models as skipped", async () => {
  const checks = await checkModelRepository("infra/triton/models");
  assert.deepEqual(
    checks.map((c) => [c.model, c.status, c.note]),
    [
      ["vits", "skipped", "no model file, skipped"],
      ["wav2lip", "skipped", "no model file, skipped"],
    ],
  );
});
