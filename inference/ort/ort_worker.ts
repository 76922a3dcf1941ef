/**
 * The worker side of {@linkcode createOrtWorkerBackend}: a module run as a Web Worker that loads the
 * repository into ONNX Runtime ({@linkcode createOrtBackend}) and answers the caller's messages, so
 * onnxruntime-node's synchronous runs hold this thread instead of the caller's.
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { createOrtBackend, type OrtBackend } from "./ort_backend.ts";
import {
  type FromWorker,
  toWireError,
  type ToWorker,
  transferableBuffers,
} from "./_worker_protocol.ts";

let backend: OrtBackend | undefined;
/** Calls not finished yet, so a `cancel` can abort them. */
const running = new Map<number, AbortController>();

function reply(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  try {
    self.postMessage(message, transfer);
  } catch {
    // A buffer that cannot be transferred (e.g. memory owned by the addon) is copied instead.
    self.postMessage(message);
  }
}

/** Runs `work` for call `id` (abortable by a `cancel`) and replies with its result or error. */
async function answer<T>(
  id: number,
  work: (signal: AbortSignal) => Promise<T>,
  transferOf: (value: T) => ArrayBuffer[] = () => [],
) {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const value = await work(controller.signal);
    reply({ type: "result", id, value }, transferOf(value));
  } catch (error) {
    reply({ type: "error", id, error: toWireError(error) });
  } finally {
    running.delete(id);
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "open":
      try {
        backend = await createOrtBackend(message.options);
        reply({ type: "opened" });
      } catch (error) {
        reply({ type: "open-failed", error: toWireError(error) });
      }
      return;
    case "infer":
      await answer(
        message.id,
        (signal) =>
          backend!.infer(message.model, message.inputs, {
            ...message.options,
            signal,
          }),
        transferableBuffers,
      );
      return;
    case "query": {
      const method = backend![message.method] as (
        ...args: unknown[]
      ) => Promise<unknown>;
      await answer(message.id, () => method.apply(backend, message.args));
      return;
    }
    case "cancel":
      running.get(message.id)?.abort();
      return;
    case "close":
      await answer(message.id, async () => {
        for (const controller of running.values()) controller.abort();
        await backend?.close();
      });
      self.close();
      return;
  }
};
