import assert from "node:assert/strict";
import { installFolders } from "./staged_install.ts";

async function names(dir: string): Promise<string[]> {
  return (await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name).sort();
}

Deno.test("installFolders() installs all folders or, on an error, none, and leaves no staging behind", async () => {
  const root = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${root}/a/keep`, { recursive: true });
    await Deno.writeTextFile(`${root}/a/keep/old`, "old");
    const failing = installFolders([
      {
        target: `${root}/a/keep`,
        write: (dir) => Deno.writeTextFile(`${dir}/new`, "new"),
      },
      {
        target: `${root}/b/voice`,
        write: () => Promise.reject(new Error("disk full")),
      },
    ], { replace: true });
    await assert.rejects(failing, /disk full/);
    assert.deepEqual(await names(`${root}/a`), ["keep"]);
    assert.deepEqual(await names(`${root}/a/keep`), ["old"]);
    assert.deepEqual(await names(`${root}/b`), []);

    await assert.rejects(
      installFolders([{ target: `${root}/a/keep`, write: async () => {} }]),
      /already exists \(add --force to replace it\)/,
    );
    await assert.rejects(
      installFolders([{
        target: `${root}/a/other`,
        write: (dir) => Deno.writeTextFile(`${dir}/x`, "x"),
      }], { check: () => Promise.reject(new Error("check failed")) }),
      /check failed/,
    );
    assert.deepEqual(await names(`${root}/a`), ["keep"]);

    await installFolders([
      {
        target: `${root}/a/keep`,
        write: (dir) => Deno.writeTextFile(`${dir}/new`, "new"),
      },
      {
        target: `${root}/b/voice`,
        write: (dir) => Deno.writeTextFile(`${dir}/cfg`, "{}"),
      },
    ], { replace: true });
    assert.deepEqual(await names(`${root}/a`), ["keep"]);
    assert.deepEqual(await names(`${root}/a/keep`), ["new"]);
    assert.deepEqual(await names(`${root}/b`), ["voice"]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
