/**
 * The browser client served by the edge: the page at `/` and its files under
 * `/web/`. The client is TypeScript in `client/` (checked with the DOM types,
 * unit-tested in Deno), bundled by `deno task web:bundle` into the committed
 * `app.bundle.js`; the page, the styles and the bundle are imported as text,
 * so they are part of the module graph and any runtime (Deno, Workers-style
 * isolates) serves them from memory, with no filesystem and no build step.
 *
 * @module
 */

import APP_JS from "./app.bundle.js" with { type: "text" };
import INDEX_HTML from "./client/index.html" with { type: "text" };
import STYLE_CSS from "./client/style.css" with { type: "text" };

/** One static file: its media type and text. */
export interface WebAsset {
  /** The `Content-Type` to send. */
  contentType: string;
  /** The file's text. */
  body: string;
}

/** The page itself, served at `/`. */
export const INDEX_PAGE: WebAsset = {
  contentType: "text/html; charset=utf-8",
  body: INDEX_HTML,
};

/** The files under `/web/`, by name. */
export const WEB_ASSETS: Readonly<Record<string, WebAsset>> = {
  "app.js": { contentType: "text/javascript; charset=utf-8", body: APP_JS },
  "style.css": { contentType: "text/css; charset=utf-8", body: STYLE_CSS },
};

/**
 * The Content-Security-Policy of the page: everything from the edge itself,
 * plus `data:`/`blob:` media for simple mode's `<audio src="data:…">`.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "media-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'";
