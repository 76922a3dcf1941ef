/**
 * A real face detector for the pack builder: `@vladmandic/face-api` (TensorFlow.js, CPU backend),
 * whose SSD MobileNet v1 and Tiny Face Detector weights ship inside the npm package, so nothing is
 * fetched at run time. Builder only: reads the weights with `Deno.readFile` (`--allow-read`).
 *
 * Measured on this project's 2-core machine with the package's 1920×1280 sample photos: SSD
 * ≈ 5 s per frame (scores 0.95–1.00), Tiny ≈ 1.5 s per frame (0.78–0.85); both scale down with
 * the frame size. Boxes are not S3FD's (Wav2Lip's detector), so check them, or pass `--box`.
 *
 * TensorFlow.js sees Deno's `process` global, picks its Node platform and crashes on a stubbed
 * `util.TextEncoder`; declaring a browser (`window` with a `document`) only while the bundle is
 * first evaluated makes it pick the browser platform, which works with the CPU backend.
 *
 * @module
 */

import { createRequire } from "node:module";
import type { FaceBox } from "../frames/face_box.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import type { FaceDetector } from "./face_detector.ts";

/** Options for {@linkcode createFaceApiDetector}. */
export interface FaceApiDetectorOptions {
  /** `"ssd"` (SSD MobileNet v1, accurate) or `"tiny"` (Tiny Face Detector, ~3× faster). @default {"ssd"} */
  model?: "ssd" | "tiny";
  /** Minimum detection score. @default {0.5} */
  minScore?: number;
}

interface Detection {
  score: number;
  box: { x: number; y: number; width: number; height: number };
}

interface Tensor {
  dispose(): void;
}

interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    tensor3d(
      data: Uint8Array,
      shape: [number, number, number],
      dtype: "int32",
    ): Tensor;
    io: { decodeWeights(buffer: ArrayBuffer, specs: unknown): unknown };
  };
  nets: Record<
    "ssdMobilenetv1" | "tinyFaceDetector",
    { loadFromWeightMap(map: unknown): void }
  >;
  SsdMobilenetv1Options: new (options: { minConfidence: number }) => unknown;
  TinyFaceDetectorOptions: new (
    options: { inputSize: number; scoreThreshold: number },
  ) => unknown;
  detectAllFaces(input: Tensor, options: unknown): Promise<Detection[]>;
}

const MODELS = {
  ssd: { file: "ssd_mobilenetv1_model", net: "ssdMobilenetv1" },
  tiny: { file: "tiny_face_detector_model", net: "tinyFaceDetector" },
} as const;

/**
 * Loads face-api and one of its bundled detectors.
 *
 * @param options Model and score threshold.
 * @returns A detector returning the highest-scoring face, truncated to integers and clipped.
 * @example Detecting the faces in face-api's sample photo
 * ```ts ignore
 * const detector = await createFaceApiDetector({ model: "tiny" });
 * const box = await detector.detect(frame); // { y1, y2, x1, x2 } or null
 * ```
 */
export async function createFaceApiDetector(
  options: FaceApiDetectorOptions = {},
): Promise<FaceDetector> {
  const model = MODELS[options.model ?? "ssd"];
  const minScore = options.minScore ?? 0.5;
  const api = await importFaceApi();
  await api.tf.setBackend("cpu");
  await api.tf.ready();
  const root = faceApiModelFolder();
  const specs = JSON.parse(
    await Deno.readTextFile(`${root}/${model.file}-weights_manifest.json`),
  );
  const weights = await Deno.readFile(`${root}/${model.file}.bin`);
  api.nets[model.net].loadFromWeightMap(
    api.tf.io.decodeWeights(weights.buffer as ArrayBuffer, specs[0].weights),
  );
  const detectOptions = model.net === "ssdMobilenetv1"
    ? new api.SsdMobilenetv1Options({ minConfidence: minScore })
    : new api.TinyFaceDetectorOptions({
      inputSize: 416,
      scoreThreshold: minScore,
    });
  return {
    name: `@vladmandic/face-api ${model.net}`,
    async detect(frame: RgbImage): Promise<FaceBox | null> {
      const input = api.tf.tensor3d(
        frame.data,
        [frame.height, frame.width, 3],
        "int32",
      );
      try {
        const found = await api.detectAllFaces(input, detectOptions);
        const best = found.reduce<Detection | null>(
          (top, d) => (top === null || d.score > top.score ? d : top),
          null,
        );
        return best && toFaceBox(best.box, frame);
      } finally {
        input.dispose();
      }
    },
  };
}

function toFaceBox(box: Detection["box"], frame: RgbImage): FaceBox | null {
  const x1 = Math.max(0, Math.trunc(box.x)),
    y1 = Math.max(0, Math.trunc(box.y));
  const x2 = Math.min(frame.width, Math.trunc(box.x + box.width));
  const y2 = Math.min(frame.height, Math.trunc(box.y + box.height));
  return x2 > x1 && y2 > y1 ? { y1, y2, x1, x2 } : null;
}

function faceApiModelFolder(): string {
  const packageJson = createRequire(import.meta.url).resolve(
    "@vladmandic/face-api/package.json",
  );
  return packageJson.replace(/package\.json$/, "model");
}

async function importFaceApi(): Promise<FaceApi> {
  const global = globalThis as Record<string, unknown>;
  const declared = "window" in global;
  if (!declared) Object.assign(global, { window: globalThis, document: {} });
  try {
    return await import(
      "@vladmandic/face-api/dist/face-api.esm.js"
    ) as unknown as FaceApi;
  } finally {
    if (!declared) {
      delete global.window;
      delete global.document;
    }
  }
}
