/**
 * Warms the pipeline before the server takes requests: one short utterance per
 * voice through the text front end and the voice model, and one through the
 * lip-sync pipeline, so the first user does not pay for module start-up and
 * JIT compilation (on a fresh embedded server the first request's time to
 * first audio was ~340 ms instead of ~20 ms).
 *
 * @module
 */

import type {
  LipSyncService,
  PipelineCallOptions,
  SpeechChunk,
  SpeechService,
} from "../pipeline/types.ts";

/** The session id warm-up utterances use, so no caller's idle loop moves. */
export const WARM_UP_SESSION = "lipstream-warm-up";

const TEXT_BY_LANGUAGE: Readonly<Record<string, string>> = {
  zh: "你好，世界。我们开始吧，一二三。今天是二〇二六年。",
  en: "Hello, world. Let us begin, one two three. It is 2026, and 42% ready!",
};

/** What warming up did. */
export interface WarmUpReport {
  /** Wall time, ms. */
  ms: number;
  /** Voices that spoke. */
  voices: string[];
  /** Frames rendered on the first avatar. */
  frames: number;
  /** What failed (warming up never throws). */
  failures: { step: string; error: string }[];
}

/**
 * Speaks a short text with every voice (in Chinese for Chinese-only voices,
 * else in English) and renders the first voice's audio on the first avatar.
 * Failures are reported, not thrown: a server whose backend is not ready yet
 * still starts and says so on `/readyz`.
 *
 * @example
 * ```ts ignore
 * const report = await warmUpPipeline(pipeline, { signal: AbortSignal.timeout(30_000) });
 * log.info("warmed up", report);
 * ```
 *
 * @param deps The speech and lip-sync services.
 * @param options Signal (and timeouts) for every call.
 * @returns What was warmed and what failed.
 */
export async function warmUpPipeline(
  deps: { speech: SpeechService; lipSync: LipSyncService },
  options: PipelineCallOptions,
): Promise<WarmUpReport> {
  const started = performance.now();
  const report: WarmUpReport = { ms: 0, voices: [], frames: 0, failures: [] };
  const fail = (step: string, error: unknown) =>
    report.failures.push({
      step,
      error: error instanceof Error ? error.message : String(error),
    });
  let audio: SpeechChunk[] | undefined;
  for (const voice of await deps.speech.listVoices()) {
    const language = voice.languages.includes("en") ||
        !voice.languages.includes("zh")
      ? "en"
      : "zh";
    try {
      const chunks = await Array.fromAsync(
        deps.speech.synthesize({
          text: TEXT_BY_LANGUAGE[language]!,
          voiceId: voice.id,
          ...(voice.languages.includes(language) ? { language } : {}),
        }, options),
      );
      report.voices.push(voice.id);
      audio ??= chunks;
    } catch (error) {
      fail(`voice ${voice.id}`, error);
    }
  }
  const [avatar] = await deps.lipSync.listAvatars();
  if (audio !== undefined && avatar !== undefined) {
    try {
      const session = await deps.lipSync.open({
        avatarId: avatar.id,
        fps: avatar.fps,
        sessionId: WARM_UP_SESSION,
      }, options);
      try {
        for (const chunk of audio) {
          for await (const _ of session.render(chunk, options)) {
            report.frames++;
          }
        }
        for await (const _ of session.finish?.(options) ?? []) report.frames++;
      } finally {
        session.close();
      }
    } catch (error) {
      fail(`avatar ${avatar.id}`, error);
    }
  }
  report.ms = performance.now() - started;
  return report;
}
