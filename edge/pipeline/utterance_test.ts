import assert from "node:assert/strict";
import { InferenceError } from "@lipstream/shared";
import {
  createFakeStats,
  createSolidLipSyncService,
  createToneSpeechService,
  type FakeOptions,
} from "../../tests/support/fake_pipeline.ts";
import type { UtteranceWriter } from "./types.ts";
import { runUtterance, type UtteranceDeps } from "./utterance.ts";
import type { UtteranceRequest } from "./utterance_request.ts";
import { UtteranceRegistry } from "./utterances.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes one line per step: `start`, `audio 0`, `frame 3`, `end 2`, `failed <type>`. */
function lines(): UtteranceWriter {
  const line = (text: string) => [encoder.encode(`${text}\n`)];
  return {
    headers: { "Content-Type": "text/plain" },
    start: () => line("start"),
    audio: ({ chunk }) => line(`audio ${chunk.sentenceIndex}`),
    frame: ({ frame }) => line(`frame ${frame.index}`),
    end: (summary) => line(`end ${summary.sentences}`),
    failed: (failure) => line(`failed ${failure.problem.type}`),
  };
}

const NO_METRICS = {
  timeToFirstAudio: { observe() {} },
  timeToFirstFrame: { observe() {} },
  backendLatency: { observe() {} },
  frames: { inc() {} },
  audioSeconds: { inc() {} },
  streamErrors: { inc() {} },
};

function setup(options: FakeOptions = {}) {
  const stats = createFakeStats();
  const deps: UtteranceDeps = {
    speech: createToneSpeechService(stats, options),
    lipSync: createSolidLipSyncService(stats, options),
    utterances: new UtteranceRegistry(),
    metrics: NO_METRICS,
    backendTimeoutMs: 2000,
    now: () => performance.now(),
  };
  return { stats, deps };
}

/** Two sentences of one and two words: 40 and 80 ms of audio, 1 and 2 frames at 25 fps. */
function request(
  respondAfter: UtteranceRequest["respondAfter"],
): UtteranceRequest {
  return {
    route: "/test",
    audio: { speech: { text: "One. Two three.", voiceId: "tone" } },
    sampleRateHz: 16000,
    video: { avatarId: "square", fps: 25 },
    audioFormat: "pcm16",
    respondAfter,
  };
}

const run = { writer: lines, owner: "anonymous", log: console };

async function text(
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>,
) {
  return decoder.decode(await new Response(body).arrayBuffer());
}

Deno.test("runUtterance() answers after the first audio; the rest follows as the body is read", async () => {
  const { stats, deps } = setup();
  const utterance = await runUtterance(deps, request("audio"), {
    ...run,
    startedAtMs: deps.now(),
  });
  assert.equal(utterance.headers["X-Utterance-Id"], utterance.id);
  assert.equal(stats.frames, 0, "frames were made before the status");
  assert.equal(deps.utterances.size, 1);
  assert.equal(
    await text(utterance.body),
    "start\naudio 0\nframe 0\naudio 1\nframe 1\nframe 2\nend 2\n",
  );
  assert.equal(deps.utterances.size, 0);
});

Deno.test("runUtterance() with respondAfter 'end' returns the whole body at once", async () => {
  const { deps } = setup();
  const utterance = await runUtterance(deps, request("end"), {
    ...run,
    startedAtMs: deps.now(),
  });
  assert.ok(utterance.body instanceof Uint8Array);
  assert.match(await text(utterance.body), /end 2\n$/);
  assert.equal(deps.utterances.size, 0);
});

Deno.test("runUtterance() throws a failure before the status and unregisters", async () => {
  const error = new InferenceError("unavailable", "backend down");
  const { deps } = setup({ failAt: { sentence: 0, error } });
  await assert.rejects(
    runUtterance(deps, request("audio"), { ...run, startedAtMs: 0 }),
    (thrown) => thrown === error,
  );
  assert.equal(deps.utterances.size, 0);
});

Deno.test("runUtterance() ends with the writer's failure after the status", async () => {
  const error = new InferenceError("timeout", "slow");
  const { deps } = setup({ failAt: { sentence: 1, error } });
  const utterance = await runUtterance(deps, request("audio"), {
    ...run,
    log: { error() {} },
    startedAtMs: 0,
  });
  assert.match(
    await text(utterance.body),
    /^start\naudio 0\n.*failed urn:lipstream:problem:\S+\n$/s,
  );
  assert.equal(deps.utterances.size, 0);
});

Deno.test("runUtterance() stops when its registry entry is aborted (DELETE)", async () => {
  const { stats, deps } = setup({ frameDelayMs: 20 });
  const utterance = await runUtterance(deps, request("audio"), {
    ...run,
    startedAtMs: 0,
  });
  assert.equal(deps.utterances.abort(utterance.id, "someone else"), false);
  assert.equal(deps.utterances.abort(utterance.id, "anonymous"), true);
  assert.match(
    await text(utterance.body),
    /failed urn:lipstream:problem:utterance-cancelled\n$/,
  );
  assert.ok(stats.aborted > 0);
});
