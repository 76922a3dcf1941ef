/**
 * Counting semaphores for open streams: a global limit and a per-caller limit.
 *
 * @module
 */

/** Limits for {@linkcode StreamSlots}. */
export interface StreamSlotLimits {
  /** Streams open at once, all callers. */
  global: number;
  /** Streams open at once per caller key. */
  perKey: number;
}

/** Tracks open streams against a global and a per-key limit. */
export class StreamSlots {
  #limits: StreamSlotLimits;
  #active = 0;
  #byKey = new Map<string, number>();

  /**
   * Creates the tracker.
   *
   * @param limits The global and per-key limits.
   */
  constructor(limits: StreamSlotLimits) {
    this.#limits = limits;
  }

  /** The limits. */
  get limits(): Readonly<StreamSlotLimits> {
    return this.#limits;
  }

  /** Streams open now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Takes a slot for `key` when both limits allow.
   *
   * @param key The caller key.
   * @returns A release function (idempotent), or the limit that was hit (`"global"` or
   * `"per-key"`).
   *
   * @example Per-key limit
   * ```ts
   * import { StreamSlots } from "@lipstream/edge/stream_slots";
   * import assert from "node:assert/strict";
   *
   * const slots = new StreamSlots({ global: 3, perKey: 1 });
   * const release = slots.tryAcquire("a");
   * assert.equal(typeof release, "function");
   * assert.equal(slots.tryAcquire("a"), "per-key");
   * assert.equal(typeof slots.tryAcquire("b"), "function");
   * if (typeof release === "function") release();
   * assert.equal(slots.active, 1);
   * ```
   */
  tryAcquire(key: string): (() => void) | "global" | "per-key" {
    if (this.#active >= this.#limits.global) return "global";
    const held = this.#byKey.get(key) ?? 0;
    if (held >= this.#limits.perKey) return "per-key";
    this.#active++;
    this.#byKey.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active--;
      const left = (this.#byKey.get(key) ?? 1) - 1;
      if (left === 0) this.#byKey.delete(key);
      else this.#byKey.set(key, left);
    };
  }
}
