/**
 * The voices a server offers, looked up by id.
 *
 * @module
 */

import { TextFrontEndError } from "../text/text_front_end_error.ts";
import type { Voice } from "./voice.ts";

/**
 * Voices by id; an unknown id is a {@linkcode TextFrontEndError} the edge maps
 * to a 4xx response.
 *
 * @example Looking up a voice
 * ```ts
 * import { createVoice, VoiceRegistry } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * const voice = createVoice("demo", {
 *   data: { sampling_rate: 22050, add_blank: false, text_cleaners: [] },
 *   symbols: ["_", "a"],
 * });
 * const registry = new VoiceRegistry([voice]);
 * assert.equal(registry.get("demo"), voice);
 * assert.deepEqual(registry.ids(), ["demo"]);
 * assert.throws(() => registry.get("nope"), { code: "unknown_voice" });
 * ```
 */
export class VoiceRegistry {
  #voices = new Map<string, Voice>();

  /**
   * Creates a registry.
   *
   * @param voices The voices; ids must be unique.
   */
  constructor(voices: Iterable<Voice>) {
    for (const voice of voices) {
      if (this.#voices.has(voice.id)) {
        throw new RangeError(
          `Cannot register voice '${voice.id}': the id is already taken`,
        );
      }
      this.#voices.set(voice.id, voice);
    }
  }

  /**
   * Returns the voice with this id.
   *
   * @param id The voice id from the request.
   * @returns The voice.
   * @throws {TextFrontEndError} With code `unknown_voice` when absent.
   */
  get(id: string): Voice {
    const voice = this.#voices.get(id);
    if (voice === undefined) {
      throw new TextFrontEndError("unknown_voice", {
        field: "voice",
        message: `Cannot find voice '${id}'`,
      });
    }
    return voice;
  }

  /**
   * Lists the voice ids.
   *
   * @returns The ids, sorted.
   */
  ids(): string[] {
    return [...this.#voices.keys()].sort();
  }
}
