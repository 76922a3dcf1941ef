/**
 * A watchdog for iterables: each step must produce within a time limit.
 *
 * @module
 */

import { InferenceError } from "@lipstream/shared";

/**
 * Re-yields `iterable`, failing with an `InferenceError` of kind `"timeout"`
 * when one step takes longer than `timeoutMs`. On timeout the iterator is
 * told to return; pair it with an abort of the work behind it.
 *
 * @param iterable The source.
 * @param timeoutMs The longest wait for one item, in milliseconds.
 * @returns The same items.
 */
export async function* withStepTimeout<T>(
  iterable: AsyncIterable<T>,
  timeoutMs: number,
): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  try {
    while (true) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new InferenceError(
                "timeout",
                `Backend did not answer within ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        );
      });
      let next: IteratorResult<T>;
      try {
        next = await Promise.race([iterator.next(), timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    Promise.resolve(iterator.return?.()).catch(() => {});
  }
}
