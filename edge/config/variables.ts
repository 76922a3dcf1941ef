/**
 * The edge's environment variables, in one table: each row's name, kind,
 * default and meaning. `readConfig` derives its schema and `EdgeConfig` its
 * type from this table, and `deno task docs:config` writes the README's
 * configuration table from it.
 *
 * @module
 */

import {
  choice,
  decimal,
  flag,
  httpUrl,
  integer,
  list,
  mapped,
  orAuto,
  orOff,
  redisUrl,
  text,
} from "./value_kinds.ts";
import { variable } from "./variable.ts";
import { LOG_LEVELS } from "../log.ts";

export { LOG_LEVELS };

/** Every variable, by its `EdgeConfig` field, in the README's order. */
export const CONFIG_VARIABLES = {
  port: variable("PORT", integer(0, 65535), {
    default: "8080",
    meaning: "TCP port to listen on (0 picks a free port)",
  }),
  // Not `HOSTNAME`: shells and containers set that to the machine's or pod's name.
  hostname: variable("LIPSTREAM_HOST", text("a host name or address"), {
    default: "0.0.0.0",
    meaning:
      "interface to listen on (not `HOSTNAME`: containers set that to the pod's name)",
  }),
  tritonUrl: variable("TRITON_URL", httpUrl(), {
    default: undefined,
    meaning:
      "Triton's base URL: use Triton over HTTP instead of ONNX Runtime in process",
  }),
  redisUrl: variable("REDIS_URL", redisUrl(), {
    default: undefined,
    meaning:
      "shared store of several edge replicas: session cursors and `DELETE /v1/utterances/:id` work on any replica (unset: in this process)",
  }),
  modelRepository: variable("MODEL_REPOSITORY", text("a folder"), {
    default: "generated/models",
    meaning: "Triton-layout model repository of the embedded backend",
  }),
  voicesDir: variable("VOICES_DIR", text("a folder"), {
    default: "generated/voices",
    meaning: "voices folder",
  }),
  avatarsDir: variable("AVATARS_DIR", text("a folder"), {
    default: "generated/avatars",
    meaning: "avatar packs folder",
  }),
  wav2lipModel: variable("WAV2LIP_MODEL", text("a model name"), {
    default: undefined,
    defaultShown: "`wav2lip` if served",
    meaning: "the lip model's name (falls back to `fixture_wav2lip`)",
  }),
  lipSyncFirstBatch: variable("LIPSYNC_FIRST_BATCH", integer(1, 256), {
    default: "1",
    meaning:
      "frames in an utterance's first Wav2Lip batch (small: a fast first frame)",
  }),
  lipSyncBatch: variable("LIPSYNC_BATCH", integer(1, 256), {
    default: "16",
    meaning: "frames in later Wav2Lip batches",
  }),
  maxSessions: variable("MAX_SESSIONS", integer(1, 10_000_000), {
    default: "10000",
    meaning:
      "(avatar, session) idle-loop positions remembered, least recently used forgotten first",
  }),
  lipSyncDeadlineMs: variable(
    "LIPSYNC_DEADLINE_MS",
    orOff(integer(0, 60_000)),
    {
      default: "250",
      meaning:
        "graceful overload: how late after its PTS a frame may leave before batches render fewer frames (see below); `off` renders every frame",
    },
  ),
  ortWorkers: variable("ORT_WORKERS", orAuto(integer(0, 64)), {
    default: "auto",
    meaning:
      "embedded ONNX Runtime worker threads (0: ORT runs on the server's thread); auto: 2 on 2 or more cores (one for the voice, one for the lip model), else 1",
  }),
  ortLipWorkers: variable("ORT_LIP_WORKERS", orAuto(integer(0, 63)), {
    default: "auto",
    meaning:
      "of the ONNX Runtime workers, how many run only the lip model (the others run the voices), so a sentence's synthesis overlaps the previous sentence's lip frames; 0: every worker runs every model, least busy first; auto: 1 when there are 2 or more workers, else 0",
  }),
  frameWorkers: variable("FRAME_WORKERS", integer(0, 64), {
    default: "1",
    meaning:
      "worker threads for resample, mel, face batch, paste-back and JPEG (0: on the server's thread)",
  }),
  textWorkers: variable("TEXT_WORKERS", integer(0, 64), {
    default: "1",
    meaning: "text front end worker threads (0: on the server's thread)",
  }),
  ortIntraOpThreads: variable(
    "ORT_INTRA_OP_THREADS",
    mapped(integer(0, 256), (threads) => threads === 0 ? undefined : threads),
    {
      default: "0",
      defaultShown: "`0` (auto)",
      meaning:
        "ONNX Runtime threads per model session; auto: with a lip worker of its own (`ORT_LIP_WORKERS`), every core for the voice workers, else the cores left after the server's thread, shared by the workers, at least 1",
    },
  ),
  ortLipIntraOpThreads: variable(
    "ORT_LIP_INTRA_OP_THREADS",
    mapped(integer(0, 256), (threads) => threads === 0 ? undefined : threads),
    {
      default: "0",
      defaultShown: "`0` (auto)",
      meaning:
        "ONNX Runtime threads per session on the lip model's own workers (`ORT_LIP_WORKERS`); auto: the cores but one, shared by the lip workers, at least 1",
    },
  ),
  ortSpinning: variable("ORT_SPINNING", orAuto(flag()), {
    default: "auto",
    meaning:
      "whether ONNX Runtime's idle intra-op threads spin-wait for the next operator; auto: off when the lip model has workers of its own (they would hold the core the voice needs), else ONNX Runtime's default (on)",
  }),
  vitsFirstWindowFrames: variable(
    "VITS_FIRST_WINDOW_FRAMES",
    orAuto(integer(1, 4096)),
    {
      default: "auto",
      meaning:
        "streaming voices: latent frames (256 samples each) in a sentence's first decoder window; later windows double up to 128. auto: the fewest whose audio holds the first lip frame's mel window (19 at 22050 Hz, 221 ms), so the first frame needs one decode; smaller: earlier first audio, later first frame",
    },
  ),
  firstPieceMaxChars: variable("FIRST_PIECE_MAX_CHARS", integer(0, 10_000), {
    default: "40",
    meaning:
      "a long first sentence is cut at its last pause before this many characters (0: off)",
  }),
  silencePeak: variable("SILENCE_PEAK", orOff(decimal(-4, 4)), {
    default: "-3.5",
    meaning: "silence skip threshold in normalized mel; `off` disables it",
  }),
  pasteBlend: variable("PASTE_BLEND", choice(["feathered", "reference"]), {
    default: "feathered",
    meaning: "paste-back mode: `reference` is Wav2Lip's hard paste",
  }),
  jpegQuality: variable("JPEG_QUALITY", integer(1, 100), {
    default: "80",
    meaning: "default JPEG quality of generated frames",
  }),
  maxTextLength: variable("MAX_TEXT_LENGTH", integer(1, 100_000), {
    default: "2000",
    meaning: "longest accepted text, characters",
  }),
  maxBodyBytes: variable("MAX_BODY_BYTES", integer(1024, 1 << 30), {
    default: String(16 << 20),
    defaultShown: "16 MiB",
    meaning: "largest accepted request body, bytes",
  }),
  maxConcurrentStreams: variable(
    "MAX_CONCURRENT_STREAMS",
    integer(1, 10_000),
    {
      default: "16",
      meaning:
        "streams open at once, all clients (429 with `Retry-After` beyond)",
    },
  ),
  maxStreamsPerKey: variable("MAX_STREAMS_PER_KEY", integer(1, 10_000), {
    default: "4",
    meaning:
      "streams open at once per API key, or per remote address without `API_KEYS`",
  }),
  maxAudioSeconds: variable("MAX_AUDIO_SECONDS", integer(0, 86_400), {
    default: "0",
    defaultShown: "`MAX_TEXT_LENGTH`÷2.5",
    meaning:
      "longest audio of one upload or one text, seconds (413 `audio-too-long`); 0: derived from `MAX_TEXT_LENGTH`, 2000 characters → 800 s",
  }),
  writeDeadlineMs: variable("WRITE_DEADLINE_MS", integer(0, 3_600_000), {
    default: "10000",
    meaning:
      "a stream whose client takes no part for this long, ms, is evicted and its slot freed (0: off)",
  }),
  bodyReadTimeoutMs: variable("BODY_READ_TIMEOUT_MS", integer(0, 3_600_000), {
    default: "30000",
    meaning:
      "a request body must arrive within this, ms (408 after it; 0: off)",
  }),
  apiKeys: variable(
    "API_KEYS",
    list(
      "a comma-separated list of keys of 16 to 256 visible ASCII characters",
      (key) => /^[\x21-\x7e]{16,256}$/.test(key),
      { quoteItem: false },
    ),
    {
      default: "",
      meaning:
        "accepted Bearer keys, checked before a body is read (`/readyz` details need one); empty: no auth",
    },
  ),
  mediaTokenTtlMs: variable("MEDIA_TOKEN_TTL_MS", integer(1000, 86_400_000), {
    default: "600000",
    meaning:
      "how long a `POST /v1/media-token` token opens `<img>`/`<audio>` URLs, ms",
  }),
  corsOrigins: variable(
    "CORS_ORIGINS",
    list(
      '"*" or a comma-separated list of origins like https://example.com',
      (origin) =>
        origin === "*" ||
        (URL.canParse(origin) && new URL(origin).origin === origin),
    ),
    { default: "", meaning: "allowed CORS origins; empty: no CORS" },
  ),
  backendTimeoutMs: variable("BACKEND_TIMEOUT_MS", integer(100, 600_000), {
    default: "15000",
    meaning: "longest wait for one backend step, ms (504 after it)",
  }),
  drainTimeoutMs: variable("DRAIN_TIMEOUT_MS", integer(0, 3_600_000), {
    default: "30000",
    meaning:
      "on SIGTERM/SIGINT, how long running utterances may finish, ms (0: end them at once)",
  }),
  metricsRequireKey: variable("METRICS_REQUIRE_KEY", flag(), {
    default: "false",
    meaning: "whether `/metrics` needs one of `API_KEYS` like `/v1/*`",
  }),
  logLevel: variable("LOG_LEVEL", choice(LOG_LEVELS, { ignoreCase: true }), {
    default: "info",
    meaning: "least severe level of log lines written",
  }),
};
