/**
 * The counters of one utterance, kept on `window.lipstream.stats` for the
 * live panel and for tests, and where the idle loop goes on after it.
 *
 * @module
 */

/** How the page plays an utterance. */
export type PlayMode = "stream" | "simple";

/** The counters of one utterance; times are ms since the click unless named otherwise. */
export interface UtteranceStats {
  mode: PlayMode;
  /** `idle`, `connecting`, `speaking`, `stopped`, `replaced` or `error`. */
  state: string;
  error: string | null;
  utteranceId: string | null;
  /** `performance.now()` at the click. */
  startedAt: number;
  audioPartsReceived: number;
  audioPartsDecoded: number;
  /** Scheduled audio `[start, end]` in AudioContext seconds. */
  segments: [number, number][];
  /** How often a late part moved the audio origin. */
  rebases: number;
  framesReceived: number;
  framesPainted: number;
  framesDropped: number;
  /** Audio clock minus PTS of the last painted frame. */
  lastOffsetMs: number | null;
  maxAbsOffsetMs: number;
  /** To the first audio part scheduled. */
  ttfaMs: number | null;
  /** To the first sample heard. */
  ttfsMs: number | null;
  /** To the first frame painted. */
  ttffMs: number | null;
  /** `performance.now()` at the first paint. */
  firstPaintAt: number | null;
  /** The end part's timings. */
  server: Record<string, number | null> | null;
  /** Simple mode's `<audio>` facts. */
  simple: {
    durationMs: number | null;
    canPlayThrough: boolean;
    audioDurationSec: number | null;
  } | null;
  /** To the response headers. */
  responseMs: number | null;
  fps: number;
  lastPaintedPtsMs: number | null;
  /** Whether the whole stream has arrived. */
  received: boolean;
  /** When each audio part arrived. */
  audioArrivals: number[];
  /** Each paint: `[when, A/V offset ms]`. */
  paints: [number, number][];
  /** The idle position the request sent, the start part's, the end part's. */
  sentIdlePosition: number | null;
  startIdlePosition: number | null;
  nextIdlePosition: number | null;
}

/**
 * Fresh counters for an utterance starting now.
 *
 * @param mode How it plays.
 * @param nowMs `performance.now()` at the click.
 * @returns The counters.
 * @example
 * ```ts
 * import { createUtteranceStats } from "./utterance_stats.ts";
 * import assert from "node:assert/strict";
 *
 * const stats = createUtteranceStats("stream", 100);
 * assert.equal(stats.state, "idle");
 * assert.equal(stats.framesPainted, 0);
 * ```
 */
export function createUtteranceStats(
  mode: PlayMode,
  nowMs: number,
): UtteranceStats {
  return {
    mode,
    state: "idle",
    error: null,
    utteranceId: null,
    startedAt: nowMs,
    audioPartsReceived: 0,
    audioPartsDecoded: 0,
    segments: [],
    rebases: 0,
    framesReceived: 0,
    framesPainted: 0,
    framesDropped: 0,
    lastOffsetMs: null,
    maxAbsOffsetMs: 0,
    ttfaMs: null,
    ttfsMs: null,
    ttffMs: null,
    firstPaintAt: null,
    server: null,
    simple: null,
    responseMs: null,
    fps: 25,
    lastPaintedPtsMs: null,
    received: false,
    audioArrivals: [],
    paints: [],
    sentIdlePosition: null,
    startIdlePosition: null,
    nextIdlePosition: null,
  };
}

/**
 * Where the idle loop goes on after an utterance: the end part's position,
 * else one past the last frame shown, counted from where the utterance
 * started; `fallback` when it never started from a known position.
 *
 * @param stats The utterance's counters.
 * @param fallback The idle loop's own position.
 * @returns The position to resume from (not yet reduced to the loop's period).
 * @example Cut short after the frame at 80 ms (frame 2 at 25 fps)
 * ```ts
 * import { createUtteranceStats, idlePositionAfter } from "./utterance_stats.ts";
 * import assert from "node:assert/strict";
 *
 * const stats = { ...createUtteranceStats("stream", 0), startIdlePosition: 10, lastPaintedPtsMs: 80 };
 * assert.equal(idlePositionAfter(stats, 0), 13);
 * ```
 */
export function idlePositionAfter(
  stats: UtteranceStats,
  fallback: number,
): number {
  if (stats.nextIdlePosition !== null) return stats.nextIdlePosition;
  const start = stats.startIdlePosition ?? stats.sentIdlePosition;
  if (start === null) return fallback;
  if (stats.lastPaintedPtsMs === null) return start;
  return start + Math.round(stats.lastPaintedPtsMs * stats.fps / 1000) + 1;
}
