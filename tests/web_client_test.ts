/**
 * The web client at `/` in a real browser (Debian chromium driven by
 * playwright-core, headless, kept off the network): streaming speak schedules
 * audio back to back and paints frames on the audio clock, Stop cancels the
 * server's work and silences audio at once, and simple mode plays the
 * `/v1/tts` data URI. The page's own counters (`window.lipstream`) are checked
 * against what the fakes produced and against frame indices read back from
 * canvas pixels.
 *
 * Skipped only when `/usr/bin/chromium` is missing outside CI (install it
 * with `bash scripts/system_deps.sh`); in CI it always runs.
 */
import assert from "node:assert/strict";
import { type Browser, chromium, type Page } from "playwright-core";
import { decodeWavMono, encodeWav } from "@lipstream/shared";
import { createApp } from "@lipstream/edge/app";
import { createJsonLogger } from "@lipstream/edge/log";
import { readConfig } from "@lipstream/edge/config";
import { buildPipelineDeps } from "../edge/boot/pipeline_deps.ts";
import { warmUpPipeline } from "../edge/boot/warm_up.ts";
import {
  createFakeStats,
  createFixedReadiness,
  createToneSpeechService,
  type FakeStats,
} from "./support/fake_pipeline.ts";
import { TEST_CONFIG } from "./support/test_app.ts";
import {
  createFaceLipSyncService,
  INDEX_BLOCK_WIDTH,
  INDEX_STRIP_HEIGHT,
  MOUTH_BOX,
} from "./support/web_face_pipeline.ts";
import {
  type CanvasSample,
  installCanvasSampler,
  installSourceTracker,
  type PageStats,
  readStats,
  waitForExpression,
  waitForStats,
} from "./support/web_page_probe.ts";

const CHROMIUM_PATH = "/usr/bin/chromium";
const IN_CI = ["1", "true"].includes((Deno.env.get("CI") ?? "").toLowerCase());
const HAS_CHROMIUM = await Deno.stat(CHROMIUM_PATH).then(
  () => true,
  () => false,
);
const SKIP = !HAS_CHROMIUM && !IN_CI;
if (SKIP) {
  console.warn(
    `web_client_test: SKIPPED: ${CHROMIUM_PATH} is missing (run 'bash scripts/system_deps.sh'); in CI this test runs and fails instead`,
  );
}

const FPS = 25;
const FRAME_MS = 1000 / FPS;
/** The tone fake speaks 640 samples (40 ms at 16 kHz) per word. */
const MS_PER_WORD = 40;

/** A server on loopback; swap the body for the embedded server once the real pipeline is wanted here. */
function startServer(
  options: { sentenceDelayMs?: number; apiKeys?: string[] } = {},
): Promise<{ url: string; stats: FakeStats; close: () => Promise<void> }> {
  const stats = createFakeStats();
  const { app } = createApp({
    config: {
      ...TEST_CONFIG,
      maxTextLength: 2000,
      apiKeys: options.apiKeys ?? [],
    },
    speech: createToneSpeechService(stats, options),
    lipSync: createFaceLipSyncService(stats),
    readiness: createFixedReadiness(true),
    encodeWav,
    decodeWav: decodeWavMono,
    log: createJsonLogger({ level: "error", write: () => {} }),
  });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    app.fetch,
  );
  return Promise.resolve({
    url: `http://127.0.0.1:${server.addr.port}`,
    stats,
    close: () => server.shutdown(),
  });
}

/** The embedded server as `deno task start` runs it: fixture voice and lip model on ONNX Runtime, the demo avatar. */
async function startEmbeddedServer(): Promise<
  { url: string; close: () => Promise<void> }
> {
  const config = readConfig({ PORT: "0" });
  const log = createJsonLogger({ level: "error", write: () => {} });
  const pipeline = await buildPipelineDeps(config, log);
  // Warmed up as `deno task start` does before it listens.
  await warmUpPipeline(pipeline, { signal: AbortSignal.timeout(30_000) });
  const { app } = createApp({ config, log, ...pipeline });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    app.fetch,
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  return {
    url,
    close: async () => {
      await server.shutdown();
      await pipeline.close();
    },
  };
}

/** Flags that keep chromium quiet and off the network (loopback only). */
const OFFLINE_ARGS = [
  "--autoplay-policy=no-user-gesture-required",
  "--no-sandbox",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-domain-reliability",
  "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  "--no-proxy-server",
];

/** Runs `body` with a fresh server and a page on it (phone-sized viewport); requests leaving loopback fail the test. */
async function withPage<S extends { url: string; close: () => Promise<void> }>(
  server: S | Promise<S>,
  body: (page: Page, server: S) => Promise<void>,
  options: { waitReady?: boolean } = {},
): Promise<void> {
  server = await server;
  let browser: Browser | undefined;
  const offsite: string[] = [];
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: OFFLINE_ARGS,
    });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("data:")) {
        return route.continue();
      }
      offsite.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await installSourceTracker(page);
    await page.goto(server.url);
    if (options.waitReady ?? true) {
      await waitForExpression(page, "window.lipstream?.ready === true", 10_000);
    }
    await body(page, server);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(offsite, []);
  } finally {
    await browser?.close();
    await server.close();
  }
}

function sentence(index: number, words: number): string {
  return Array.from({ length: words }, (_, i) => `word${index}x${i}`).join(
    " ",
  ) + ".";
}

Deno.test({
  name:
    "web client: streamed speech is scheduled back to back and frames follow the audio clock",
  ignore: SKIP,
  async fn() {
    const wordsPerSentence = [12, 15, 18];
    const text = wordsPerSentence.map((n, i) => sentence(i, n)).join(" ");
    const audioMs = wordsPerSentence.reduce((a, n) => a + n, 0) * MS_PER_WORD;
    const frameCount = Math.ceil(audioMs / FRAME_MS);
    await withPage(startServer({}), async (page, server) => {
      const layout: { scrollWidth: number; innerWidth: number } = await page
        .evaluate(
          "({ scrollWidth: document.documentElement.scrollWidth, innerWidth })",
        );
      assert.ok(
        layout.scrollWidth <= layout.innerWidth,
        `page overflows a phone: ${JSON.stringify(layout)}`,
      );
      await page.getByLabel("Text", { exact: true }).fill(text);
      await page.getByLabel("Avatar", { exact: true }).selectOption("face");
      await installCanvasSampler(page, {
        strip: INDEX_STRIP_HEIGHT,
        block: INDEX_BLOCK_WIDTH,
        mouth: MOUTH_BOX,
      });
      const failed: string[] = [];
      page.on("requestfailed", (request) => {
        failed.push(`${request.url()} ${request.failure()?.errorText}`);
      });
      const badResponses: string[] = [];
      page.on("response", (response) => {
        if (response.status() >= 400) {
          badResponses.push(`${response.status()} ${response.url()}`);
        }
      });
      await page.evaluate(`window.statusSamples = [];
        setInterval(() => statusSamples.push([
          document.getElementById("status").textContent,
          lipstream.stats.received,
        ]), 50);`);
      await page.getByRole("button", { name: "Speak" }).click();
      await waitForStats(page, (s) => s.framesPainted >= 10, 10_000);
      await Deno.mkdir(new URL("../out/", import.meta.url), {
        recursive: true,
      });
      await page.screenshot({
        fullPage: true,
        path:
          new URL("../out/web_client_speaking.png", import.meta.url).pathname,
      });
      await waitForStats(page, (s) => s.state === "idle", 15_000);
      const stats = await readStats(page);
      const samples: CanvasSample[] = await page.evaluate("canvasSamples");
      // The whole stream arrives long before it is heard; the status says
      // "speaking" until the sound ends, never "finishing".
      const statuses: [string, boolean][] = await page.evaluate(
        "statusSamples",
      );
      assert.ok(!statuses.some(([status]) => status === "finishing"));
      assert.ok(
        statuses.filter(([status, received]) =>
          status === "speaking" && received
        ).length > 0,
      );
      // The live timeline plots each audio part's arrival and each paint.
      const plotted: { audio: number; frame: number; offset: number } =
        await page
          .evaluate(`(() => {
          const canvas = document.getElementById("timeline");
          const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30 && data[i + 3] > 200;
          const count = { audio: 0, frame: 0, offset: 0 };
          for (let i = 0; i < data.length; i += 4) {
            if (near(i, [0x2f, 0x7f, 0xff])) count.audio++;
            if (near(i, [0x1f, 0xaa, 0x55])) count.frame++;
            if (near(i, [0xff, 0x8c, 0x1a])) count.offset++;
          }
          return count;
        })()`);
      assert.ok(
        plotted.audio > 0 && plotted.frame > 0 && plotted.offset > 0,
        JSON.stringify(plotted),
      );
      const logged: { arrivals: number; paints: number } = await page.evaluate(
        "({ arrivals: lipstream.stats.audioArrivals.length, paints: lipstream.stats.paints.length })",
      );
      assert.deepEqual(logged, {
        arrivals: stats.audioPartsReceived,
        paints: stats.framesPainted,
      });
      // No request failed: the completed /v1/speak, read to its end through
      // a stream reader, is not reported as net::ERR_ABORTED.
      assert.deepEqual(failed, []);
      // The favicon is served.
      // (The fake avatar here has no idle.jpg; the favicon must be there.)
      assert.deepEqual(
        badResponses.filter((line) => line.includes("/favicon.ico")),
        [],
      );
      const icon = await fetch(`${server.url}/favicon.ico`);
      assert.equal(icon.status, 200);
      assert.equal(icon.headers.get("content-type"), "image/x-icon");
      const ico = new Uint8Array(await icon.arrayBuffer());
      assert.deepEqual([...ico.subarray(0, 6)], [0, 0, 1, 0, 1, 0]);
      // On a desktop the pickers show their whole selected text.
      await page.setViewportSize({ width: 1280, height: 800 });
      const pickers: { id: string; text: number; box: number; cell: number }[] =
        await page.evaluate(`[...document.querySelectorAll(".field select")]
          .filter((select) => select.selectedOptions.length > 0)
          .map((select) => {
            const context = document.createElement("canvas").getContext("2d");
            context.font = getComputedStyle(select).font;
            return {
              id: select.id,
              text: context.measureText(select.selectedOptions[0].text).width,
              box: select.getBoundingClientRect().width,
              cell: select.parentElement.getBoundingClientRect().right -
                select.getBoundingClientRect().right,
            };
          })`);
      assert.ok(pickers.some((p) => p.id === "voice"));
      for (const picker of pickers) {
        // Room for the text plus the arrow and padding, inside its cell.
        assert.ok(picker.box >= picker.text + 24, JSON.stringify(picker));
        assert.ok(picker.cell >= -0.5, JSON.stringify(picker));
      }
      console.log(summary(stats));

      assert.equal(server.stats.frames, frameCount);
      // The page's session rides on the request (its idle loop continues).
      const sessionId: string = await page.evaluate("lipstream.sessionId");
      assert.match(sessionId, /^[0-9a-f]{32}$/);
      assert.deepEqual(server.stats.sessions, [sessionId]);
      assert.equal(stats.audioPartsDecoded, 3);
      assert.equal(stats.rebases, 0);
      // Sound starts after the first audio arrives, once the first frame is
      // in (waiting at most 250 ms for it), plus a 50 ms lead.
      assert.ok(
        stats.ttfsMs !== null && stats.ttfaMs !== null &&
          stats.ttfsMs > stats.ttfaMs && stats.ttfsMs < stats.ttfaMs + 1000,
        `first sound ${stats.ttfsMs} ms, first audio ${stats.ttfaMs} ms`,
      );
      stats.segments.forEach(([start, end], i) => {
        assert.ok(
          Math.abs((end - start) * 1000 - wordsPerSentence[i]! * MS_PER_WORD) <
            1e-3,
          `segment ${i} length`,
        );
        if (i > 0) {
          assert.ok(
            Math.abs(start - stats.segments[i - 1]![1]) < 1e-6,
            `gap or overlap before segment ${i}`,
          );
        }
      });
      assert.equal(stats.framesReceived, frameCount);
      assert.ok(
        stats.framesPainted >= 0.9 * frameCount,
        `painted ${stats.framesPainted} of ${frameCount}`,
      );
      assert.ok(
        stats.maxAbsOffsetMs <= FRAME_MS,
        `max |A/V offset| ${stats.maxAbsOffsetMs} ms`,
      );

      // Independent of the page's counters: the frame on the canvas (its index read from pixels) against the clock.
      // Samples right after a main-thread stall (a late timer) are left out: no paint could run either.
      const speaking = samples.filter((s) =>
        s.clockMs !== null && s.clockMs >= 0 && s.clockMs < audioMs &&
        s.painted > 0 && s.gapMs < 3 * 20
      );
      assert.ok(
        speaking.length >= 10,
        `only ${speaking.length} canvas samples while speaking`,
      );
      for (const sample of speaking) {
        const lagMs = sample.clockMs! - sample.frameIndex * FRAME_MS;
        assert.ok(
          lagMs > -FRAME_MS / 2 && lagMs < 2 * FRAME_MS,
          `frame ${sample.frameIndex} on screen at ${sample.clockMs} ms`,
        );
      }
      const mouths = new Set(speaking.map((s) => Math.round(s.mouthLuma / 4)));
      assert.ok(mouths.size >= 2, `mouth region never changed: ${[...mouths]}`);
    });
  },
});

Deno.test({
  name:
    "web client: Stop cancels the server's work, silences audio at once and paints no more frames",
  ignore: SKIP,
  async fn() {
    const text = Array.from({ length: 8 }, (_, i) => sentence(i, 15)).join(" ");
    await withPage(
      startServer({ sentenceDelayMs: 300 }),
      async (page, server) => {
        await page.getByLabel("Text", { exact: true }).fill(text);
        await page.getByLabel("Avatar", { exact: true }).selectOption("face");
        await page.getByRole("button", { name: "Speak" }).click();
        await waitForStats(page, (s) => s.framesPainted >= 5, 10_000);
        assert.equal(await inFlightStreams(server.url), 1);
        const live: { before: number; after: number } = await page.evaluate(
          `(() => {
          const before = liveSources.size;
          document.getElementById("stop").click();
          return { before, after: liveSources.size };
        })()`,
        );
        assert.ok(live.before > 0, "no audio was playing before Stop");
        assert.equal(live.after, 0, "audio sources still playing after Stop");
        const paintedAtStop = (await readStats(page)).framesPainted;
        await waitUntil(
          async () => (await inFlightStreams(server.url)) === 0,
          5_000,
          "in-flight streams back to 0",
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        const stats = await readStats(page);
        assert.equal(stats.state, "stopped");
        assert.equal(stats.framesPainted, paintedAtStop);
        assert.ok(
          server.stats.sentences < 8,
          `server synthesized all ${server.stats.sentences} sentences`,
        );
      },
    );
  },
});

Deno.test({
  name:
    "web client: simple mode plays the /v1/tts data URI in <audio> and MJPEG in <img>",
  ignore: SKIP,
  async fn() {
    const words = [10, 14];
    const text = words.map((n, i) => sentence(i, n)).join(" ");
    await withPage(startServer({}), async (page, server) => {
      await page.getByLabel("Text", { exact: true }).fill(text);
      await page.getByLabel("Avatar", { exact: true }).selectOption("face");
      await page.getByLabel(/Simple mode/).check();
      await page.getByRole("button", { name: "Speak" }).click();
      const stats = await waitForStats(
        page,
        (s) => s.simple?.canPlayThrough === true,
        10_000,
      );
      const expectedSec = (words[0]! + words[1]!) * MS_PER_WORD / 1000;
      assert.equal(stats.simple!.durationMs, expectedSec * 1000);
      const sessionId: string = await page.evaluate("lipstream.sessionId");
      // The MJPEG <img> opens its session once its first audio is in, which
      // may come after the <audio> is ready: wait for it (bounded).
      for (
        const until = Date.now() + 10_000;
        server.stats.sessions.length === 0 && Date.now() < until;
      ) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(server.stats.sessions, [sessionId]); // the MJPEG <img>
      assert.ok(
        Math.abs(stats.simple!.audioDurationSec! - expectedSec) < 0.005,
        `duration ${stats.simple!.audioDurationSec}`,
      );
      await waitForExpression(
        page,
        'document.getElementById("simple-video").naturalWidth === 128',
        10_000,
      );
      assert.equal(await page.locator("#face").isHidden(), true);
    });
  },
});

Deno.test({
  name:
    "web client with API keys: the key field opens, and simple mode's MJPEG <img> loads with a media token",
  ignore: SKIP,
  async fn() {
    const key = "k".repeat(24);
    await withPage(startServer({ apiKeys: [key] }), async (page, server) => {
      // Without the key the catalog is a 401: the page shows the key field.
      await waitForExpression(
        page,
        "window.lipstream?.stats.state === 'error'",
        10_000,
      );
      assert.equal(await page.locator("#api-key").isVisible(), true);
      await page.locator("#api-key").fill(key);
      await page.locator("#api-key").dispatchEvent("change");
      await waitForExpression(page, "window.lipstream?.ready === true", 10_000);
      await page.getByLabel("Text", { exact: true }).fill(sentence(0, 8));
      await page.getByLabel("Avatar", { exact: true }).selectOption("face");
      await page.getByLabel(/Simple mode/).check();
      await page.getByRole("button", { name: "Speak" }).click();
      await waitForExpression(
        page,
        'document.getElementById("simple-video").naturalWidth === 128',
        10_000,
      );
      const src: string = await page.evaluate(
        'document.getElementById("simple-video").src',
      );
      assert.match(src, /[?&]token=v1\./);
      assert.equal(server.stats.sessions.length, 1);
    }, { waitReady: false });
  },
});

function summary(stats: PageStats): string {
  const ms = (value: number | null) => value?.toFixed(1) ?? "-";
  return `web client: response ${ms(stats.responseMs)} ms, TTFA ${
    ms(stats.ttfaMs)
  } ms, first sound ${ms(stats.ttfsMs)} ms, TTFF ${
    ms(stats.ttffMs)
  } ms, frames ${stats.framesPainted}/${stats.framesReceived} painted, ` +
    `${stats.framesDropped} dropped, max |A/V offset| ${
      ms(stats.maxAbsOffsetMs)
    } ms, server ${JSON.stringify(stats.server)}`;
}

async function inFlightStreams(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = /^lipstream_in_flight_streams (\d+)$/m.exec(text);
  assert.ok(match, "no in-flight gauge in /metrics");
  return Number(match[1]);
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

Deno.test({
  name:
    "web client on the embedded server: fixture voice and lip model play in sync over the demo avatar",
  ignore: SKIP,
  async fn() {
    const text =
      "Hello there, this is Lipstream. The fixture voice speaks in tones. Goodbye for now!";
    await withPage(startEmbeddedServer(), async (page) => {
      await page.getByLabel("Text", { exact: true }).fill(text);
      // Out of the box the page preselects the eSpeak NG demo voice, labelled as a demo.
      await waitForExpression(
        page,
        "document.getElementById('voice').selectedOptions.length > 0",
        10_000,
      );
      const preselected: string = await page.evaluate(
        `document.getElementById("voice").selectedOptions[0].text`,
      );
      assert.match(preselected, /^demo_espeak \(demo: eSpeak NG, not VITS\)$/);
      await page.getByLabel("Voice", { exact: true }).selectOption(
        "fixture_vits",
      );
      await page.getByLabel("Avatar", { exact: true }).selectOption("demo");
      // The page says the fixture voice and the demo avatar are not real.
      const labels: string[] = await page.evaluate(
        `["voice", "avatar"].map((id) =>
          document.getElementById(id).selectedOptions[0].text)`,
      );
      assert.match(labels[0]!, /fixture_vits \(test fixture, tones\)/);
      assert.match(labels[1]!, /demo .*\(drawn demo\)/);
      // The idle face shows before any speech.
      await waitForExpression(
        page,
        "window.lipstream.idleShown === 'demo'",
        10_000,
      );
      // The idle loop animates the avatar's frames before any speech.
      await waitForExpression(
        page,
        "window.lipstream.idleAnimating === 'demo' && window.lipstream.idle.ticks > 3",
        10_000,
      );
      const canvasNow = () =>
        page.evaluate("document.getElementById('face').toDataURL()");
      const before = await canvasNow();
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.notEqual(await canvasNow(), before, "the idle face did not move");
      // The demo avatar's mouth, in the 256×256 canvas.
      await installCanvasSampler(page, {
        strip: 2,
        block: 1,
        mouth: [88, 140, 168, 200],
      });
      await page.getByRole("button", { name: "Speak" }).click();
      await waitForStats(page, (s) => s.framesPainted >= 5, 20_000);
      await page.screenshot({
        fullPage: true,
        path: new URL("../out/web_client_embedded.png", import.meta.url)
          .pathname,
      });
      await waitForStats(page, (s) => s.state === "idle", 30_000);
      const stats = await readStats(page);
      console.log(summary(stats));
      assert.equal(stats.audioPartsDecoded, 3);
      stats.segments.forEach(([start], i) => {
        if (i > 0) {
          assert.ok(
            Math.abs(start - stats.segments[i - 1]![1]) < 1e-6,
            `gap or overlap before segment ${i}`,
          );
        }
      });
      const audioSec = stats.segments.at(-1)![1] - stats.segments[0]![0];
      // Frames cover the audio on one clock: ceil(duration × fps), within
      // the rounding of the decoded segment times.
      assert.ok(
        Math.abs(stats.framesReceived - audioSec * FPS) <= 1,
        `${stats.framesReceived} frames for ${audioSec} s`,
      );
      assert.ok(
        stats.framesPainted >= 0.9 * stats.framesReceived,
        `painted ${stats.framesPainted} of ${stats.framesReceived}`,
      );
      assert.ok(
        stats.maxAbsOffsetMs <= FRAME_MS,
        `max |A/V offset| ${stats.maxAbsOffsetMs} ms`,
      );
      const samples: CanvasSample[] = await page.evaluate("canvasSamples");
      const mouths = new Set(
        samples.filter((s) => s.painted > 0).map((s) =>
          Math.round(s.mouthLuma / 2)
        ),
      );
      assert.ok(mouths.size >= 2, `mouth region never changed: ${[...mouths]}`);
      // The utterance started where the idle animation stood (40 frames:
      // period 78), and the animation continues where the utterance ended.
      assert.ok(stats.sentIdlePosition! > 0, `${stats.sentIdlePosition}`);
      assert.equal(stats.startIdlePosition, stats.sentIdlePosition);
      assert.equal(
        stats.nextIdlePosition,
        (stats.sentIdlePosition! + stats.framesReceived) % 78,
      );
      assert.equal(await page.evaluate("window.lipstream.idle.running"), true);
      // A second utterance starts where the idle loop has got to since.
      const ticks: number = await page.evaluate("window.lipstream.idle.ticks");
      await waitForExpression(
        page,
        `window.lipstream.idle.ticks >= ${ticks + 3}`,
        5_000,
      );
      await page.getByLabel("Text", { exact: true }).fill("Once more.");
      await page.getByRole("button", { name: "Speak" }).click();
      const again = await waitForStats(
        page,
        (s) => s.state === "idle" && s.startIdlePosition !== null,
        20_000,
      );
      assert.equal(again.startIdlePosition, again.sentIdlePosition);
      assert.ok(
        (again.sentIdlePosition! - stats.nextIdlePosition! + 78) % 78 >= 3,
        `second start ${again.sentIdlePosition}, first end ${stats.nextIdlePosition}`,
      );
    });
  },
});
