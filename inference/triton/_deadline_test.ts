import assert from "node:assert/strict";
import { InferenceError } from "@lipstream/shared";
import { withDeadline } from "./_deadline.ts";

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), {
      once: true,
    });
  });
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof InferenceError, String(error));
  return error.kind;
}

Deno.test("withDeadline() reports timeout, caller abort and client close as distinct kinds", async () => {
  const closed = new AbortController();
  assert.equal(
    await kindOf(
      withDeadline(
        { action: "a", timeoutMs: 10, closed: closed.signal },
        waitForAbort,
      ),
    ),
    "timeout",
  );
  const caller = new AbortController();
  setTimeout(() => caller.abort(), 10);
  assert.equal(
    await kindOf(
      withDeadline({
        action: "a",
        signal: caller.signal,
        closed: closed.signal,
      }, waitForAbort),
    ),
    "cancelled",
  );
  const closing = withDeadline(
    { action: "a", closed: closed.signal },
    waitForAbort,
  );
  closed.abort();
  assert.equal(await kindOf(closing), "cancelled");
  assert.equal(
    await kindOf(
      withDeadline(
        { action: "a", closed: closed.signal },
        () => Promise.resolve(1),
      ),
    ),
    "cancelled",
  );
});

Deno.test("withDeadline() passes results and InferenceErrors through, wraps other errors", async () => {
  const closed = new AbortController().signal;
  assert.equal(
    await withDeadline(
      { action: "a", timeoutMs: 1000, closed },
      () => Promise.resolve(7),
    ),
    7,
  );
  const own = new InferenceError("not_found", "x", { status: 404 });
  await assert.rejects(
    withDeadline({ action: "a", closed }, () => Promise.reject(own)),
    (e) => e === own,
  );
  await assert.rejects(
    withDeadline(
      { action: "Cannot go", closed },
      () => Promise.reject(new Error("boom")),
    ),
    (e) =>
      e instanceof InferenceError && e.kind === "internal" &&
      e.message === "Cannot go: boom",
  );
});
