/**
 * Internal: the messages between `front_end_workers.ts` and
 * `front_end_worker.ts`. A plan's ids cross by transfer; a
 * {@linkcode TextFrontEndError} crosses as its fields and is rebuilt.
 *
 * @module
 */

import type { Voice } from "../voices/voice.ts";
import type { PlanOptions } from "./front_end.ts";
import type { SynthesisPlan, SynthesisRequest } from "./synthesis_plan.ts";
import type { TextFrontEndErrorCode } from "./text_front_end_error.ts";

/** Server thread → worker: plan one sentence. */
export interface ToFrontEndWorker {
  id: number;
  voice: Voice;
  request: SynthesisRequest;
  options: PlanOptions;
}

/** Worker → server thread: loaded, or a plan, or why not. */
export type FromFrontEndWorker =
  | { ready: true }
  | { id: number; plan: SynthesisPlan }
  | {
    id: number;
    error: {
      name: string;
      message: string;
      frontEnd?: {
        code: TextFrontEndErrorCode;
        field: string;
        voice?: string;
        character?: string;
        cleaner?: string;
      };
    };
  };
