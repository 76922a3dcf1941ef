import assert from "node:assert/strict";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { createTestApp } from "../../tests/support/test_app.ts";
import { DOCS_ASSETS, DOCS_CSP } from "./docs_page.ts";

/** Routes that serve the browser and the document itself, not the API. */
const UNDOCUMENTED = [
  "GET /",
  "GET /favicon.ico",
  "GET /web/:name",
  "GET /openapi.json",
  "GET /docs",
  "GET /docs/:name",
];

/**
 * The warnings left on purpose: the repository has no licence to name, and
 * liveness and readiness answer no 4xx.
 */
const ACCEPTED_WARNINGS = [
  "info-license #/info",
  "operation-4xx-response #/paths/~1healthz/get/responses",
  "operation-4xx-response #/paths/~1readyz/get/responses",
];

async function openApiDocument() {
  const { app } = createTestApp();
  const response = await app.request("/openapi.json");
  assert.equal(response.status, 200);
  return await response.json();
}

Deno.test("/openapi.json passes Redocly's recommended ruleset with no errors", async () => {
  const doc = await openApiDocument();
  const problems = await lintFromString({
    source: JSON.stringify(doc),
    absoluteRef: "http://localhost/openapi.json",
    config: await createConfig({ extends: ["recommended"] }),
  });
  const found = problems.map((problem) =>
    `${problem.severity} ${problem.ruleId} ${
      problem.location[0]?.pointer ?? ""
    }: ${problem.message}`
  );
  assert.deepEqual(found.filter((line) => line.startsWith("error")), []);
  assert.deepEqual(
    found.filter((line) => !line.startsWith("error"))
      .map((line) => line.replace(/^\S+ /, "").replace(/: .*$/, "")).sort(),
    ACCEPTED_WARNINGS,
  );
});

Deno.test("every route the app registers is documented, and every documented operation is registered", async () => {
  const { app } = createTestApp({
    config: { apiKeys: ["k".repeat(20)], metricsRequireKey: true },
  });
  const registered = new Set(
    app.routes
      .filter((route) => route.method !== "ALL")
      .map((route) => `${route.method} ${route.path}`),
  );
  const doc = await openApiDocument();
  const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations as object).map((method) =>
      `${method.toUpperCase()} ${path.replaceAll(/{([^}]+)}/g, ":$1")}`
    )
  );
  assert.deepEqual(
    [...registered].filter((route) => !UNDOCUMENTED.includes(route)).sort(),
    [...documented].sort(),
  );
});

Deno.test("/openapi.json: form uploads carry avatar as a required field, /readyz answers JSON, /v1 needs the Bearer scheme", async () => {
  const doc = await openApiDocument();
  const lipsync = doc.paths["/v1/lipsync"].post;
  const form = doc.components.schemas.LipsyncForm;
  assert.ok(lipsync.requestBody.content["multipart/form-data"]);
  assert.deepEqual(form.required.sort(), ["audio", "avatar"]);
  assert.ok(
    lipsync.parameters.every((p: { required: boolean }) => !p.required),
  );
  assert.deepEqual(
    Object.keys(doc.paths["/readyz"].get.responses[503].content),
    ["application/json"],
  );
  assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
    type: "http",
    scheme: "bearer",
    description: doc.components.securitySchemes.bearerAuth.description,
  });
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith("/v1/")) continue;
    for (const operation of Object.values(operations as object)) {
      assert.deepEqual(operation.security, [{ bearerAuth: [] }], path);
      assert.ok(operation.responses[401], path);
    }
  }
});

Deno.test("GET /docs serves Swagger UI and its files from memory under a CSP", async () => {
  const { app } = createTestApp({ config: { apiKeys: ["k".repeat(20)] } });
  const page = await app.request("/docs");
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("content-security-policy"), DOCS_CSP);
  const html = await page.text();
  const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) =>
    m[1]
  );
  assert.deepEqual(sources.sort(), [
    "/docs/init.js",
    "/docs/swagger-ui-bundle.js",
    "/docs/swagger-ui.css",
  ]);
  for (const source of sources) {
    const response = await app.request(source!);
    assert.equal(response.status, 200, source);
    assert.equal(
      response.headers.get("content-type"),
      DOCS_ASSETS[source!.slice("/docs/".length)]!.contentType,
    );
    assert.ok((await response.text()).length > 0);
  }
  assert.match(
    await (await app.request("/docs/swagger-ui-bundle.js")).text(),
    /SwaggerUIBundle/,
  );
  const missing = await app.request("/docs/nope.js");
  assert.equal(missing.status, 404);
  await missing.body?.cancel();
});
