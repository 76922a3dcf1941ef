/**
 * Utterances in flight, by id, so `DELETE /v1/utterances/:id` can abort one
 * and a graceful stop can wait for them (or end them) before the process exits.
 * With a {@linkcode CancelChannel} (several replicas sharing Redis), every
 * utterance is announced to the other replicas and {@linkcode UtteranceRegistry.cancel}
 * reaches the one that runs it.
 *
 * @module
 */

import type { CancelChannel } from "../store/shared_store.ts";

/** The abort reason of utterances ended by a graceful stop past its deadline. */
export class ShutdownError extends Error {
  /** Creates the error. */
  constructor() {
    super("The server is shutting down");
    this.name = "ShutdownError";
  }
}

/** The abort handles of running utterances. */
export class UtteranceRegistry {
  #running = new Map<string, { owner: string; controller: AbortController }>();
  #idle: (() => void)[] = [];
  readonly #channel: CancelChannel | undefined;

  /**
   * @param channel Cross-replica cancellation; without it only this
   * replica's utterances can be cancelled.
   */
  constructor(channel?: CancelChannel) {
    this.#channel = channel;
    void channel?.listen((id) => this.#abortHere(id));
  }

  /** Utterances running now. */
  get size(): number {
    return this.#running.size;
  }

  /**
   * Registers an utterance until `signal`-owner calls the returned function.
   *
   * @param id The utterance id.
   * @param options The caller key that may cancel it and its controller.
   * @returns A function that unregisters it.
   */
  add(
    id: string,
    options: { owner: string; controller: AbortController },
  ): () => void {
    this.#running.set(id, options);
    void this.#channel?.announce(id, options.owner);
    return () => {
      if (this.#running.get(id) !== options) return;
      this.#delete(id);
    };
  }

  #delete(id: string): void {
    this.#running.delete(id);
    void this.#channel?.withdraw(id);
    if (this.#running.size > 0) return;
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  /**
   * Resolves when no utterance is running (at once when none is).
   *
   * @returns The promise.
   */
  whenIdle(): Promise<void> {
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /**
   * Aborts every running utterance with `reason`; their streams end with an
   * error part and unregister themselves.
   *
   * @param reason The abort reason.
   * @returns How many were running.
   *
   * @example
   * ```ts
   * import { ShutdownError, UtteranceRegistry } from "@lipstream/edge/utterances";
   * import assert from "node:assert/strict";
   *
   * const registry = new UtteranceRegistry();
   * const controller = new AbortController();
   * const unregister = registry.add("u1", { owner: "anonymous", controller });
   * controller.signal.addEventListener("abort", unregister);
   * const idle = registry.whenIdle();
   * assert.equal(registry.abortAll(new ShutdownError()), 1);
   * assert.ok(controller.signal.reason instanceof ShutdownError);
   * await idle;
   * assert.equal(registry.size, 0);
   * ```
   */
  abortAll(reason: unknown): number {
    const entries = [...this.#running.values()];
    for (const entry of entries) entry.controller.abort(reason);
    return entries.length;
  }

  /**
   * Aborts an utterance owned by `owner`.
   *
   * @param id The utterance id.
   * @param owner The caller key.
   * @returns Whether it was found (and aborted).
   *
   * @example
   * ```ts
   * import { UtteranceRegistry } from "@lipstream/edge/utterances";
   * import assert from "node:assert/strict";
   *
   * const registry = new UtteranceRegistry();
   * const controller = new AbortController();
   * registry.add("u1", { owner: "key:0", controller });
   * assert.equal(registry.abort("u1", "key:1"), false);
   * assert.equal(registry.abort("u1", "key:0"), true);
   * assert.equal(controller.signal.aborted, true);
   * ```
   */
  abort(id: string, owner: string): boolean {
    const entry = this.#running.get(id);
    if (!entry || entry.owner !== owner) return false;
    return this.#abortHere(id);
  }

  /**
   * Aborts an utterance owned by `owner` on whichever replica runs it.
   *
   * @param id The utterance id.
   * @param owner The caller key.
   * @returns Whether it was found (and its abort sent).
   * @throws {SharedStoreUnavailableError} When it does not run here and the
   * shared store cannot be asked.
   *
   * @example One replica (no channel): the same as `abort`
   * ```ts
   * import { UtteranceRegistry } from "@lipstream/edge/utterances";
   * import assert from "node:assert/strict";
   *
   * const registry = new UtteranceRegistry();
   * const controller = new AbortController();
   * registry.add("u1", { owner: "key:0", controller });
   * assert.equal(await registry.cancel("u2", "key:0"), false);
   * assert.equal(await registry.cancel("u1", "key:0"), true);
   * assert.equal(controller.signal.aborted, true);
   * ```
   */
  async cancel(id: string, owner: string): Promise<boolean> {
    if (this.abort(id, owner)) return true;
    if (this.#channel === undefined) return false;
    return await this.#channel.cancel(id, owner);
  }

  #abortHere(id: string): boolean {
    const entry = this.#running.get(id);
    if (!entry) return false;
    entry.controller.abort(
      new DOMException("Utterance cancelled by DELETE", "AbortError"),
    );
    this.#delete(id);
    return true;
  }
}
