/**
 * Runs one client call under a combined abort signal: the caller's `signal`, a `timeoutMs` timer and
 * the client's own close signal; maps how it ended to {@linkcode InferenceError} kinds.
 *
 * @module
 */
import { InferenceError } from "@lipstream/shared";

/** What bounds one call. */
export interface DeadlineOptions {
  /** What the call does, for error messages ("Cannot run model 'x'"). */
  action: string;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Aborted when the client closes. */
  closed: AbortSignal;
}

/**
 * Runs `run` with a signal that aborts on the first of: caller abort, timeout, client close.
 * Errors become `timeout`/`cancelled` InferenceErrors when the signal ended the call; other
 * InferenceErrors pass through; anything else becomes `internal`.
 */
export async function withDeadline<T>(
  options: DeadlineOptions,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { action, signal, timeoutMs, closed } = options;
  const controller = new AbortController();
  let timedOut = false;
  const abort = () => controller.abort(new DOMException(action, "AbortError"));
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    abort();
  }, timeoutMs);
  signal?.addEventListener("abort", abort, { once: true });
  closed.addEventListener("abort", abort, { once: true });
  try {
    if (signal?.aborted || closed.aborted) abort();
    controller.signal.throwIfAborted();
    return await run(controller.signal);
  } catch (error) {
    if (timedOut) {
      throw new InferenceError(
        "timeout",
        `${action}: timed out after ${timeoutMs} ms`,
        {
          cause: error,
        },
      );
    }
    if (signal?.aborted) {
      throw new InferenceError("cancelled", `${action}: cancelled`, {
        cause: signal.reason,
      });
    }
    if (closed.aborted) {
      throw new InferenceError("cancelled", `${action}: the client is closed`, {
        cause: error,
      });
    }
    if (error instanceof InferenceError) throw error;
    throw new InferenceError(
      "internal",
      `${action}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
    closed.removeEventListener("abort", abort);
  }
}
