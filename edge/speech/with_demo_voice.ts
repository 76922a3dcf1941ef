/**
 * Adds the demo voice to a speech service and orders the catalog so that its
 * first voice is the right default: real voices first, then the demo voice,
 * then generated fixtures (which speak tones). A server with no voice models
 * (only the fixture) therefore preselects the demo voice, and one with a real
 * model preselects that.
 *
 * @module
 */

import type { SpeechService, VoiceInfo } from "../pipeline/types.ts";

function rank(voice: VoiceInfo): number {
  if (voice.fixture === true) return 2;
  if (voice.demo === true) return 1;
  return 0;
}

/**
 * Orders voices for the catalog: real ones, then demo ones, then fixtures,
 * each group by id.
 *
 * @example
 * ```ts
 * import { orderVoices } from "@lipstream/edge/speech";
 * import type { VoiceInfo } from "@lipstream/edge/pipeline";
 * import assert from "node:assert/strict";
 *
 * const voice: Omit<VoiceInfo, "id"> = {
 *   kind: "piper",
 *   languages: ["en"],
 *   speakers: [],
 *   numSpeakers: 1,
 *   sampleRateHz: 22050,
 * };
 * const ordered = orderVoices([
 *   { ...voice, id: "fixture_vits", fixture: true },
 *   { ...voice, id: "demo_espeak", kind: "espeak", demo: true },
 *   { ...voice, id: "zh_CN-huayan" },
 *   { ...voice, id: "en_US-amy" },
 * ]);
 * assert.deepEqual(
 *   ordered.map((v) => v.id),
 *   ["en_US-amy", "zh_CN-huayan", "demo_espeak", "fixture_vits"],
 * );
 * ```
 *
 * @param voices The voices.
 * @returns A new array, the default first.
 */
export function orderVoices(voices: readonly VoiceInfo[]): VoiceInfo[] {
  return [...voices].sort((a, b) =>
    rank(a) - rank(b) || a.id.localeCompare(b.id)
  );
}

/**
 * Serves `service`'s voices and `demo`'s together; a voice id both have is
 * served by `service`.
 *
 * @example
 * ```ts ignore
 * const speech = withDemoVoice(createSpeechService({ voices, synthesizer }), createDemoSpeechService({ espeak }));
 * const [preselected] = await speech.listVoices();
 * ```
 *
 * @param service The model voices.
 * @param demo The demo voice(s).
 * @returns One service over both.
 */
export function withDemoVoice(
  service: SpeechService,
  demo: SpeechService,
): SpeechService {
  async function owner(id: string): Promise<SpeechService> {
    return (await service.getVoice(id)) === undefined &&
        (await demo.getVoice(id)) !== undefined
      ? demo
      : service;
  }
  return {
    async listVoices() {
      const own = await service.listVoices();
      const ids = new Set(own.map((voice) => voice.id));
      const extra = (await demo.listVoices()).filter((v) => !ids.has(v.id));
      return orderVoices([...own, ...extra]);
    },
    async getVoice(id) {
      return await service.getVoice(id) ?? await demo.getVoice(id);
    },
    async *synthesize(request, options) {
      yield* (await owner(request.voiceId)).synthesize(request, options);
    },
  };
}
