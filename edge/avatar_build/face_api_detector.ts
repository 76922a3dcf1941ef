/**
 * A real face detector for the pack builder: `@vladmandic/face-api`, whose SSD MobileNet v1 and
 * Tiny Face Detector weights ship inside the npm package, so nothing is fetched at run time. It
 * runs on TensorFlow.js's WebAssembly backend (XNNPACK kernels, SIMD), about 10× faster than the
 * pure-JavaScript CPU backend with the same boxes (figures in `BENCHMARKS.md`); the `.wasm` files
 * come from `@tensorflow/tfjs-backend-wasm`, pinned to the tfjs version bundled in face-api.
 * Builder only: reads weights and `.wasm` files from `node_modules` (`--allow-read`).
 *
 * Boxes are not S3FD's (Wav2Lip's detector), so check them, or pass `--box`.
 *
 * Two workarounds for Deno, both scoped to one call:
 * - TensorFlow.js sees Deno's `process` global, picks its Node platform and crashes on a stubbed
 *   `util.TextEncoder`; declaring a browser (`window` with a `document`) while the bundle is first
 *   evaluated makes it pick the browser platform.
 * - The backend's Emscripten loader takes its Node path when `process.versions.node` exists and
 *   then reads `__dirname`, which ES modules lack; hiding `process` while the backend starts makes
 *   it fetch the `.wasm` file (a `file:` URL, which Deno's `fetch` reads). Threads stay off:
 *   Emscripten's pthreads need classic workers, which Deno does not have.
 *
 * @module
 */

import { createRequire } from "node:module";
import wasmPackage from "@tensorflow/tfjs-backend-wasm/package.json" with {
  type: "json",
};
import type { FaceBox } from "../frames/face_box.ts";
import type { RgbImage } from "../frames/rgb_image.ts";
import type { FaceDetector } from "./face_detector.ts";

/** Options for {@linkcode createFaceApiDetector}. */
export interface FaceApiDetectorOptions {
  /** `"ssd"` (SSD MobileNet v1, accurate) or `"tiny"` (Tiny Face Detector, ~3× faster). @default {"ssd"} */
  model?: "ssd" | "tiny";
  /** Minimum detection score. @default {0.5} */
  minScore?: number;
  /** TensorFlow.js backend: `"wasm"` (SIMD) or `"cpu"` (plain JavaScript, slow). @default {"wasm"} */
  backend?: "wasm" | "cpu";
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
    version_core: string;
    setBackend(name: string): Promise<boolean>;
    getBackend(): string;
    ready(): Promise<void>;
    env(): { set(flag: string, value: boolean): void };
    setWasmPaths(prefix: string, usePlatformFetch: boolean): void;
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
 * @param options Model, score threshold and backend.
 * @returns A detector returning the highest-scoring face, truncated to integers and clipped.
 * @throws {Error} When the backend does not start (face-api would fall back to the CPU quietly).
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
  const backend = options.backend ?? "wasm";
  await startBackend(api, backend);
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
    name: `@vladmandic/face-api ${model.net} (tfjs ${backend})`,
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

async function startBackend(
  api: FaceApi,
  backend: "wasm" | "cpu",
): Promise<void> {
  if (backend === "cpu") {
    await api.tf.setBackend("cpu");
    return await api.tf.ready();
  }
  if (wasmPackage.version !== api.tf.version_core) {
    throw new Error(
      `Cannot start the tfjs wasm backend: @tensorflow/tfjs-backend-wasm ${wasmPackage.version} does not match face-api's tfjs ${api.tf.version_core}`,
    );
  }
  const dist = createRequire(import.meta.url)
    .resolve("@tensorflow/tfjs-backend-wasm/package.json")
    .replace(/package\.json$/, "dist/");
  api.tf.setWasmPaths(`file://${dist}`, true);
  api.tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  const process = Object.getOwnPropertyDescriptor(globalThis, "process");
  if (process) Reflect.deleteProperty(globalThis, "process");
  try {
    await api.tf.setBackend("wasm");
    await api.tf.ready();
  } finally {
    if (process) Object.defineProperty(globalThis, "process", process);
  }
  if (api.tf.getBackend() !== "wasm") {
    throw new Error(
      `Cannot start the tfjs wasm backend: TensorFlow.js chose '${api.tf.getBackend()}'`,
    );
  }
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
