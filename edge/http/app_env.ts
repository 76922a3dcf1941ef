/**
 * The Hono environment of the edge app: per-request variables set by middleware.
 *
 * @module
 */

import type { Logger } from "../log.ts";

/** Hono `Env` of the edge app. */
export interface AppEnv {
  /** Per-request variables. */
  Variables: {
    /** The request id (from `X-Request-Id` when safe, else random). */
    requestId: string;
    /** The logger with the request id attached. */
    log: Logger;
    /** Who is calling: `key:<n>` for the n-th API key, `address:<ip>` without keys, or `anonymous` in process. */
    clientKey: string;
  };
}
