/**
 * A small async FIFO with a capacity: the producer's `push` waits while it is
 * full, the consumer's iteration waits while it is empty. It links a producer
 * task to a consumer so that work ahead of the consumer stays bounded.
 *
 * @module
 */

/** A FIFO of at most `capacity` items between one producer and one consumer. */
export class BoundedQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #capacity: number;
  #closed = false;
  #failure: { error: unknown } | null = null;
  #wakeConsumer: (() => void) | null = null;
  #wakeProducer: (() => void) | null = null;

  /**
   * Creates an empty queue.
   *
   * @param capacity How many items may wait; at least 1.
   * @throws {RangeError} If `capacity` is not a positive integer.
   */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `Cannot create queue: capacity must be a positive integer: received ${capacity}`,
      );
    }
    this.#capacity = capacity;
  }

  /** Number of items waiting. */
  get size(): number {
    return this.#items.length;
  }

  /**
   * Adds an item, waiting while the queue is full.
   *
   * @param item The item.
   * @throws The failure passed to {@linkcode BoundedQueue.fail}, or `TypeError` after `close`.
   */
  async push(item: T): Promise<void> {
    while (this.#items.length >= this.#capacity && !this.#ended()) {
      await new Promise<void>((resolve) => this.#wakeProducer = resolve);
    }
    if (this.#failure) throw this.#failure.error;
    if (this.#closed) {
      throw new TypeError("Cannot push to queue: it is closed");
    }
    this.#items.push(item);
    this.#wake("consumer");
  }

  /**
   * Takes the next item without waiting, or `undefined` when none waits (a
   * failure or end is reported by the iteration).
   *
   * @example
   * ```ts
   * import { BoundedQueue } from "./bounded_queue.ts";
   * import assert from "node:assert/strict";
   *
   * const queue = new BoundedQueue<number>(2);
   * await queue.push(1);
   * assert.equal(queue.takeNow(), 1);
   * assert.equal(queue.takeNow(), undefined);
   * ```
   */
  takeNow(): T | undefined {
    if (this.#failure || this.#items.length === 0) return undefined;
    const item = this.#items.shift() as T;
    this.#wake("producer");
    return item;
  }

  /** Ends the queue after the items already in it. */
  close(): void {
    this.#closed = true;
    this.#wake("consumer");
    this.#wake("producer");
  }

  /** Ends the queue now: the consumer and a waiting producer get `error`. */
  fail(error: unknown): void {
    this.#failure ??= { error };
    this.#items.length = 0;
    this.#wake("consumer");
    this.#wake("producer");
  }

  /** Yields the items in order until closed; throws the failure, if any. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    while (true) {
      if (this.#failure) throw this.#failure.error;
      if (this.#items.length > 0) {
        const item = this.#items.shift() as T;
        this.#wake("producer");
        yield item;
        continue;
      }
      if (this.#closed) return;
      await new Promise<void>((resolve) => this.#wakeConsumer = resolve);
    }
  }

  #ended(): boolean {
    return this.#closed || this.#failure !== null;
  }

  #wake(side: "consumer" | "producer"): void {
    const wake = side === "consumer" ? this.#wakeConsumer : this.#wakeProducer;
    if (side === "consumer") this.#wakeConsumer = null;
    else this.#wakeProducer = null;
    wake?.();
  }
}
