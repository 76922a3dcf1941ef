/**
 * The `/docs` reference page: Swagger UI (`swagger-ui-dist`, pinned in
 * `edge/deno.json`) over `/openapi.json`, served from memory: the bundle and
 * its stylesheet are text imports, so nothing is read from disk or fetched
 * from a CDN at request time.
 *
 * @module
 */

import SWAGGER_UI_JS from "swagger-ui-dist/swagger-ui-bundle.js" with {
  type: "text",
};
import SWAGGER_UI_CSS from "swagger-ui-dist/swagger-ui.css" with {
  type: "text",
};
import DOCS_INIT_JS from "./docs_init.js" with { type: "text" };

/** A file of the docs page. */
export interface DocsAsset {
  /** The `Content-Type`. */
  contentType: string;
  /** The bytes, encoded once at start-up. */
  body: Uint8Array<ArrayBuffer>;
}

const JS = "text/javascript; charset=utf-8";
const utf8 = (text: string) => new TextEncoder().encode(text);

/** `GET /docs`: the page, which loads only the assets below. */
export const DOCS_PAGE: DocsAsset = {
  contentType: "text/html; charset=utf-8",
  body: utf8(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lipstream API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`),
};

/** `GET /docs/:name`. */
export const DOCS_ASSETS: Readonly<Record<string, DocsAsset>> = {
  "swagger-ui-bundle.js": { contentType: JS, body: utf8(SWAGGER_UI_JS) },
  "swagger-ui.css": {
    contentType: "text/css; charset=utf-8",
    body: utf8(SWAGGER_UI_CSS),
  },
  "init.js": { contentType: JS, body: utf8(DOCS_INIT_JS) },
};

/**
 * The Content-Security-Policy of `/docs`: the web client's (`web/mod.ts`)
 * plus `data:` images, which Swagger UI's stylesheet uses for its icons.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";
