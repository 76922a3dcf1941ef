import assert from "node:assert/strict";
import { denoVoiceFiles } from "./deno_voice_files.ts";
import { VoiceConfigError } from "./voice_config_error.ts";
import {
  loadVoicesFolder,
  scanVoicesFolder,
  type VoiceFiles,
} from "./voices_folder.ts";

const FIXTURES = new URL("../../tests/fixtures/text/", import.meta.url);
const CJKE = await Deno.readTextFile(new URL("cjke_config.json", FIXTURES));
const PIPER = await Deno.readTextFile(new URL("en_piper.onnx.json", FIXTURES));

function memoryFiles(files: Record<string, string>): VoiceFiles {
  return {
    list: () => Promise.resolve(Object.keys(files)),
    readText: (path) =>
      path in files
        ? Promise.resolve(files[path] ?? "")
        : Promise.reject(new Deno.errors.NotFound(path)),
  };
}

Deno.test("loadVoicesFolder() reads flat Piper files and per-voice folders", async () => {
  const voices = await loadVoicesFolder(memoryFiles({
    "amy.onnx": "",
    "amy.onnx.json": PIPER,
    "uma/model.onnx": "",
    "uma/config.json": CJKE,
    "uma/lipstream.json": '{ "tritonModel": "vits_uma" }',
    "lessac/model.onnx": "",
    "lessac/model.onnx.json": PIPER,
    "README.md": "",
  }));
  assert.deepEqual(
    voices.map((v) => [v.id, v.kind, v.modelFile, v.tritonModel]),
    [
      ["amy", "piper", "amy.onnx", "amy"],
      ["lessac", "piper", "lessac/model.onnx", "lessac"],
      ["uma", "vits", "uma/model.onnx", "vits_uma"],
    ],
  );
});

Deno.test("loadVoicesFolder() names the file of a missing or broken config", async () => {
  await assert.rejects(
    loadVoicesFolder(memoryFiles({ "amy.onnx": "" })),
    { file: "amy.onnx.json" },
  );
  await assert.rejects(
    loadVoicesFolder(memoryFiles({ "uma/model.onnx": "" })),
    VoiceConfigError,
  );
  await assert.rejects(
    loadVoicesFolder(memoryFiles({ "amy.onnx": "", "amy.onnx.json": "{" })),
    {
      file: "amy.onnx.json",
      message: "Cannot load voice config 'amy.onnx.json': invalid JSON",
    },
  );
  await assert.rejects(
    loadVoicesFolder(memoryFiles({
      "uma/model.onnx": "",
      "uma/config.json": CJKE,
      "uma/lipstream.json": '{ "tritonModel": 3 }',
    })),
    { file: "uma/lipstream.json", field: "tritonModel" },
  );
});

Deno.test("loadVoicesFolder() refuses file names that are not voice ids", async () => {
  await assert.rejects(
    loadVoicesFolder(memoryFiles({ "..onnx": "", "..onnx.json": PIPER })),
    VoiceConfigError,
  );
});

Deno.test("denoVoiceFiles() loads a real folder and refuses escaping paths", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${root}/uma`);
    await Deno.writeTextFile(`${root}/uma/model.onnx`, "");
    await Deno.writeTextFile(`${root}/uma/config.json`, CJKE);
    await Deno.writeTextFile(`${root}/amy.onnx`, "");
    await Deno.writeTextFile(`${root}/amy.onnx.json`, PIPER);
    const files = denoVoiceFiles(root);
    const voices = await loadVoicesFolder(files);
    assert.deepEqual(voices.map((v) => v.id), ["amy", "uma"]);
    for (const path of ["../secret", "uma/../../x", "/etc/passwd", "a/b/c"]) {
      await assert.rejects(files.readText(path), RangeError, path);
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("denoVoiceFiles() follows symbolic links to voice folders and files; a dangling one is skipped", async () => {
  const root = await Deno.makeTempDir();
  const elsewhere = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${elsewhere}/uma`);
    await Deno.writeTextFile(`${elsewhere}/uma/model.onnx`, "");
    await Deno.writeTextFile(`${elsewhere}/uma/config.json`, CJKE);
    await Deno.writeTextFile(`${elsewhere}/amy.onnx.json`, PIPER);
    await Deno.writeTextFile(`${elsewhere}/amy.onnx`, "");
    await Deno.symlink(`${elsewhere}/uma`, `${root}/uma`);
    await Deno.symlink(`${elsewhere}/amy.onnx.json`, `${root}/amy.onnx.json`);
    await Deno.symlink(`${elsewhere}/amy.onnx`, `${root}/amy.onnx`);
    await Deno.symlink(`${elsewhere}/gone`, `${root}/gone`);
    const voices = await loadVoicesFolder(denoVoiceFiles(root));
    assert.deepEqual(voices.map((v) => v.id), ["amy", "uma"]);
  } finally {
    await Deno.remove(root, { recursive: true });
    await Deno.remove(elsewhere, { recursive: true });
  }
});

Deno.test("loadVoicesFolder() reads a folder voice whose model lives in the repository (config + lipstream.json, no model file)", async () => {
  const voices = await loadVoicesFolder(memoryFiles({
    "myvoice/config.json": CJKE,
    "myvoice/lipstream.json": JSON.stringify({
      tritonModel: "myvoice",
      encoderModel: "myvoice_encoder",
      decoderModel: "myvoice_decoder",
    }),
    "amy/model.onnx.json": PIPER,
    "amy/lipstream.json": '{ "tritonModel": "amy" }',
  }));
  assert.deepEqual(
    voices.map((v) => [v.id, v.kind, v.modelFile, v.tritonModel]),
    [
      ["amy", "piper", undefined, "amy"],
      ["myvoice", "vits", undefined, "myvoice"],
    ],
  );
  await assert.rejects(
    loadVoicesFolder(memoryFiles({
      "x/lipstream.json": '{ "tritonModel": "x" }',
    })),
    /expected config.json or model.onnx.json beside lipstream.json/,
  );
});

Deno.test("scanVoicesFolder() keeps the good voices and reports each bad one by file and field", async () => {
  const report = await scanVoicesFolder(memoryFiles({
    "amy.onnx": "",
    "amy.onnx.json": PIPER,
    "amy/model.onnx": "",
    "amy/config.json": CJKE,
    "uma/model.onnx": "",
    "uma/config.json": JSON.stringify({
      ...JSON.parse(CJKE),
      speakers: { a: "zero" },
    }),
    "Bad Name.onnx": "",
  }));
  assert.deepEqual(report.voices.map((v) => v.id), ["amy"]);
  assert.deepEqual(report.failed.map((f) => [f.file, f.field]), [
    ["Bad Name.onnx", ""],
    ["amy/model.onnx", ""],
    ["uma/config.json", "speakers"],
  ]);
  assert.match(report.failed[1]!.message, /already taken/);
});
