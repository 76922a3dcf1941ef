/**
 * Measures how long each step of an async iterable takes to produce.
 *
 * @module
 */

/**
 * Re-yields `iterable`, reporting the milliseconds each item took to arrive.
 *
 * @param iterable The source.
 * @param onStep Called with the duration of each produced item.
 * @param now The clock in milliseconds. @default {performance.now}
 * @returns The same items.
 */
export async function* timed<T>(
  iterable: AsyncIterable<T>,
  onStep: (ms: number) => void,
  now: () => number = () => performance.now(),
): AsyncGenerator<T> {
  let start = now();
  for await (const item of iterable) {
    onStep(now() - start);
    yield item;
    start = now();
  }
}
