/**
 * Test support: a worker that opens, answers queries, and answers each `infer` after 20 ms with
 * its own name (`ort-<index>`) and the intra-op threads it was opened with instead of tensors, so a test sees which worker ran a call; the
 * worker named in the `crash` query parameter of its module URL dies on its first `infer` instead,
 * to exercise the fallback of {@linkcode createOrtWorkerBackend}'s dedicated workers.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import type { FromWorker, ToWorker } from "./_worker_protocol.ts";

const crash = new URL(import.meta.url).searchParams.get("crash");
let intraOpThreads: number | undefined;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const reply = (answer: FromWorker) => self.postMessage(answer);
  if (message.type === "open") {
    intraOpThreads = message.options.intraOpThreads;
    reply({ type: "opened" });
  } else if (message.type === "query") {
    reply({ type: "result", id: message.id, value: true });
  } else if (message.type === "infer") {
    setTimeout(() => {
      if (self.name === crash) throw new Error("the worker crashed");
      reply({
        type: "result",
        id: message.id,
        value: { worker: self.name, intraOpThreads },
      });
    }, 20);
  } else if (message.type === "close") {
    reply({ type: "result", id: message.id, value: undefined });
  }
};
