/**
 * Avatar pack builder CLI.
 *
 * ```sh
 * deno run -A edge/avatar_build/build_main.ts --input face.mp4 --out generated/avatars/me --box 40,200,60,190
 * deno run -A edge/avatar_build/build_main.ts --demo --out generated/avatars/demo
 * ```
 *
 * Options: `--input FILE` (video or image), `--out DIR`, `--id NAME` (default: the folder name),
 * `--fps N` (resample video; image rate, default 25), `--box y1,y2,x1,x2` (fixed box, skips
 * detection), `--detector ssd|tiny` (face-api model when no `--box`, default `ssd`),
 * `--detect-every N` (frames between detector runs inside a scene, tracked in between; default 25,
 * 1 = every frame), `--backend wasm|cpu` (TensorFlow.js backend, default `wasm`),
 * `--pads top,bottom,left,right` (default `0,10,0,0`), `--nosmooth`,
 * `--no-face fail|nearest`, `--max-frames N`, `--resize WxH`, `--quality Q` (stored JPEG, default
 * 90), `--demo` (draw the project's demo avatar instead of reading `--input`), `--help`.
 * Face detection reports progress on stderr: a bar with rate and ETA on a
 * terminal, plain lines (about every 10 %) otherwise.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { buildDemoAvatarPack } from "./demo_avatar.ts";
import { writePackFiles } from "./write_pack_files.ts";
import {
  DEFAULT_PADS,
  type FacePads,
  padFaceBox,
  smoothFaceBoxes,
} from "./face_boxes.ts";
import {
  applyNoFacePolicy,
  type FaceDetector,
  fixedBoxDetector,
} from "./face_detector.ts";
import { createFaceApiDetector } from "./face_api_detector.ts";
import { decodeVideoFrames } from "./ffmpeg_frames.ts";
import { encodeAvatarPack } from "./pack_encoder.ts";
import { createProgress } from "./progress.ts";
import { trackFaceBoxes } from "./track_face_boxes.ts";

const USAGE = `Usage: deno task avatar:build --input FILE --out DIR [options]
       deno task avatar:build --demo --out DIR

Builds an avatar pack (frames, face boxes, 96x96 Wav2Lip crops) from a video
or an image. Needs ffmpeg and ffprobe (bash scripts/system_deps.sh ffmpeg).

  --input FILE           video or image to read
  --out DIR              where the pack is written
  --id NAME              pack id (default: the folder name of --out)
  --fps N                resample a video to N fps; an image's rate (default 25)
  --box y1,y2,x1,x2      fixed face box: skips detection
  --detector ssd|tiny    face-api detector when no --box (default ssd)
  --detect-every N       run the detector every N frames of a scene and track the
                         face in between, checked against the detections
                         (default 25; 1 = detect every frame)
  --backend wasm|cpu     TensorFlow.js backend for the detector (default wasm)
  --pads t,b,l,r         box padding in pixels (default 0,10,0,0)
  --nosmooth             keep per-frame boxes (no temporal smoothing)
  --no-face fail|nearest frames without a face: fail (default) or reuse the nearest box
  --max-frames N         read at most N frames
  --resize WxH           scale frames first
  --quality Q            stored JPEG quality (default 90)
  --demo                 draw the project's demo avatar instead of reading --input
  -h, --help             this text
`;

function parseInts(text: string, count: number, name: string): number[] {
  const values = text.split(/[,x]/).map(Number);
  if (values.length !== count || !values.every(Number.isSafeInteger)) {
    throw new RangeError(
      `Cannot parse --${name}: expected ${count} integers: received '${text}'`,
    );
  }
  return values;
}

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: "string" },
      out: { type: "string" },
      id: { type: "string" },
      fps: { type: "string" },
      box: { type: "string" },
      pads: { type: "string" },
      nosmooth: { type: "boolean", default: false },
      "no-face": { type: "string", default: "fail" },
      "max-frames": { type: "string" },
      resize: { type: "string" },
      quality: { type: "string", default: "90" },
      demo: { type: "boolean", default: false },
      detector: { type: "string", default: "ssd" },
      "detect-every": { type: "string", default: "25" },
      backend: { type: "string", default: "wasm" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.out) {
    throw new TypeError("Cannot build avatar pack: --out is required");
  }
  const started = performance.now();
  if (values.demo) {
    await writePackFiles(values.out, await buildDemoAvatarPack());
    console.log(
      `avatar: demo pack written to ${values.out} in ${
        (performance.now() - started).toFixed(0)
      } ms`,
    );
    return;
  }
  if (!values.input) {
    throw new TypeError(
      "Cannot build avatar pack: --input or --demo is required",
    );
  }
  const noFace = values["no-face"];
  if (noFace !== "fail" && noFace !== "nearest") {
    throw new RangeError(
      `Cannot parse --no-face: expected 'fail' or 'nearest': received '${noFace}'`,
    );
  }
  const detectEvery = parseInts(values["detect-every"], 1, "detect-every")[0]!;
  if (detectEvery < 1) {
    throw new RangeError(
      `Cannot parse --detect-every: expected an integer >= 1: received '${detectEvery}'`,
    );
  }
  const { backend } = values;
  if (backend !== "wasm" && backend !== "cpu") {
    throw new RangeError(
      `Cannot parse --backend: expected 'wasm' or 'cpu': received '${backend}'`,
    );
  }
  const [width, height] = values.resize
    ? parseInts(values.resize, 2, "resize")
    : [];
  const fpsOption = values.fps ? Number(values.fps) : undefined;
  const decoded = await decodeVideoFrames(values.input, {
    ...(fpsOption && !isImage(values.input) ? { fps: fpsOption } : {}),
    ...(width && height ? { resize: { width, height } } : {}),
    ...(values["max-frames"]
      ? { maxFrames: Number(values["max-frames"]) }
      : {}),
  });
  const frames = isImage(values.input)
    ? decoded.frames.slice(0, 1)
    : decoded.frames;
  const first = frames[0];
  if (!first) {
    throw new RangeError(
      `Cannot build avatar pack: no frames decoded from '${values.input}'`,
    );
  }
  const detector = await chooseDetector(values.box, {
    model: values.detector,
    backend,
  });
  const progress = createProgress({
    label: values.box ? "face boxes" : `face detection (${detector.name})`,
    total: frames.length,
    tty: Deno.stderr.isTerminal(),
    write: (text) => Deno.stderr.writeSync(new TextEncoder().encode(text)),
  });
  const tracked = await trackFaceBoxes(frames, detector, {
    keyframeInterval: values.box ? 1 : detectEvery, // a fixed box needs no tracking
    onFrame: () => progress.tick(),
  });
  const detected = applyNoFacePolicy(tracked.found, { noFace });
  if (detected.missing.length > 0) {
    console.warn(
      `avatar: no face in frames ${
        detected.missing.join(", ")
      }; reused the nearest box`,
    );
  }
  const [top, bottom, left, right] = values.pads
    ? parseInts(values.pads, 4, "pads")
    : [
      DEFAULT_PADS.top,
      DEFAULT_PADS.bottom,
      DEFAULT_PADS.left,
      DEFAULT_PADS.right,
    ];
  const pads: FacePads = {
    top: top!,
    bottom: bottom!,
    left: left!,
    right: right!,
  };
  const padded = detected.boxes.map((box) =>
    padFaceBox(box, { ...first, pads })
  );
  const boxes = values.nosmooth ? padded : smoothFaceBoxes(padded);
  const id = values.id ?? values.out.replace(/\/+$/, "").split("/").at(-1) ??
    "avatar";
  const files = await encodeAvatarPack(frames, {
    id,
    kind: "user",
    fps: (isImage(values.input) ? fpsOption : decoded.fps ?? fpsOption) ?? 25,
    boxes,
    pads,
    smoothed: !values.nosmooth,
    quality: Number(values.quality),
    source: {
      name: values.input.split("/").at(-1) ?? values.input,
      boxes: values.box ? "fixed" : "detector",
      detector: detector.name,
    },
  });
  await writePackFiles(values.out, files);
  console.log(
    `avatar: ${frames.length} frames (${first.width}×${first.height}), ${tracked.scenes.length} scene(s), detector run on ${tracked.detected.length}, written to ${values.out} in ${
      (performance.now() - started).toFixed(0)
    } ms`,
  );
}

function isImage(path: string): boolean {
  return /\.(png|jpe?g|bmp|webp)$/i.test(path);
}

function chooseDetector(
  box: string | undefined,
  options: { model: string; backend: "wasm" | "cpu" },
): Promise<FaceDetector> {
  const { model, backend } = options;
  if (box) {
    const [y1, y2, x1, x2] = parseInts(box, 4, "box");
    return Promise.resolve(
      fixedBoxDetector({ y1: y1!, y2: y2!, x1: x1!, x2: x2! }),
    );
  }
  if (model !== "ssd" && model !== "tiny") {
    throw new RangeError(
      `Cannot parse --detector: expected 'ssd' or 'tiny': received '${model}'`,
    );
  }
  return createFaceApiDetector({ model, backend });
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    Deno.exit(1);
  }
}
