/**
 * The text front end worker: a Web Worker module that runs
 * {@linkcode planSynthesis} (cleaners, segmentation, eSpeak NG phonemes,
 * symbol ids) off the server thread for `front_end_workers.ts`. Not imported
 * by anything else.
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { defined } from "@lipstream/shared";
import { planSynthesis } from "./front_end.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";
import type {
  FromFrontEndWorker,
  ToFrontEndWorker,
} from "./_front_end_protocol.ts";

function reply(message: FromFrontEndWorker, transfer: ArrayBuffer[] = []) {
  self.postMessage(message, transfer);
}

// Sent once the imports (eSpeak NG, the dictionaries) have loaded.
reply({ ready: true });

self.onmessage = async (event: MessageEvent<ToFrontEndWorker>) => {
  const { id, voice, request, options } = event.data;
  try {
    const plan = await planSynthesis(voice, request, options);
    reply({ id, plan }, [plan.ids.buffer as ArrayBuffer]);
  } catch (error) {
    if (error instanceof TextFrontEndError) {
      const { code, field, message, voice, character, cleaner } = error;
      reply({
        id,
        error: {
          name: error.name,
          message,
          frontEnd: {
            code,
            field,
            ...defined({ voice }),
            ...defined({ character }),
            ...defined({ cleaner }),
          },
        },
      });
    } else {
      const { name, message } = error instanceof Error
        ? error
        : { name: "Error", message: String(error) };
      reply({ id, error: { name, message } });
    }
  }
};
