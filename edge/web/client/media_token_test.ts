import assert from "node:assert/strict";
import { mediaTokenQuery } from "./media_token.ts";

Deno.test("mediaTokenQuery() mints with the key and encodes the token for a query", async () => {
  const asked: [string, RequestInit | undefined][] = [];
  const fetcher = (url: string | URL | Request, init?: RequestInit) => {
    asked.push([String(url), init]);
    return Promise.resolve(
      Response.json({ token: "v1.a.0.x+y", expires_at: "" }),
    );
  };
  const query = await mediaTokenQuery(
    { Authorization: "Bearer k" },
    AbortSignal.timeout(1000),
    fetcher as typeof fetch,
  );
  assert.equal(query, "&token=v1.a.0.x%2By");
  assert.equal(asked[0]![0], "/v1/media-token");
  assert.equal(asked[0]![1]?.method, "POST");
});

Deno.test("mediaTokenQuery() fails loudly when the key is refused, and asks nothing without one", async () => {
  const refused = () => Promise.resolve(new Response(null, { status: 401 }));
  await assert.rejects(
    mediaTokenQuery(
      { Authorization: "Bearer bad" },
      AbortSignal.timeout(1000),
      refused as typeof fetch,
    ),
    /HTTP 401/,
  );
  const server = () => Promise.resolve(Response.json({ token: null }));
  assert.equal(
    await mediaTokenQuery(
      { Authorization: "Bearer k" },
      AbortSignal.timeout(1000),
      server as typeof fetch,
    ),
    "",
  );
});
