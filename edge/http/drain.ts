/**
 * Graceful stop: once a drain begins the server reports not ready, refuses
 * new streams (503 + `Retry-After`), lets running utterances finish until a
 * deadline, then ends the rest with an error part (`shutting-down`).
 *
 * @module
 */

import {
  ShutdownError,
  type UtteranceRegistry,
} from "../pipeline/utterances.ts";

/** What a drain did. */
export interface DrainReport {
  /** Utterances running when it began. */
  running: number;
  /** Utterances ended by the deadline. */
  cancelled: number;
  /** How long it took in milliseconds. */
  ms: number;
}

/** The drain state of one app. */
export class Drain {
  #draining = false;
  #utterances: UtteranceRegistry;

  /**
   * Creates the state for the utterances of one app.
   *
   * @param utterances The app's running utterances.
   */
  constructor(utterances: UtteranceRegistry) {
    this.#utterances = utterances;
  }

  /** Whether a drain has begun (readiness fails, new streams are refused). */
  get draining(): boolean {
    return this.#draining;
  }

  /**
   * Begins (or continues) the drain: waits up to `timeoutMs` for running
   * utterances, then aborts the rest with a {@linkcode ShutdownError} and
   * waits for their streams to end.
   *
   * @param timeoutMs The deadline for running utterances (0: end them now).
   * @returns What it did.
   *
   * @example Nothing running: done at once
   * ```ts
   * import { Drain } from "@lipstream/edge/drain";
   * import { UtteranceRegistry } from "@lipstream/edge/utterances";
   * import assert from "node:assert/strict";
   *
   * const drain = new Drain(new UtteranceRegistry());
   * const report = await drain.run(10_000);
   * assert.equal(drain.draining, true);
   * assert.equal(report.running, 0);
   * ```
   */
  async run(timeoutMs: number): Promise<DrainReport> {
    const started = performance.now();
    this.#draining = true;
    const running = this.#utterances.size;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<"deadline">((resolve) => {
      timer = setTimeout(() => resolve("deadline"), timeoutMs);
    });
    const outcome = await Promise.race([
      this.#utterances.whenIdle().then(() => "idle" as const),
      deadline,
    ]);
    clearTimeout(timer);
    let cancelled = 0;
    if (outcome === "deadline") {
      cancelled = this.#utterances.abortAll(new ShutdownError());
      await this.#utterances.whenIdle();
    }
    return { running, cancelled, ms: performance.now() - started };
  }
}
