/**
 * Progress of a long builder step: on a terminal one bar redrawn in place
 * with rate and ETA, otherwise plain lines (about every 10 % and at the end),
 * so logs stay readable.
 *
 * @module
 */

/** Options of {@linkcode createProgress}. */
export interface ProgressOptions {
  /** What is counted, e.g. `face detection`. */
  label: string;
  /** How many items there are. */
  total: number;
  /** Redraw one bar in place (a TTY) instead of writing lines. */
  tty: boolean;
  /** Where text goes. */
  write: (text: string) => void;
  /** The clock in milliseconds. @default {performance.now} */
  now?: () => number;
}

/** Counts items done and reports. */
export interface Progress {
  /** One more item done. */
  tick(): void;
}

/**
 * Creates a progress reporter.
 *
 * @param options Label, total, output kind and sink.
 * @returns The reporter.
 *
 * @example Plain lines, ETA from the rate so far
 * ```ts
 * import { createProgress } from "@lipstream/edge/avatar_build";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * let t = 0;
 * const progress = createProgress({
 *   label: "face detection", total: 4, tty: false,
 *   write: (text) => lines.push(text), now: () => t,
 * });
 * for (let i = 0; i < 4; i++) { t += 500; progress.tick(); }
 * assert.equal(lines[0], "face detection: 1/4 frames (25%), 2.0 frames/s, ETA 2 s\n");
 * assert.equal(lines.at(-1), "face detection: 4/4 frames (100%), 2.0 frames/s, done in 2 s\n");
 * ```
 */
export function createProgress(options: ProgressOptions): Progress {
  const { label, total, tty, write, now = () => performance.now() } = options;
  const started = now();
  let done = 0;
  let lastDecile = -1;
  return {
    tick() {
      done++;
      const elapsedS = (now() - started) / 1000;
      const rate = elapsedS > 0 ? done / elapsedS : 0;
      const percent = Math.floor(done * 100 / total);
      const tail = done >= total
        ? `done in ${Math.round(elapsedS)} s`
        : `ETA ${rate > 0 ? Math.ceil((total - done) / rate) : "?"} s`;
      const text = `${done}/${total} frames (${percent}%), ${
        rate.toFixed(1)
      } frames/s, ${tail}`;
      if (tty) {
        const width = 24;
        const filled = Math.round(width * done / total);
        write(
          `\r${label} [${"#".repeat(filled)}${
            ".".repeat(width - filled)
          }] ${text}\x1b[K${done >= total ? "\n" : ""}`,
        );
        return;
      }
      const decile = Math.floor(done * 10 / total);
      if (decile !== lastDecile || done >= total) {
        lastDecile = decile;
        write(`${label}: ${text}\n`);
      }
    },
  };
}
