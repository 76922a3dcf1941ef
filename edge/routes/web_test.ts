import assert from "node:assert/strict";
import { createTestApp } from "../../tests/support/test_app.ts";
import { WEB_ASSETS } from "../web/mod.ts";

Deno.test("GET / serves the page under a strict CSP without an API key", async () => {
  const { app } = createTestApp({ config: { apiKeys: ["k".repeat(20)] } });
  const response = await app.request("/");
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
  assert.match(
    response.headers.get("content-security-policy") ?? "",
    /script-src 'self'/,
  );
  const html = await response.text();
  assert.match(html, /<script type="module" src="\/web\/app.js">/);
  for (
    const id of ["text", "voice", "speaker", "language", "avatar", "speed"]
  ) {
    assert.match(html, new RegExp(`<label for="${id}">`), `label for ${id}`);
  }
});

Deno.test("GET /web/:name serves every module the page imports, and 404s others", async () => {
  const { app } = createTestApp();
  const imported = new Set<string>(["app.js", "style.css"]);
  for (const asset of Object.values(WEB_ASSETS)) {
    for (const match of asset.body.matchAll(/from "\.\/([\w.]+)"/g)) {
      imported.add(match[1]!);
    }
  }
  for (const name of imported) {
    const response = await app.request(`/web/${name}`);
    assert.equal(response.status, 200, name);
    assert.equal(
      response.headers.get("content-type"),
      WEB_ASSETS[name]!.contentType,
    );
    await response.body?.cancel();
  }
  for (const name of ["nope.js", "__proto__", "..%2Fapp.ts"]) {
    const response = await app.request(`/web/${name}`);
    assert.equal(response.status, 404, name);
    await response.body?.cancel();
  }
});
