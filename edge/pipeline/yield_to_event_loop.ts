/**
 * Lets the event loop run: resolves on a timer turn, after the I/O that is
 * ready (new requests, disconnects) has had its callbacks. The frame
 * pipeline awaits it before each frame's CPU work (paste-back, JPEG), so one
 * stream's frames are slices that other requests run between instead of a
 * batch that holds the thread. A timer, not a message channel or a
 * microtask: in Deno those run before pending I/O, which would still starve
 * it (measured: a request waited 700 ms behind 5 ms slices yielding through
 * a `MessageChannel`, 57 ms through timers).
 *
 * @module
 */

/**
 * Resolves on the next timer turn.
 *
 * @returns A promise that resolves after pending I/O callbacks ran.
 *
 * @example
 * ```ts
 * import { yieldToEventLoop } from "./yield_to_event_loop.ts";
 *
 * for (let frame = 0; frame < 3; frame++) {
 *   await yieldToEventLoop(); // other requests may run here
 * }
 * ```
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
