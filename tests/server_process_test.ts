/**
 * The server as a process (`edge/main.ts`, as `deno task start` runs it):
 * a graceful stop on SIGTERM and a clear line when the port is taken.
 * Needs `deno task setup` (the README's test command runs it).
 */
import assert from "node:assert/strict";
import { freePort } from "./support/free_port.ts";

const LONG_TEXT = Array.from(
  { length: 24 },
  (_, i) => `This is sentence number ${i + 1} of a long answer.`,
).join(" ");

interface ServerProcess {
  child: Deno.ChildProcess;
  base: string;
  stderr: () => string;
}

/** Collects a stream's text; `text()` is what arrived so far. */
function collect(stream: ReadableStream<Uint8Array>) {
  let text = "";
  const done = stream.pipeThrough(new TextDecoderStream()).pipeTo(
    new WritableStream({
      write(chunk) {
        text += chunk;
      },
    }),
  );
  return { text: () => text, done };
}

async function startServer(
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "edge/main.ts"],
    env: {
      LIPSTREAM_HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  for (let i = 0; i < 600; i++) {
    if (stdout.text().includes("Lipstream is running at")) {
      return { child, base: `http://127.0.0.1:${port}`, stderr: stderr.text };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  await child.status;
  throw new Error(`server did not start: ${stderr.text()}`);
}

function speak(base: string, text: string): Promise<Response> {
  return fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text, voice: "fixture_vits", avatar: "demo" }),
  });
}

/** Reads the first chunk, waits for `whilePaused`, then reads the rest as text. */
async function readPausingAfterFirstChunk(
  response: Response,
  whilePaused: () => Promise<void>,
): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value, { stream: true });
  await whilePaused();
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

Deno.test("SIGTERM drains: not ready and no new streams at once, the running utterance finishes, exit 0", async () => {
  const server = await startServer({ DRAIN_TIMEOUT_MS: "60000" });
  try {
    const running = await speak(server.base, LONG_TEXT);
    assert.equal(running.status, 200);
    const body = await readPausingAfterFirstChunk(running, async () => {
      server.child.kill("SIGTERM");
      let ready: Response | undefined;
      for (let i = 0; i < 50; i++) {
        ready = await fetch(`${server.base}/readyz`);
        await ready.body?.cancel();
        if (ready.status === 503) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(ready?.status, 503);
      const refused = await speak(server.base, "Hello.");
      assert.equal(refused.status, 503);
      assert.equal(refused.headers.get("retry-after"), "1");
      assert.equal(
        (await refused.json()).type,
        "urn:lipstream:problem:shutting-down",
      );
    });
    assert.match(body, /"type":"end"/);
    assert.doesNotMatch(body, /problem/);
    const status = await server.child.status;
    assert.equal(status.code, 0, server.stderr());
    assert.match(server.stderr(), /drained in .*: 1 finished, 0 ended/);
  } finally {
    try {
      server.child.kill();
    } catch {
      // already exited
    }
    await server.child.status;
  }
});

Deno.test("SIGTERM past DRAIN_TIMEOUT_MS ends the running utterance with a shutting-down part, exit 0", async () => {
  const server = await startServer({ DRAIN_TIMEOUT_MS: "300" });
  try {
    const running = await speak(server.base, LONG_TEXT);
    assert.equal(running.status, 200);
    const body = await readPausingAfterFirstChunk(running, async () => {
      server.child.kill("SIGTERM");
      // Stop reading past the deadline, so the utterance is still running then.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    assert.doesNotMatch(body, /"type":"end"/);
    assert.match(body, /application\/problem\+json/);
    assert.match(body, /urn:lipstream:problem:shutting-down/);
    assert.match(body, /--\S+--\r\n$/, "the multipart body is closed");
    const status = await server.child.status;
    assert.equal(status.code, 0, server.stderr());
    assert.match(server.stderr(), /0 finished, 1 ended by the deadline/);
  } finally {
    try {
      server.child.kill();
    } catch {
      // already exited
    }
    await server.child.status;
  }
});

Deno.test("a port already in use: one line naming the port, no stack trace, exit 1", async () => {
  const taken = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (taken.addr as Deno.NetAddr).port;
  try {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "edge/main.ts"],
      env: { LIPSTREAM_HOST: "127.0.0.1", PORT: String(port) },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 1, stderr);
    const lines = stderr.trim().split("\n");
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, new RegExp(`port ${port} is already in use`));
    assert.doesNotMatch(stderr, /Uncaught|\bat file:/);
  } finally {
    taken.close();
  }
});
