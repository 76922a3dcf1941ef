/**
 * `deno task start`: the Lipstream edge server. Reads the configuration from
 * the environment (see `config.ts`), checks that `PORT` is free, builds the
 * pipeline — Triton over HTTP when `TRITON_URL` is set, otherwise ONNX
 * Runtime in process on `MODEL_REPOSITORY` — warms it up (one short utterance
 * per voice and on the first avatar), serves the app on `LIPSTREAM_HOST`:`PORT`
 * (default `0.0.0.0:8080`) and prints the URL. Each step prints one line on
 * stderr; structured JSON logs go to stdout.
 *
 * SIGTERM/SIGINT stop it gracefully: `/readyz` turns not ready and new
 * streams get 503 at once, running utterances may finish for up to
 * `DRAIN_TIMEOUT_MS`, the rest end with a `shutting-down` problem part, then
 * the listener closes and the process exits 0. A second signal ends the
 * running utterances at once.
 *
 * @module
 */

import { buildPipelineDeps } from "./boot/pipeline_deps.ts";
import { DEMO_VOICE_ID } from "./speech/demo_voice.ts";
import { warmUpPipeline } from "./boot/warm_up.ts";
import { createApp } from "./app.ts";
import { ConfigError, type EdgeConfig, readConfig } from "./config.ts";
import { createJsonLogger } from "./log.ts";

/** One human-readable start-up or shutdown line. */
function say(line: string): void {
  console.error(`lipstream: ${line}`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Why the server cannot listen, as one line, or undefined for other errors. */
function listenProblem(
  error: unknown,
  hostname: string,
  port: number,
): string | undefined {
  const where = `${hostname}:${port}`;
  if (error instanceof Deno.errors.AddrInUse) {
    return `cannot listen on ${where}: port ${port} is already in use (is another server running?). Stop it or set PORT to a free port.`;
  }
  if (error instanceof Deno.errors.PermissionDenied) {
    return `cannot listen on ${where}: permission denied (ports below 1024 need privileges). Set PORT to 1024 or above.`;
  }
  if (error instanceof Deno.errors.AddrNotAvailable) {
    return `cannot listen on ${where}: no such local address. Set LIPSTREAM_HOST to an address of this machine (or 0.0.0.0).`;
  }
  return undefined;
}

function exitWith(line: string): never {
  say(line);
  Deno.exit(1);
}

let config: EdgeConfig;
try {
  config = readConfig(Deno.env.toObject());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    Deno.exit(2);
  }
  throw error;
}
const { hostname, port } = config;
// Fail before the slow steps when the port is taken.
try {
  Deno.listen({ hostname, port }).close();
} catch (error) {
  const line = listenProblem(error, hostname, port);
  if (line) exitWith(line);
  throw error;
}
const log = createJsonLogger({ level: config.logLevel });
say(
  config.tritonUrl
    ? `loading voices, avatars and models from Triton at ${config.tritonUrl}…`
    : `loading voices, avatars and models (ONNX Runtime in process, ${config.modelRepository})…`,
);
const loadStart = performance.now();
const pipeline = await buildPipelineDeps(config, log);
say(
  `loaded in ${seconds(performance.now() - loadStart)}: voices ${
    [...pipeline.voiceIds, `${DEMO_VOICE_ID} (demo, eSpeak NG)`].join(", ")
  }; avatars ${pipeline.avatarIds.join(", ") || "(none)"}; lip model ${
    pipeline.wav2lipModel ?? "(none)"
  }${pipeline.store.kind === "redis" ? "; shared store redis" : ""}`,
);
say("warming up (one short utterance per voice)…");
const warmUp = await warmUpPipeline(pipeline, {
  signal: AbortSignal.timeout(config.backendTimeoutMs),
});
if (warmUp.failures.length > 0) {
  log.warn("warm-up incomplete", { ...warmUp });
  say(
    `warm-up incomplete after ${seconds(warmUp.ms)}: ${
      warmUp.failures.map((f) => `${f.step}: ${f.error}`).join("; ")
    }`,
  );
} else {
  log.debug("warmed up", { ...warmUp });
  say(`warmed up in ${seconds(warmUp.ms)} (${warmUp.frames} frames)`);
}
// Every model answers one real inference before /readyz says ready.
const readiness = await pipeline.readiness.check({
  signal: AbortSignal.timeout(config.backendTimeoutMs),
});
const failed = Object.entries(readiness.checks).filter(([, c]) => !c.ok);
if (failed.length > 0) {
  log.warn(readiness.ready ? "ready, degraded" : "not ready", {
    failed: Object.fromEntries(failed),
  });
  say(
    `${readiness.ready ? "ready, degraded" : "not ready"}: ${
      failed.map(([name, c]) => `${name}${c.detail ? ` (${c.detail})` : ""}`)
        .join("; ")
    }`,
  );
}
const edge = createApp({ config, log, ...pipeline });
let server: Deno.HttpServer<Deno.NetAddr>;
try {
  server = Deno.serve({
    port,
    hostname,
    onListen(address) {
      const host = address.hostname === "0.0.0.0"
        ? "localhost"
        : address.hostname;
      const url = `http://${host}:${address.port}/`;
      log.info("listening", {
        url,
        mode: pipeline.mode,
        voices: pipeline.voiceIds,
        avatars: pipeline.avatarIds,
        wav2lip: pipeline.wav2lipModel,
      });
      console.log(`Lipstream is running at ${url}`);
    },
  }, edge.app.fetch);
} catch (error) {
  const line = listenProblem(error, hostname, port);
  if (line) exitWith(line);
  throw error;
}

let signals = 0;
async function stop(signal: Deno.Signal): Promise<void> {
  signals++;
  if (signals > 1) {
    say(`${signal} again: ending running utterances now`);
    await edge.drain.run(0);
    return;
  }
  say(
    `${signal}: draining — not ready, no new streams; ${edge.utterances.size} running utterance(s) get up to ${
      seconds(config.drainTimeoutMs)
    }`,
  );
  const report = await edge.drain.run(config.drainTimeoutMs);
  log.info("drained", { ...report });
  say(
    `drained in ${seconds(report.ms)}: ${
      report.running - report.cancelled
    } finished, ${report.cancelled} ended by the deadline`,
  );
  await server.shutdown();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => void stop(signal));
}
await server.finished;
await pipeline.close();
say("stopped");
Deno.exit(0);
