import assert from "node:assert/strict";
import { generateFixtureRepository } from "../fixtures/mod.ts";
import { loadOrtBackend } from "./mod.ts";

Deno.test("loadOrtBackend() opens the single-thread backend with workers 0 and the worker backend otherwise", async () => {
  const repository = await Deno.makeTempDir({ prefix: "lipstream-ortl-" });
  await generateFixtureRepository(repository);
  try {
    for (const workers of [0, 1]) {
      const backend = await loadOrtBackend({
        repository,
        workers,
        intraOpThreads: 1,
      });
      try {
        const index = await backend.repositoryIndex?.();
        assert.ok(
          index?.some((entry) => entry.name === "fixture_wav2lip"),
          `workers ${workers}`,
        );
        assert.equal(await backend.isModelReady("fixture_wav2lip"), true);
        // The single-thread backend counts runs; the worker backend does not expose that.
        assert.equal("runCount" in backend, workers === 0);
      } finally {
        await backend.close();
      }
    }
  } finally {
    await Deno.remove(repository, { recursive: true });
  }
});

Deno.test("loadOrtBackend() refuses a negative or fractional worker count", async () => {
  for (const workers of [-1, 1.5, Number.NaN]) {
    await assert.rejects(
      () => loadOrtBackend({ repository: "unused", workers }),
      (error) =>
        error instanceof RangeError &&
        /workers must be a non-negative integer/.test(error.message),
    );
  }
});
