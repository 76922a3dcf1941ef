import assert from "node:assert/strict";
import { loadPhonemizerData, readPhonemizerData } from "./phonemizer_data.ts";

Deno.test("loadPhonemizerData() reads every file of phonemizer 1.2.1's package", async () => {
  const files = await loadPhonemizerData();
  const sizes = new Map(files.map((file) => [file.path, file.bytes.length]));
  // The package's file table: 333 files, 890,802 bytes, en_dict first.
  assert.equal(files.length, 333);
  assert.equal([...sizes.values()].reduce((a, b) => a + b), 890_802);
  assert.equal(sizes.get("en_dict"), 167_064);
  assert.equal(sizes.get("phontab"), 56_088);
  assert.ok(sizes.has("voices/!v/f1"));
  const enUs = files.find((file) => file.path === "lang/gmw/en-US")!;
  assert.match(new TextDecoder().decode(enUs.bytes), /^language en-us/m);
});

Deno.test("readPhonemizerData() rejects another layout, naming the version it expects", async () => {
  await assert.rejects(
    readPhonemizerData('const x = "H4sIAAAA";'),
    /Cannot read eSpeak NG data from phonemizer: .*phonemizer 1\.2\.1/,
  );
});
