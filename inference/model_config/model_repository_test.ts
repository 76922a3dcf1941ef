import assert from "node:assert/strict";
import { readModelRepository } from "./mod.ts";
import { generateFixtureRepository } from "../fixtures/mod.ts";

Deno.test("readModelRepository() follows symbolic links to model and version folders, skips dangling ones", async () => {
  const source = await Deno.makeTempDir({ prefix: "lipstream-repo-src-" });
  const linked = await Deno.makeTempDir({ prefix: "lipstream-repo-links-" });
  try {
    await generateFixtureRepository(source);
    // A whole model folder as a link.
    await Deno.symlink(`${source}/fixture_vits`, `${linked}/fixture_vits`);
    // A real model folder whose version folder is a link.
    await Deno.mkdir(`${linked}/fixture_wav2lip`);
    await Deno.copyFile(
      `${source}/fixture_wav2lip/config.pbtxt`,
      `${linked}/fixture_wav2lip/config.pbtxt`,
    );
    await Deno.symlink(
      `${source}/fixture_wav2lip/1`,
      `${linked}/fixture_wav2lip/1`,
    );
    await Deno.symlink(`${source}/nowhere`, `${linked}/dangling`);
    const models = await readModelRepository(linked);
    assert.deepEqual(
      models.map((
        m,
      ) => [m.name, m.config?.name, m.versions.map((v) => v.exists)]),
      [
        ["fixture_vits", "fixture_vits", [true]],
        ["fixture_wav2lip", "fixture_wav2lip", [true]],
      ],
    );
  } finally {
    await Deno.remove(source, { recursive: true });
    await Deno.remove(linked, { recursive: true });
  }
});
