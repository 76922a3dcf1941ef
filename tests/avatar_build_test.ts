/**
 * The pack builder CLI end to end: inputs made with ffmpeg's test sources, `--box`, the loader,
 * ffprobe on every stored JPEG, and paste-back leaving everything outside the box as it was.
 */
import assert from "node:assert/strict";
import { loadAvatarPack } from "@lipstream/edge/avatar";
import { denoPackReader } from "@lipstream/edge/avatar/deno";
import { decodeJpeg, JpegEncoder, pasteFace } from "@lipstream/edge/frames";

const BUILDER =
  new URL("../edge/avatar_build/build_main.ts", import.meta.url).pathname;

async function run(command: string, args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(command, {
    args,
    stdin: "null",
  }).output();
  const text = new TextDecoder().decode(stdout) +
    new TextDecoder().decode(stderr);
  assert.equal(code, 0, `${command} failed: ${text}`);
  return text;
}

async function build(
  dir: string,
  input: string,
  extra: string[],
): Promise<string> {
  return await run(Deno.execPath(), [
    "run",
    "-A",
    BUILDER,
    "--input",
    input,
    "--out",
    dir,
    ...extra,
  ]);
}

async function ffprobeAll(dir: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const path = `${dir}/frames/${String(i).padStart(6, "0")}.jpg`;
    const out = await run("ffprobe", [
      "-v",
      "error",
      "-show_entries",
      "stream=codec_name",
      "-of",
      "csv=p=0",
      path,
    ]);
    assert.equal(out.trim(), "mjpeg", path);
  }
}

Deno.test("avatar builder packs a 1 s testsrc video with --box", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await run("ffmpeg", [
      ...[
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=320x240:rate=25",
        "-t",
        "1",
      ],
      ...["-pix_fmt", "yuv420p", `${dir}/in.mp4`],
    ]);
    await build(`${dir}/pack`, `${dir}/in.mp4`, [
      "--box",
      "60,180,100,220",
      "--max-frames",
      "10",
    ]);
    const pack = await loadAvatarPack(denoPackReader(`${dir}/pack`));
    assert.equal(pack.manifest.frameCount, 10);
    assert.equal(pack.manifest.fps, 25);
    assert.deepEqual(pack.boxes[0], { y1: 60, y2: 190, x1: 100, x2: 220 }); // bottom pad 10
    assert.deepEqual([pack.frames[0]!.width, pack.frames[0]!.height], [
      320,
      240,
    ]);
    await ffprobeAll(`${dir}/pack`, 10);
    // testsrc moves: crops of frames 0 and 9 differ.
    const crop = (i: number) => pack.crops.subarray(i * 27648, (i + 1) * 27648);
    assert.notDeepEqual(crop(0), crop(9));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("avatar builder packs a still image with --fps, --resize and --nosmooth", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await run("ffmpeg", [
      ...[
        "-v",
        "error",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=200x160",
        "-frames:v",
        "1",
      ],
      `${dir}/face.png`,
    ]);
    await build(`${dir}/pack`, `${dir}/face.png`, [
      ...[
        "--box",
        "20,100,40,120",
        "--fps",
        "30",
        "--resize",
        "100x80",
        "--nosmooth",
      ],
      ...["--pads", "2,0,0,0"],
    ]);
    const pack = await loadAvatarPack(denoPackReader(`${dir}/pack`));
    assert.equal(pack.manifest.frameCount, 1);
    assert.equal(pack.manifest.fps, 30);
    assert.equal(pack.manifest.smoothed, false);
    assert.deepEqual(pack.boxes[0], { y1: 18, y2: 80, x1: 40, x2: 100 });
    await ffprobeAll(`${dir}/pack`, 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("paste-back keeps pixels outside the padded box (decoded JPEG, with tolerance)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await run(Deno.execPath(), [
      "run",
      "-A",
      BUILDER,
      "--demo",
      "--out",
      `${dir}/demo`,
    ]);
    const pack = await loadAvatarPack(denoPackReader(`${dir}/demo`));
    assert.equal(pack.manifest.kind, "demo");
    const box = pack.boxes[3]!, frame = pack.frames[3]!;
    const face = new Float32Array(3 * 96 * 96).fill(0.2);
    const encoder = new JpegEncoder({ quality: 90 });
    const before = decodeJpeg(encoder.encode(frame));
    for (const mode of ["reference", "feathered"] as const) {
      const pasted = pasteFace(frame, { face, box }, { mode });
      const after = decodeJpeg(encoder.encode(pasted));
      let rgbChanged = 0, jpegWorst = 0, inside = 0;
      for (let y = 0; y < frame.height; y++) {
        for (let x = 0; x < frame.width; x++) {
          const o = (y * frame.width + x) * 3;
          const inBox = y >= box.y1 && y < box.y2 && x >= box.x1 && x < box.x2;
          // One 16-px JPEG MCU away from the box, the encoded input is identical.
          const far = y < box.y1 - 16 || y >= box.y2 + 16 || x < box.x1 - 16 ||
            x >= box.x2 + 16;
          if (
            y >= box.y1 + 24 && y < box.y2 - 24 && x >= box.x1 + 24 &&
            x < box.x2 - 24
          ) {
            inside = Math.max(inside, Math.abs(after.data[o]! - 51));
          }
          for (let c = 0; c < 3; c++) {
            if (!inBox && pasted.data[o + c] !== frame.data[o + c]) {
              rgbChanged++;
            }
            if (far) {
              jpegWorst = Math.max(
                jpegWorst,
                Math.abs(after.data[o + c]! - before.data[o + c]!),
              );
            }
          }
        }
      }
      assert.equal(rgbChanged, 0, `${mode}: RGB outside the box changed`);
      assert.ok(
        jpegWorst <= 2,
        `${mode}: decoded JPEG outside the box differs by ${jpegWorst}`,
      );
      assert.ok(
        inside <= 6,
        `${mode}: inside the box differs from the face by ${inside}`,
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("avatar builder finds a real face with face-api's Tiny detector", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // A 256×256 crop of the sample photo that ships in the face-api npm package.
    const sample = new URL(
      "../node_modules/@vladmandic/face-api/demo/sample2.jpg",
      import.meta.url,
    ).pathname;
    await run("ffmpeg", [
      ...[
        "-v",
        "error",
        "-i",
        sample,
        "-vf",
        "crop=600:600:1250:0,scale=256:256",
      ],
      `${dir}/face.png`,
    ]);
    const log = await build(`${dir}/pack`, `${dir}/face.png`, [
      "--detector",
      "tiny",
    ]);
    // The WebAssembly backend: no TensorFlow.js banner asking for a native add-on.
    assert.match(log, /tinyFaceDetector \(tfjs wasm\)/);
    assert.doesNotMatch(log, /tfjs-node|already registered|Overwriting/);
    const pack = await loadAvatarPack(denoPackReader(`${dir}/pack`));
    assert.equal(pack.manifest.source.boxes, "detector");
    const box = pack.boxes[0]!;
    // The face sits around rows 80–175, columns 75–175 (checked by eye); pads add 10 below.
    assert.ok(
      Math.abs(box.y1 - 81) < 15 && Math.abs(box.y2 - 185) < 15,
      JSON.stringify(box),
    );
    assert.ok(
      Math.abs(box.x1 - 75) < 15 && Math.abs(box.x2 - 176) < 15,
      JSON.stringify(box),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("avatar builder: --help prints the usage; progress goes to stderr as plain lines off a terminal", async () => {
  const help = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", BUILDER, "--help"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(help.code, 0);
  const usage = new TextDecoder().decode(help.stdout);
  assert.match(usage, /^Usage: deno task avatar:build --input FILE --out DIR/);
  assert.match(usage, /--detector ssd\|tiny/);

  const dir = await Deno.makeTempDir();
  try {
    await run("ffmpeg", [
      ...["-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25"],
      ...["-t", "1", "-pix_fmt", "yuv420p", `${dir}/in.mp4`],
    ]);
    const built = await new Deno.Command(Deno.execPath(), {
      args: [
        ...["run", "-A", BUILDER, "--input", `${dir}/in.mp4`],
        ...["--out", `${dir}/pack`, "--box", "20,100,40,120"],
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(built.stderr);
    assert.equal(built.code, 0, stderr);
    const lines = stderr.trim().split("\n");
    assert.ok(lines.length >= 2 && lines.length <= 11, stderr);
    assert.match(
      lines[0]!,
      /^face boxes: 1\/25 frames \(4%\), [\d.]+ frames\/s, ETA \d+ s$/,
    );
    assert.match(
      lines.at(-1)!,
      /^face boxes: 25\/25 frames \(100%\), .* done in \d+ s$/,
    );
    // deno-lint-ignore no-control-regex -- a plain log must carry no escape codes
    assert.doesNotMatch(stderr, /\r|\x1b/);

    // Without ffmpeg on PATH: one clear line saying how to install it.
    const missing = await new Deno.Command(Deno.execPath(), {
      args: [
        ...["run", "-A", BUILDER, "--input", `${dir}/in.mp4`],
        ...["--out", `${dir}/pack2`, "--box", "20,100,40,120"],
      ],
      env: { PATH: dir },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const message = new TextDecoder().decode(missing.stderr);
    assert.equal(missing.code, 1);
    assert.match(
      message,
      /Cannot run ffprobe: it is not installed\. Install ffmpeg .*bash scripts\/system_deps\.sh ffmpeg/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("avatar builder rejects a bad --detect-every or --backend, naming the option", async () => {
  for (
    const [option, value] of [
      ["--detect-every", "0"],
      ["--backend", "gpu"],
    ] as const
  ) {
    const result = await new Deno.Command(Deno.execPath(), {
      args: [
        ...["run", "-A", BUILDER, "--input", "missing.png", "--out"],
        ...["/tmp/lipstream-none", option, value],
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(result.code, 1);
    assert.match(
      new TextDecoder().decode(result.stderr),
      new RegExp(`Cannot parse ${option}`),
    );
  }
});
