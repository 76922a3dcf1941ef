import assert from "node:assert/strict";
import { parseImportArgs } from "./import_args.ts";
import { ImportError } from "./import_error.ts";

Deno.test("parseImportArgs() reads each kind's flags, defaults and the caller's folder", () => {
  const vits = parseImportArgs([
    "vits",
    "--checkpoint",
    "G_latest.pth",
    "--config=finetune_speaker.json",
    "--name",
    "myvoice",
    "--speaker",
    "taffy",
    "--streaming",
    "--int8",
  ], { INIT_CWD: "/home/me", MODEL_REPOSITORY: "repo" });
  assert.deepEqual(vits, {
    kind: "vits",
    name: "myvoice",
    checkpoint: "/home/me/G_latest.pth",
    config: "/home/me/finetune_speaker.json",
    speaker: "taffy",
    streaming: true,
    precision: "int8",
    gpu: false,
    force: false,
    repository: "repo",
    voices: "generated/voices",
  });
  const lips = parseImportArgs(
    ["wav2lip", "--checkpoint", "/abs/w.pth", "--gpu", "--voices", "v"],
    {},
  );
  assert.equal(lips?.name, "wav2lip");
  assert.equal(lips?.checkpoint, "/abs/w.pth");
  assert.equal(lips?.gpu, true);
  assert.equal(lips?.voices, "v");
});

Deno.test("parseImportArgs() names what is wrong in one line", () => {
  const cases: [string[], RegExp][] = [
    [["piper", "--onnx", "a.onnx", "--name", "a"], /piper needs --config/],
    [["piper", "--onnx"], /--onnx needs a value/],
    [
      ["wav2lip", "--checkpoint", "w", "--speaker", "1"],
      /wav2lip takes no --speaker/,
    ],
    [
      ["onnx", "--onnx", "a", "--onnx", "b", "--name", "x"],
      /--onnx given twice/,
    ],
    [["onnx", "stray"], /unexpected argument 'stray'/],
    [["onnx", "--bogus"], /unknown flag --bogus/],
    [["vits", "--streaming=yes"], /--streaming takes no value/],
  ];
  for (const [args, pattern] of cases) {
    assert.throws(
      () => parseImportArgs(args, {}),
      (error: unknown) =>
        error instanceof ImportError && pattern.test(error.message) &&
        !error.message.includes("\n"),
      args.join(" "),
    );
  }
});
