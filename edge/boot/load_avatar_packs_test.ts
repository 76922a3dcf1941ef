import assert from "node:assert/strict";
import { scanAvatarPacks } from "./load_avatar_packs.ts";

const GENERATED_AVATARS = new URL("../../generated/avatars", import.meta.url)
  .pathname;

async function firstGeneratedPack(): Promise<string> {
  const { packs } = await scanAvatarPacks(GENERATED_AVATARS);
  const [name] = packs.keys();
  assert.ok(name, "no generated avatar pack: run `deno task setup`");
  return name;
}

Deno.test("scanAvatarPacks() follows a linked pack folder and skips a dangling link", async () => {
  const pack = await firstGeneratedPack();
  const dir = await Deno.makeTempDir();
  try {
    await Deno.symlink(`${GENERATED_AVATARS}/${pack}`, `${dir}/linked`);
    await Deno.symlink(`${dir}/nowhere`, `${dir}/dangling`);
    const { packs, failed } = await scanAvatarPacks(dir);
    assert.deepEqual([...packs.keys()], ["linked"]);
    assert.deepEqual(failed, []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scanAvatarPacks() reports a corrupt pack by file and loads the rest", async () => {
  const pack = await firstGeneratedPack();
  const dir = await Deno.makeTempDir();
  try {
    await Deno.symlink(`${GENERATED_AVATARS}/${pack}`, `${dir}/good`);
    await Deno.mkdir(`${dir}/broken`);
    await Deno.writeTextFile(`${dir}/broken/manifest.json`, "{ not json");
    const { packs, failed } = await scanAvatarPacks(dir);
    assert.deepEqual([...packs.keys()], ["good"]);
    assert.equal(failed.length, 1);
    assert.match(failed[0]?.file ?? "", /^broken\//);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
