/**
 * {@linkcode Readiness} over an inference backend: the server is ready when
 * the backend answers, every model the edge uses is ready and at least one
 * avatar pack and voice are loaded. Probes are cached briefly so a busy load
 * balancer does not turn into backend traffic.
 *
 * With model probes, "ready" means answered: each model must first answer
 * one small real inference through the edge's own call path
 * ({@linkcode ModelProbe}); it runs once the backend reports the model ready,
 * again after the backend was unreachable (a reconnect, e.g. a restarted
 * Triton) or the model was unloaded, and a failure is retried after a pause.
 * A failed model is named in the checks with its reason; when it is a voice
 * and another voice answered, the server stays ready (the rest keep serving)
 * and the report lists it under `degraded`.
 *
 * @module
 */

import type { InferenceBackend } from "@lipstream/shared";
import type {
  LoadFailure,
  Readiness,
  ReadinessReport,
} from "../pipeline/types.ts";
import type { ModelProbe } from "./model_probes.ts";

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
  /** Voices and packs skipped at start-up (reported, not fatal). */
  failed?: { voices: readonly LoadFailure[]; avatars: readonly LoadFailure[] };
  /** How long a probe result is reused. @default {1000} */
  cacheMs?: number;
  /** `Retry-After` seconds when not ready. @default {5} */
  retryAfterSeconds?: number;
  /** Longest a probe may take. @default {2000} */
  timeoutMs?: number;
  /** One real inference per model, run before the model counts as ready. */
  probes?: readonly ModelProbe[];
  /** Longest one model probe may take. @default {30000} */
  probeTimeoutMs?: number;
  /** Pause before a failed model probe runs again. @default {10000} */
  retryFailedMs?: number;
}

interface Verdict {
  ok: boolean;
  detail?: string;
  at: number;
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
  const probes = new Map((options.probes ?? []).map((p) => [p.model, p]));
  /** Probe results, forgotten when the backend or the model goes away. */
  const verdicts = new Map<string, Verdict>();

  /** Runs `probe` unless a recent verdict stands; not tied to a caller's signal, so a client that hangs up does not fail a model. */
  async function verify(probe: ModelProbe): Promise<Verdict> {
    const previous = verdicts.get(probe.model);
    const now = performance.now();
    if (
      previous !== undefined &&
      (previous.ok || now - previous.at < (options.retryFailedMs ?? 10_000))
    ) {
      return previous;
    }
    let verdict: Verdict;
    try {
      await probe.run({
        signal: AbortSignal.timeout(options.probeTimeoutMs ?? 30_000),
      });
      verdict = { ok: true, detail: "answered a test inference", at: now };
    } catch (error) {
      verdict = {
        ok: false,
        detail: `failed a test inference: ${message(error)}`,
        at: now,
      };
    }
    verdicts.set(probe.model, verdict);
    return verdict;
  }

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
    if (!checks.backend.ok) verdicts.clear();
    const models = typeof options.models === "function"
      ? await options.models()
      : options.models;
    for (const model of models) {
      const key = `model:${model}`;
      try {
        const ready = await options.backend.isModelReady(model, {
          signal: probeSignal,
        });
        checks[key] = { ok: ready };
      } catch (error) {
        checks[key] = { ok: false, detail: message(error) };
      }
      const probe = probes.get(model);
      if (probe === undefined) continue;
      if (!checks[key].ok) {
        verdicts.delete(model);
        continue;
      }
      const { ok, detail } = await verify(probe);
      checks[key] = detail === undefined ? { ok } : { ok, detail };
    }
    const failed = options.failed ?? { voices: [], avatars: [] };
    const skipped = (n: number) => n > 0 ? `, ${n} failed` : "";
    checks.avatars = {
      ok: options.avatarCount > 0,
      detail: `${options.avatarCount} pack(s) loaded${
        skipped(failed.avatars.length)
      }`,
    };
    checks.voices = {
      ok: options.voiceCount > 0,
      detail: `${options.voiceCount} voice(s) loaded${
        skipped(failed.voices.length)
      }`,
    };
    // A voice model that failed is not fatal while another voice answers.
    const voiceKeys = [...probes.values()].filter((p) => p.role === "voice")
      .map((p) => `model:${p.model}`);
    const degraded = voiceKeys.some((key) => checks[key]?.ok)
      ? voiceKeys.filter((key) => !checks[key]?.ok)
      : [];
    const ready = Object.entries(checks).every(([key, check]) =>
      check.ok || degraded.includes(key)
    );
    const named = degraded.map((key) => key.slice("model:".length));
    if (!ready) {
      return {
        ready,
        checks,
        failed,
        retryAfterSeconds: options.retryAfterSeconds ?? 5,
      };
    }
    return named.length === 0
      ? { ready, checks, failed }
      : { ready, checks, failed, degraded: named };
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
