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

/**
 * Creates the catalog routes.
 *
 * @param deps The speech and lip-sync services, the request schemas.
 * @returns The sub-app.
 */
export function catalogRoutes(
  deps: {
    speech: SpeechService;
    lipSync: LipSyncService;
    schemas: Pick<RequestSchemas, "idle">;
  },
): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/v1/voices", async (c) => {
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
    .get("/v1/avatars", async (c) => {
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
    .get("/v1/avatars/:id/idle.jpg", async (c) => {
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
    .get("/v1/avatars/:id/frames/:file", async (c) => {
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
