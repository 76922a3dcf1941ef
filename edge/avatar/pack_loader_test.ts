import assert from "node:assert/strict";
import { AvatarPackError } from "./avatar_pack_error.ts";
import { buildDemoAvatarPack } from "../avatar_build/demo_avatar.ts";
import { type AvatarManifest, MANIFEST_FILE } from "./manifest.ts";
import { loadAvatarPack } from "./pack_loader.ts";

const pristine = await buildDemoAvatarPack({ size: 64, frameCount: 3 });

function reader(files: Map<string, Uint8Array>) {
  return (path: string) => {
    const bytes = files.get(path);
    return bytes
      ? Promise.resolve(bytes)
      : Promise.reject(new Deno.errors.NotFound(path));
  };
}

function editManifest(
  edit: (m: AvatarManifest) => void,
): Map<string, Uint8Array> {
  const files = new Map(pristine);
  const manifest = JSON.parse(
    new TextDecoder().decode(files.get(MANIFEST_FILE)),
  );
  edit(manifest);
  files.set(MANIFEST_FILE, new TextEncoder().encode(JSON.stringify(manifest)));
  return files;
}

async function rejectsNaming(
  files: Map<string, Uint8Array>,
  file: string,
  detail: RegExp,
) {
  await assert.rejects(loadAvatarPack(reader(files)), (error: unknown) => {
    assert.ok(error instanceof AvatarPackError);
    assert.equal(error.file, file);
    assert.match(error.message, detail);
    return true;
  });
}

Deno.test("loadAvatarPack() loads a pack with frames, boxes and crops", async () => {
  const pack = await loadAvatarPack(reader(pristine));
  assert.equal(pack.manifest.kind, "demo");
  assert.equal(pack.frames.length, 3);
  assert.equal(pack.frames[0]!.data.length, 64 * 64 * 3);
  assert.equal(pack.crops.length, 3 * 96 * 96 * 3);
  assert.deepEqual(pack.jpegs[1], pristine.get("frames/000001.jpg"));
});

Deno.test("loadAvatarPack() rejects a tampered file by checksum", async () => {
  const files = new Map(pristine);
  const frame = files.get("frames/000001.jpg")!.slice();
  frame[frame.length - 10]! ^= 0x55;
  files.set("frames/000001.jpg", frame);
  await rejectsNaming(files, "frames/000001.jpg", /Checksum mismatch/);
});

Deno.test("loadAvatarPack() rejects a missing frame file and an unlisted one", async () => {
  const files = new Map(pristine);
  files.delete("frames/000002.jpg");
  await rejectsNaming(files, "frames/000002.jpg", /Cannot read/);
  const unlisted = editManifest((m) => delete m.files["frames/000002.jpg"]);
  await rejectsNaming(unlisted, MANIFEST_FILE, /000002\.jpg' is not listed/);
});

Deno.test("loadAvatarPack() rejects a crops.bin of the wrong size", async () => {
  const files = new Map(pristine);
  files.set("crops.bin", pristine.get("crops.bin")!.subarray(1));
  await rejectsNaming(files, "crops.bin", /Expected \d+ bytes/);
});

Deno.test("loadAvatarPack() rejects bad boxes, versions and JSON in the manifest", async () => {
  await rejectsNaming(
    editManifest((m) => (m.boxes[1] = [0, 65, 0, 10])),
    MANIFEST_FILE,
    /frame 1/,
  );
  await rejectsNaming(
    editManifest((m) => (m.version = 2)),
    MANIFEST_FILE,
    /version 2/,
  );
  await rejectsNaming(
    editManifest((m) => (m.frameCount = 4)),
    MANIFEST_FILE,
    /4 boxes/,
  );
  const files = new Map(pristine);
  files.set(MANIFEST_FILE, new TextEncoder().encode("{"));
  await rejectsNaming(files, MANIFEST_FILE, /Not valid JSON/);
});
