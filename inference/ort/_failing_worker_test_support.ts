/**
 * Test support: a worker that opens, answers `isReady`, and dies of an uncaught error on its first
 * `infer`, to exercise {@linkcode createOrtWorkerBackend}'s failure path.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import type { FromWorker, ToWorker } from "./_worker_protocol.ts";

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const reply = (answer: FromWorker) => self.postMessage(answer);
  if (message.type === "open") reply({ type: "opened" });
  else if (message.type === "query") {
    reply({ type: "result", id: message.id, value: true });
  } else if (message.type === "infer") {
    setTimeout(() => {
      throw new Error("the worker crashed");
    });
  } else if (message.type === "close") {
    reply({ type: "result", id: message.id, value: undefined });
  }
};
