/**
 * The edge server's metrics: requests by route and status, time to first
 * audio and first frame, backend step latency, frames and audio produced, and
 * streams in flight.
 *
 * @module
 */

import {
  type Counter,
  type Histogram,
  MetricsRegistry,
} from "./http/prometheus.ts";

const LATENCY_BUCKETS_S = [
  0.01,
  0.025,
  0.05,
  0.1,
  0.25,
  0.5,
  1,
  2.5,
  5,
  10,
];

/** The named instruments the routes record into. */
export interface EdgeMetrics {
  /** The registry, rendered by `GET /metrics`. */
  registry: MetricsRegistry;
  /** `lipstream_http_requests_total{route, method, status}`. */
  requests: Counter;
  /** `lipstream_time_to_first_audio_seconds{route}`. */
  timeToFirstAudio: Histogram;
  /** `lipstream_time_to_first_frame_seconds{route}`. */
  timeToFirstFrame: Histogram;
  /** `lipstream_backend_step_seconds{stage}` (`synthesis`, `lipsync`). */
  backendLatency: Histogram;
  /** `lipstream_frames_total`. */
  frames: Counter;
  /** `lipstream_audio_seconds_total`. */
  audioSeconds: Counter;
  /** `lipstream_stream_errors_total{route, kind}`: streams ended by an error part. */
  streamErrors: Counter;
}

/**
 * Creates the edge metrics in a fresh registry.
 *
 * @param options `inFlightStreams` is read at render time for the gauge.
 * @returns The instruments.
 *
 * @example
 * ```ts
 * import { createEdgeMetrics } from "@lipstream/edge/metrics";
 * import assert from "node:assert/strict";
 *
 * const metrics = createEdgeMetrics({
 *   inFlightStreams: () => 2,
 *   lipFrames: () => ({ rendered: 10, held: 5 }),
 * });
 * metrics.frames.inc({}, 25);
 * const text = metrics.registry.render();
 * assert.match(text, /^lipstream_frames_total 25$/m);
 * assert.match(text, /^lipstream_lip_frames_total\{kind="held"\} 5$/m);
 * assert.match(text, /^lipstream_in_flight_streams 2$/m);
 * ```
 */
export function createEdgeMetrics(
  options: {
    inFlightStreams: () => number;
    /** Lip frames by kind (`rendered`, `held`, `silent`), read at render time. */
    lipFrames?: () => Record<string, number>;
  },
): EdgeMetrics {
  const registry = new MetricsRegistry();
  const metrics: EdgeMetrics = {
    registry,
    requests: registry.counter(
      "lipstream_http_requests_total",
      "HTTP requests by route pattern, method and status.",
    ),
    timeToFirstAudio: registry.histogram(
      "lipstream_time_to_first_audio_seconds",
      "From request arrival to the first audio part.",
      LATENCY_BUCKETS_S,
    ),
    timeToFirstFrame: registry.histogram(
      "lipstream_time_to_first_frame_seconds",
      "From request arrival to the first JPEG part.",
      LATENCY_BUCKETS_S,
    ),
    backendLatency: registry.histogram(
      "lipstream_backend_step_seconds",
      "Time the pipeline took for one sentence (synthesis) or one frame (lipsync).",
      LATENCY_BUCKETS_S,
    ),
    frames: registry.counter(
      "lipstream_frames_total",
      "JPEG frames sent.",
    ),
    audioSeconds: registry.counter(
      "lipstream_audio_seconds_total",
      "Seconds of audio sent.",
    ),
    streamErrors: registry.counter(
      "lipstream_stream_errors_total",
      "Streams that ended with an error part.",
    ),
  };
  if (options.lipFrames !== undefined) {
    registry.labelledCounter(
      "lipstream_lip_frames_total",
      "Video frames by how their mouth was made: rendered by the lip model, held (the last rendered mouth reused to keep up with the audio clock), silent (the idle frame).",
      "kind",
      options.lipFrames,
    );
  }
  registry.gauge(
    "lipstream_in_flight_streams",
    "Streaming responses open now.",
    options.inFlightStreams,
  );
  return metrics;
}
