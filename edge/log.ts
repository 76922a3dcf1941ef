/**
 * Structured logs: one JSON object per line with time, level, message and
 * fields (the request id among them).
 *
 * @module
 */

import { defined } from "@lipstream/shared";

/** The severities of log lines, least severe first (`LOG_LEVEL`). */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** A severity of log lines. */
export type LogLevel = typeof LOG_LEVELS[number];

/** Fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/** A structured logger. */
export interface Logger {
  /** Logs at `debug`. */
  debug(message: string, fields?: LogFields): void;
  /** Logs at `info`. */
  info(message: string, fields?: LogFields): void;
  /** Logs at `warn`. */
  warn(message: string, fields?: LogFields): void;
  /** Logs at `error`. */
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  with(fields: LogFields): Logger;
}

const SEVERITY: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

/** Options for {@linkcode createJsonLogger}. */
export interface JsonLoggerOptions {
  /** Least severe level written. @default {"info"} */
  level?: LogLevel;
  /** Where lines go. @default {console.log} */
  write?: (line: string) => void;
  /** The clock. @default {() => new Date()} */
  now?: () => Date;
}

/**
 * Creates a logger that writes one JSON object per line.
 *
 * @param options Level, sink and clock.
 * @returns The logger.
 *
 * @example Lines carry their fields
 * ```ts
 * import { createJsonLogger } from "@lipstream/edge/log";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const log = createJsonLogger({ write: (line) => lines.push(line), now: () => new Date(0) });
 * log.with({ request_id: "r1" }).info("done", { status: 200 });
 * log.debug("hidden");
 * assert.deepEqual(lines.map((line) => JSON.parse(line)), [
 *   { time: "1970-01-01T00:00:00.000Z", level: "info", msg: "done", request_id: "r1", status: 200 },
 * ]);
 * ```
 */
export function createJsonLogger(options: JsonLoggerOptions = {}): Logger {
  const {
    level = "info",
    write = (line) => console.log(line),
    now = () => new Date(),
  } = options;
  function make(base: LogFields): Logger {
    function log(at: LogLevel, msg: string, fields: LogFields = {}) {
      if (SEVERITY[at] < SEVERITY[level]) return;
      write(JSON.stringify({
        time: now().toISOString(),
        level: at,
        msg,
        ...base,
        ...fields,
      }, errorReplacer));
    }
    return {
      debug: (msg, fields) => log("debug", msg, fields),
      info: (msg, fields) => log("info", msg, fields),
      warn: (msg, fields) => log("warn", msg, fields),
      error: (msg, fields) => log("error", msg, fields),
      with: (fields) => make({ ...base, ...fields }),
    };
  }
  return make({});
}

/** Errors become `{name, message, stack, cause}` in log lines (never in responses). */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      ...defined({ cause: value.cause }),
    };
  }
  return value;
}
