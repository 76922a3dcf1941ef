/**
 * `GET /v1/voices` and `GET /v1/avatars`: what can be requested (the first
 * voice listed is the default a client should preselect);
 * `GET /v1/avatars/:id/idle.jpg[?session=…]`: the avatar's idle frame for
 * clients to show before and after speech — the frame the session's next
 * utterance starts on;
 * `GET /v1/avatars/:id/frames/:index.jpg`: frame `index` of the idle video,
 * for clients that animate the idle loop themselves.
 *
 * @module
 */

import { Hono } from "hono";
import type { AppEnv } from "../http/app_env.ts";
import { problem } from "../http/problem.ts";
import { type RequestSchemas, SAFE_ID_REGEXP } from "../http/schemas.ts";
import type { LipSyncService, SpeechService } from "../pipeline/types.ts";
import {
  avatarFrameRoute,
  avatarsRoute,
  idleFrameRoute,
  voicesRoute,
} from "./catalog_contract.ts";

/**
 * Creates the catalog routes.
 *
 * @param deps The speech and lip-sync services, the request schemas.
 * @returns The sub-app.
 *
 * @example The drawn demo avatar: listed, and its idle frame served
 * ```ts
 * import { loadAvatarPack } from "../avatar/mod.ts";
 * import { buildDemoAvatarPack } from "../avatar_build/demo_avatar.ts";
 * import { problemErrors } from "../http/middleware/problem_errors.ts";
 * import { createRequestSchemas } from "../http/schemas.ts";
 * import { createLipSyncService } from "../lipsync/mod.ts";
 * import { createSpeechService } from "../speech/mod.ts";
 * import { catalogRoutes } from "./catalog.ts";
 * import assert from "node:assert/strict";
 *
 * const files = await buildDemoAvatarPack({ size: 64, frameCount: 2 });
 * const pack = await loadAvatarPack((path) => Promise.resolve(files.get(path)!));
 * const app = catalogRoutes({
 *   speech: createSpeechService({
 *     voices: [],
 *     synthesizer: () => Promise.resolve(new Float32Array()),
 *   }),
 *   // Listing and idle frames never run the lip model.
 *   lipSync: createLipSyncService({
 *     packs: new Map([["demo", pack]]),
 *     lipModel: () => Promise.reject(new Error("not used")),
 *   }),
 *   schemas: createRequestSchemas({ maxTextLength: 100 }),
 * });
 * app.onError(problemErrors());
 * const { avatars } = await (await app.request("/v1/avatars")).json();
 * assert.deepEqual(avatars, [
 *   { id: "demo", width: 64, height: 64, fps: 25, frame_count: 2, demo: true },
 * ]);
 * const idle = await app.request("/v1/avatars/demo/idle.jpg");
 * assert.equal(idle.headers.get("Content-Type"), "image/jpeg");
 * assert.deepEqual([...(await idle.bytes()).subarray(0, 2)], [0xff, 0xd8]);
 * const unknown = await app.request("/v1/avatars/nobody/idle.jpg");
 * assert.equal(unknown.status, 404);
 * assert.equal((await unknown.json()).errors[0].path, "/id");
 * ```
 */
export function catalogRoutes(
  deps: {
    speech: SpeechService;
    lipSync: LipSyncService;
    schemas: Pick<RequestSchemas, "idle">;
  },
): Hono<AppEnv> {
  const idle = idleFrameRoute(deps.schemas);
  const frame = avatarFrameRoute;
  return new Hono<AppEnv>()
    .on(voicesRoute.method, voicesRoute.getRoutingPath(), async (c) => {
      const voices = await deps.speech.listVoices();
      return c.json({
        voices: voices.map((voice) => ({
          id: voice.id,
          kind: voice.kind,
          languages: voice.languages,
          speakers: voice.speakers,
          num_speakers: voice.numSpeakers,
          sample_rate: voice.sampleRateHz,
          // A generated test model, not a real voice: clients must say so.
          fixture: voice.fixture === true,
          // The eSpeak NG demo synthesizer: real words, but not a VITS voice.
          demo: voice.demo === true,
        })),
      });
    })
    .on(avatarsRoute.method, avatarsRoute.getRoutingPath(), async (c) => {
      const avatars = await deps.lipSync.listAvatars();
      return c.json({
        avatars: avatars.map((avatar) => ({
          id: avatar.id,
          width: avatar.width,
          height: avatar.height,
          fps: avatar.fps,
          frame_count: avatar.frameCount,
          // The drawn demo avatar, not a real face.
          demo: avatar.demo === true,
        })),
      });
    })
    .on(idle.method, idle.getRoutingPath(), async (c) => {
      const id = c.req.param("id");
      const { session } = deps.schemas.idle.parse(c.req.query());
      const jpeg = SAFE_ID_REGEXP.test(id)
        ? await deps.lipSync.idleFrame?.(id, session)
        : undefined;
      if (jpeg === undefined) {
        throw problem(404, "unknown-avatar", {
          detail: `No avatar '${id}' with an idle frame`,
          extensions: {
            errors: [{ path: "/id", message: "is not a known avatar" }],
          },
        });
      }
      return c.body(jpeg as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "image/jpeg",
        // A session's idle frame moves with its utterances.
        "Cache-Control": session === undefined
          ? "public, max-age=300"
          : "private, no-store",
      });
    })
    .on(frame.method, frame.getRoutingPath(), async (c) => {
      const id = c.req.param("id");
      const index = /^(\d{1,6})\.jpg$/.exec(c.req.param("file"))?.[1];
      const jpeg = SAFE_ID_REGEXP.test(id) && index !== undefined
        ? await deps.lipSync.avatarFrame?.(id, Number(index))
        : undefined;
      if (jpeg === undefined) {
        throw problem(404, "unknown-frame", {
          detail: `No frame '${c.req.param("file")}' of avatar '${id}'`,
          extensions: {
            errors: [{
              path: index === undefined ? "/file" : "/id",
              message: index === undefined
                ? "must be <index>.jpg"
                : "has no such frame",
            }],
          },
        });
      }
      return c.body(jpeg as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "image/jpeg",
        "Cache-Control": "public, max-age=300",
      });
    });
}
