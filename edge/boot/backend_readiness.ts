/**
 * {@linkcode Readiness} over an inference backend: the server is ready when
 * the backend answers, every model the edge uses is ready and at least one
 * avatar pack and voice are loaded. Probes are cached briefly so a busy load
 * balancer does not turn into backend traffic.
 *
 * @module
 */

import type { InferenceBackend } from "@lipstream/shared";
import type { Readiness, ReadinessReport } from "../pipeline/types.ts";

/** Options for {@linkcode backendReadiness}. */
export interface BackendReadinessOptions {
  /** The backend. */
  backend: InferenceBackend;
  /** Model names that must be ready, or a resolver asked at every probe. */
  models: readonly string[] | (() => Promise<readonly string[]>);
  /** Number of avatar packs loaded. */
  avatarCount: number;
  /** Number of voices loaded. */
  voiceCount: number;
  /** How long a probe result is reused. @default {1000} */
  cacheMs?: number;
  /** `Retry-After` seconds when not ready. @default {5} */
  retryAfterSeconds?: number;
  /** Longest a probe may take. @default {2000} */
  timeoutMs?: number;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates the readiness probe.
 *
 * @example
 * ```ts ignore
 * const readiness = backendReadiness({ backend, models: ["vits", "wav2lip"], avatarCount: 1, voiceCount: 1 });
 * const report = await readiness.check({ signal: AbortSignal.timeout(2000) });
 * ```
 *
 * @param options The backend, the models and what was loaded.
 * @returns The probe; it never throws.
 */
export function backendReadiness(options: BackendReadinessOptions): Readiness {
  const cacheMs = options.cacheMs ?? 1000;
  let cached: { at: number; report: Promise<ReadinessReport> } | undefined;

  async function probe(signal: AbortSignal): Promise<ReadinessReport> {
    const checks: ReadinessReport["checks"] = {};
    const probeSignal = AbortSignal.any([
      signal,
      AbortSignal.timeout(options.timeoutMs ?? 2000),
    ]);
    try {
      checks.backend = {
        ok: await options.backend.isReady({ signal: probeSignal }),
      };
    } catch (error) {
      checks.backend = { ok: false, detail: message(error) };
    }
    const models = typeof options.models === "function"
      ? await options.models()
      : options.models;
    for (const model of models) {
      try {
        checks[`model:${model}`] = {
          ok: await options.backend.isModelReady(model, {
            signal: probeSignal,
          }),
        };
      } catch (error) {
        checks[`model:${model}`] = { ok: false, detail: message(error) };
      }
    }
    checks.avatars = {
      ok: options.avatarCount > 0,
      detail: `${options.avatarCount} pack(s) loaded`,
    };
    checks.voices = {
      ok: options.voiceCount > 0,
      detail: `${options.voiceCount} voice(s) loaded`,
    };
    const ready = Object.values(checks).every((check) => check.ok);
    return ready
      ? { ready, checks }
      : { ready, checks, retryAfterSeconds: options.retryAfterSeconds ?? 5 };
  }

  return {
    check({ signal }) {
      const now = performance.now();
      if (cached === undefined || now - cached.at > cacheMs) {
        cached = { at: now, report: probe(signal) };
      }
      return cached.report;
    },
  };
}
