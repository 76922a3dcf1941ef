/**
 * One-time set-up run by the README's commands before tests or the server: generates everything the
 * project builds itself (fixture models, demo avatar) into `generated/`. Idempotent and fast when up
 * to date.
 *
 * Usage: `deno task setup`
 *
 * @module
 */
import {
  FIXTURE_GENERATOR_VERSION,
  fixturesUpToDate,
  generateFixtureRepository,
  generateFixtureVoices,
} from "@lipstream/inference/fixtures";
import { AVATAR_PACK_VERSION } from "@lipstream/edge/avatar";
import { buildDemoAvatarPack } from "@lipstream/edge/avatar_build";
import { writePackFiles } from "@lipstream/edge/avatar_build/deno";

const MODELS_DIR = "generated/models";
const VOICES_DIR = "generated/voices";

if (await fixturesUpToDate(MODELS_DIR, VOICES_DIR)) {
  console.log(
    `lipstream setup: fixture models ${FIXTURE_GENERATOR_VERSION} up to date in ${MODELS_DIR}, ${VOICES_DIR}`,
  );
} else {
  await generateFixtureRepository(MODELS_DIR);
  await generateFixtureVoices(VOICES_DIR);
  console.log(
    `lipstream setup: wrote fixture models ${FIXTURE_GENERATOR_VERSION} to ${MODELS_DIR} and the fixture voice to ${VOICES_DIR}`,
  );
}

const DEMO_AVATAR_DIR = "generated/avatars/demo";
/** Bump when the drawn demo avatar or the pack format changes. */
const DEMO_AVATAR_VERSION = `pack-v${AVATAR_PACK_VERSION}-demo-2`;
const stampFile = `${DEMO_AVATAR_DIR}/.lipstream-setup`;
const stamp = await Deno.readTextFile(stampFile).catch(() => "");
if (stamp === DEMO_AVATAR_VERSION) {
  console.log(`lipstream setup: demo avatar up to date in ${DEMO_AVATAR_DIR}`);
} else {
  // A drawn face, labelled `kind: "demo"` in its manifest: not a real person.
  await writePackFiles(DEMO_AVATAR_DIR, await buildDemoAvatarPack());
  await Deno.writeTextFile(stampFile, DEMO_AVATAR_VERSION);
  console.log(
    `lipstream setup: wrote the drawn demo avatar pack to ${DEMO_AVATAR_DIR}`,
  );
}
