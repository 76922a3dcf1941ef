import assert from "node:assert/strict";
import { Hono } from "hono";
import { createTestApp } from "../../tests/support/test_app.ts";
import type { AppEnv } from "../http/app_env.ts";
import { createMediaTokens } from "../http/media_token.ts";
import { apiKey } from "../http/middleware/api_key.ts";
import { problemErrors } from "../http/middleware/problem_errors.ts";

const KEY = "k".repeat(20);
const OTHER = "o".repeat(20);
const MJPEG = "/v1/speak.mjpeg?text=Hi.&voice=tone&avatar=square";

Deno.test("a media token opens <img> URLs for its key, and only GET ones", async () => {
  const { app } = createTestApp({ config: { apiKeys: [KEY, OTHER] } });
  const anonymous = await app.request(MJPEG);
  assert.equal(anonymous.status, 401);
  await anonymous.body?.cancel();

  const minted = await app.request("/v1/media-token", {
    method: "POST",
    headers: { Authorization: `Bearer ${OTHER}` },
  });
  assert.equal(minted.status, 200);
  const { token, expires_at } = await minted.json();
  assert.match(token, /^v1\.[0-9a-z]+\.1\./);
  assert.ok(Date.parse(expires_at) > Date.now());

  const stream = await app.request(`${MJPEG}&token=${token}`);
  assert.equal(stream.status, 200);
  assert.match(stream.headers.get("content-type")!, /x-mixed-replace/);
  await stream.body?.cancel();
  const idle = await app.request(`/v1/avatars/square/idle.jpg?token=${token}`);
  assert.equal(idle.status, 200);
  await idle.body?.cancel();

  // Not for requests that can send a header, and not once tampered with.
  const post = await app.request(`/v1/tts?token=${token}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: "Hi.", voice: "tone" }),
  });
  assert.equal(post.status, 401);
  await post.body?.cancel();
  const forged = await app.request(
    `${MJPEG}&token=${token.replace(".1.", ".0.")}`,
  );
  assert.equal(forged.status, 401);
  assert.match((await forged.json()).detail, /not valid/);
});

Deno.test("an expired media token is a 401 that says so", async () => {
  let now = 1_000_000;
  const tokens = createMediaTokens({
    keys: [KEY],
    ttlMs: 1000,
    now: () => now,
  });
  const app = new Hono<AppEnv>();
  app.onError(problemErrors());
  app.use(apiKey([KEY], { tokens }));
  app.get("/v1/img", (c) => c.text(c.var.clientKey));
  const { token } = await tokens.mint(0);
  assert.equal(
    await (await app.request(`/v1/img?token=${token}`)).text(),
    "key:0",
  );
  now += 1001;
  const expired = await app.request(`/v1/img?token=${token}`);
  assert.equal(expired.status, 401);
  assert.match((await expired.json()).detail, /expired/);
});

Deno.test("without API keys no token is needed and none is minted", async () => {
  const { app } = createTestApp({});
  const minted = await app.request("/v1/media-token", { method: "POST" });
  assert.deepEqual(await minted.json(), { token: null, expires_at: null });
});

Deno.test("an over-long token in a media URL is a 400 naming the field", async () => {
  const { app } = createTestApp({});
  const response = await app.request(`${MJPEG}&token=${"t".repeat(300)}`);
  assert.equal(response.status, 400);
  assert.equal(
    response.headers.get("content-type"),
    "application/problem+json",
  );
  const body = await response.json();
  assert.ok(
    body.errors.some((e: { path: string }) => e.path === "/token"),
    JSON.stringify(body),
  );
});
