/**
 * Utterances in flight, by id, so `DELETE /v1/utterances/:id` can abort one.
 *
 * @module
 */

/** The abort handles of running utterances. */
export class UtteranceRegistry {
  #running = new Map<string, { owner: string; controller: AbortController }>();

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
    return () => {
      if (this.#running.get(id) === options) this.#running.delete(id);
    };
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
    entry.controller.abort(
      new DOMException("Utterance cancelled by DELETE", "AbortError"),
    );
    this.#running.delete(id);
    return true;
  }
}
