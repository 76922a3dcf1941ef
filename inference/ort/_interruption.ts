/**
 * Internal: how an inference call ends early: its signal aborts (`cancelled`) or its timeout passes
 * (`timeout`), as {@linkcode InferenceError}s; shared by the in-process and worker ORT backends.
 *
 * @module
 */
import { InferenceError, type InferOptions } from "@lipstream/shared";

/** The error for a call on `model` cancelled with `reason` (kept when it already is one). */
export function cancelled(model: string, reason: unknown): InferenceError {
  return reason instanceof InferenceError ? reason : new InferenceError(
    "cancelled",
    `Inference on model '${model}' was cancelled`,
    { cause: reason },
  );
}

/** Rejects when the signal aborts or the timeout passes; `stop` removes the listeners. */
export function interruption(model: string, options: InferOptions) {
  let stop = () => {};
  const promise = new Promise<never>((_, reject) => {
    const signal = options.signal;
    const onAbort = () => reject(cancelled(model, signal?.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(
      () =>
        reject(
          new InferenceError(
            "timeout",
            `Inference on model '${model}' exceeded ${options.timeoutMs} ms`,
          ),
        ),
      options.timeoutMs,
    );
    stop = () => {
      signal?.removeEventListener("abort", onAbort);
      if (timer !== undefined) clearTimeout(timer);
    };
  });
  return { promise, stop: () => stop() };
}
