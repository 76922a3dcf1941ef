/**
 * Builds the edge app over the fake pipeline, with quiet logs captured in memory.
 *
 * @module
 */

import { type AppConfig, createApp, type EdgeApp } from "@lipstream/edge/app";
import { createJsonLogger } from "@lipstream/edge/log";
import {
  createFakeStats,
  createFixedReadiness,
  createSolidLipSyncService,
  createToneSpeechService,
  type FakeOptions,
  type FakeStats,
} from "./fake_pipeline.ts";

/** The app, fake counters and captured log lines. */
export interface TestApp extends EdgeApp {
  /** What the fakes did. */
  stats: FakeStats;
  /** Log lines, parsed. */
  logs: Record<string, unknown>[];
}

/** Test configuration defaults. */
export const TEST_CONFIG: AppConfig = {
  maxTextLength: 200,
  maxBodyBytes: 4096,
  maxConcurrentStreams: 4,
  maxStreamsPerKey: 2,
  apiKeys: [],
  corsOrigins: [],
  backendTimeoutMs: 2000,
};

/** Creates an app over the fakes. */
export function createTestApp(
  options: FakeOptions & { config?: Partial<AppConfig>; ready?: boolean } = {},
): TestApp {
  const stats = createFakeStats();
  const logs: Record<string, unknown>[] = [];
  const edge = createApp({
    config: { ...TEST_CONFIG, ...options.config },
    speech: createToneSpeechService(stats, options),
    lipSync: createSolidLipSyncService(stats, options),
    readiness: createFixedReadiness(options.ready ?? true),
    log: createJsonLogger({
      level: "debug",
      write: (line) => logs.push(JSON.parse(line)),
    }),
  });
  return { ...edge, stats, logs };
}
