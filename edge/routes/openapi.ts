/**
 * `GET /openapi.json`, generated from the request schemas with zod's
 * `z.toJSONSchema`, and `GET /docs`, a small self-contained page over it.
 *
 * @module
 */

import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/app_env.ts";
import type { RequestSchemas } from "../http/schemas.ts";

const PROBLEM = {
  description: "RFC 9457 problem details",
  content: {
    "application/problem+json": {
      schema: { $ref: "#/components/schemas/Problem" },
    },
  },
};

function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, PROBLEM]));
}

function queryParameters(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, { io: "input" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * Builds the OpenAPI 3.1 document of the API.
 *
 * @param schemas The request schemas.
 * @returns The document.
 *
 * @example The speak body comes from its zod schema
 * ```ts
 * import { buildOpenApi } from "@lipstream/edge/routes/openapi";
 * import { createRequestSchemas } from "@lipstream/edge/schemas";
 * import assert from "node:assert/strict";
 *
 * const doc = buildOpenApi(createRequestSchemas({ maxTextLength: 500 }));
 * const speak = doc.components.schemas.SpeakRequest as { properties: { text: { maxLength: number } } };
 * assert.equal(speak.properties.text.maxLength, 500);
 * ```
 */
export function buildOpenApi(schemas: RequestSchemas): {
  openapi: string;
  components: { schemas: Record<string, unknown> };
  [key: string]: unknown;
} {
  const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input" });
  return {
    openapi: "3.1.0",
    info: { title: "Lipstream", version: "0.1.0" },
    paths: {
      "/v1/speak": {
        post: {
          summary:
            "Speak text as one multipart/mixed stream of WAV and JPEG parts",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/SpeakRequest" },
              },
            },
          },
          responses: {
            200: {
              description:
                "multipart/mixed: start JSON, per sentence a WAV part (X-Sample-Start, X-Start-Ms) then JPEG parts (X-Frame-Index, X-Pts-Ms), end JSON with timings; a problem part on failure",
              content: { "multipart/mixed": {} },
            },
            ...errors(400, 401, 404, 413, 415, 429, 503, 504),
          },
        },
      },
      "/v1/utterances/{id}": {
        delete: {
          summary: "Cancel a running utterance",
          parameters: [{
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          }],
          responses: { 204: { description: "Cancelled" }, ...errors(404) },
        },
      },
      "/v1/tts": {
        post: {
          summary: "Text to an in-memory WAV (bytes or data URI)",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/TtsRequest" },
              },
            },
          },
          responses: {
            200: {
              description:
                "audio/wav, or JSON {audio, sample_rate, duration_ms}",
              content: { "audio/wav": {}, "application/json": {} },
            },
            ...errors(400, 401, 404, 413, 415, 429, 503, 504),
          },
        },
      },
      "/v1/lipsync": {
        post: {
          summary:
            "Lip-sync uploaded audio: the same multipart/mixed stream as /v1/speak, without synthesis",
          parameters: queryParameters(schemas.lipsync),
          requestBody: {
            required: true,
            content: {
              "audio/wav": { schema: { type: "string", format: "binary" } },
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["audio", "avatar"],
                  properties: {
                    audio: { type: "string", format: "binary" },
                    ...z.toJSONSchema(schemas.lipsync, { io: "input" })
                      .properties,
                  },
                },
              },
            },
          },
          responses: {
            200: {
              description:
                "multipart/mixed: start JSON, per second of audio a WAV part then its JPEG parts, end JSON; a problem part on failure",
              content: { "multipart/mixed": {} },
            },
            ...errors(400, 401, 404, 413, 415, 429, 503, 504),
          },
        },
      },
      "/v1/speak.mjpeg": {
        get: {
          summary: "Frames only, multipart/x-mixed-replace for <img>",
          parameters: queryParameters(schemas.mjpeg),
          responses: {
            200: {
              description: "MJPEG stream",
              content: { "multipart/x-mixed-replace": {} },
            },
            ...errors(400, 401, 404, 429),
          },
        },
      },
      "/v1/voices": {
        get: { summary: "Voices", responses: { 200: { description: "OK" } } },
      },
      "/v1/avatars": {
        get: { summary: "Avatars", responses: { 200: { description: "OK" } } },
      },
      "/v1/avatars/{id}/idle.jpg": {
        get: {
          summary:
            "The avatar's idle frame, to show before and after speech: the frame the session's next utterance starts on",
          parameters: [{
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          }, ...queryParameters(schemas.idle)],
          responses: {
            200: {
              description: "JPEG",
              content: { "image/jpeg": {} },
            },
            ...errors(400, 404),
          },
        },
      },
      "/v1/avatars/{id}/frames/{index}.jpg": {
        get: {
          summary:
            "Frame `index` of the avatar's idle video, for clients that animate the ping-pong idle loop themselves (position p shows frame p < n ? p : 2·(n−1) − p)",
          parameters: ["id", "index"].map((name) => ({
            name,
            in: "path",
            required: true,
            schema: name === "index"
              ? { type: "integer", minimum: 0 }
              : { type: "string" },
          })),
          responses: {
            200: {
              description: "JPEG",
              content: { "image/jpeg": {} },
            },
            ...errors(404),
          },
        },
      },
      "/healthz": {
        get: { summary: "Liveness", responses: { 200: { description: "OK" } } },
      },
      "/readyz": {
        get: {
          summary: "Readiness",
          responses: { 200: { description: "Ready" }, 503: PROBLEM },
        },
      },
      "/metrics": {
        get: {
          summary: "Prometheus metrics",
          responses: { 200: { description: "Text exposition" } },
        },
      },
    },
    components: {
      schemas: {
        SpeakRequest: json(schemas.speak),
        TtsRequest: json(schemas.tts),
        Problem: {
          type: "object",
          required: ["type", "title", "status"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            request_id: { type: "string" },
            errors: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  path: { type: "string" },
                  message: { type: "string" },
                },
              },
            },
          },
        },
      },
    },
  };
}

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lipstream API</title>
<style>body{font:15px system-ui;max-width:52rem;margin:2rem auto;padding:0 1rem}
code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow:auto}</style>
</head><body><h1>Lipstream API</h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<div id="paths">Loading…</div>
<script>
fetch("/openapi.json").then((r) => r.json()).then((doc) => {
  const root = document.getElementById("paths");
  root.textContent = "";
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const h = document.createElement("h3");
      h.textContent = method.toUpperCase() + " " + path;
      const p = document.createElement("p");
      p.textContent = op.summary;
      root.append(h, p);
      const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
      if (ref) {
        const pre = document.createElement("pre");
        pre.textContent = JSON.stringify(doc.components.schemas[ref.split("/").pop()], null, 2);
        root.append(pre);
      }
    }
  }
});
</script></body></html>
`;

/**
 * Creates the OpenAPI and docs routes.
 *
 * @param schemas The request schemas.
 * @returns The sub-app.
 */
export function openApiRoutes(schemas: RequestSchemas): Hono<AppEnv> {
  const doc = buildOpenApi(schemas);
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => c.json(doc))
    .get("/docs", (c) => c.html(DOCS_HTML));
}
