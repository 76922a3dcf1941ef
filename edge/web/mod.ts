/**
 * The browser client served by the edge: a page at `/` and its modules under
 * `/web/`, held as strings so any runtime (Deno, Workers-style isolates) can
 * serve them with no filesystem and no build step.
 *
 * @module
 */

import { APP_JS } from "./app_js.ts";
import { AUDIO_TIMELINE_JS } from "./audio_timeline_js.ts";
import { CONTROLS_JS } from "./controls_js.ts";
import { FRAME_PAINTER_JS } from "./frame_painter_js.ts";
import { IDLE_LOOP_JS } from "./idle_loop_js.ts";
import { INDEX_HTML } from "./index_html.ts";
import { MULTIPART_JS } from "./multipart_js.ts";
import { STYLE_CSS } from "./style_css.ts";
import { WAV_JS } from "./wav_js.ts";

/** One static file: its media type and text. */
export interface WebAsset {
  /** The `Content-Type` to send. */
  contentType: string;
  /** The file's text. */
  body: string;
}

const JS = "text/javascript; charset=utf-8";

/** The page itself, served at `/`. */
export const INDEX_PAGE: WebAsset = {
  contentType: "text/html; charset=utf-8",
  body: INDEX_HTML,
};

/** The files under `/web/`, by name. */
export const WEB_ASSETS: Readonly<Record<string, WebAsset>> = {
  "app.js": { contentType: JS, body: APP_JS },
  "audio_timeline.js": { contentType: JS, body: AUDIO_TIMELINE_JS },
  "controls.js": { contentType: JS, body: CONTROLS_JS },
  "frame_painter.js": { contentType: JS, body: FRAME_PAINTER_JS },
  "idle_loop.js": { contentType: JS, body: IDLE_LOOP_JS },
  "multipart.js": { contentType: JS, body: MULTIPART_JS },
  "style.css": { contentType: "text/css; charset=utf-8", body: STYLE_CSS },
  "wav.js": { contentType: JS, body: WAV_JS },
};

/**
 * The Content-Security-Policy of the page: everything from the edge itself,
 * plus `data:`/`blob:` media for simple mode's `<audio src="data:…">`.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "media-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
  "frame-ancestors 'none'";
