/**
 * Decodes a video or image to RGB frames with ffmpeg through a pipe (no temporary files). Builder
 * only: it spawns `ffprobe` and `ffmpeg` (needs `--allow-run`), which the server never does.
 *
 * @module
 */

import type { RgbImage } from "../frames/rgb_image.ts";

/** Options for {@linkcode decodeVideoFrames}. */
export interface DecodeVideoOptions {
  /** Resample to this frame rate (ffmpeg `fps` filter); the source rate when absent. */
  fps?: number;
  /** Scale every frame to this size. */
  resize?: { width: number; height: number };
  /** Stop after this many frames. */
  maxFrames?: number;
}

/** Decoded frames and their rate. */
export interface DecodedVideo {
  frames: RgbImage[];
  /** The source's average frame rate, or `options.fps`; `null` for a still image without `fps`. */
  fps: number | null;
}

/**
 * Decodes every frame of `input` to RGB.
 *
 * @param input A video or image file ffmpeg can read.
 * @param options Frame rate, size and frame limit.
 * @returns The frames.
 * @throws {Error} When ffprobe or ffmpeg fails (their stderr is in the message).
 */
export async function decodeVideoFrames(
  input: string,
  options: DecodeVideoOptions = {},
): Promise<DecodedVideo> {
  const probe = await run("ffprobe", [
    ...["-v", "error", "-select_streams", "v:0", "-show_entries"],
    ...["stream=width,height,avg_frame_rate,nb_frames", "-of", "json", input],
  ]);
  const stream = JSON.parse(new TextDecoder().decode(probe)).streams?.[0];
  if (!stream) throw new Error(`Cannot decode '${input}': no video stream`);
  const width = options.resize?.width ?? stream.width as number;
  const height = options.resize?.height ?? stream.height as number;
  const filters = [
    ...(options.fps ? [`fps=${options.fps}`] : []),
    ...(options.resize ? [`scale=${width}:${height}:flags=bicubic`] : []),
  ];
  const raw = await run("ffmpeg", [
    ...["-v", "error", "-nostdin", "-i", input],
    ...(filters.length > 0 ? ["-vf", filters.join(",")] : []),
    ...(options.maxFrames ? ["-frames:v", String(options.maxFrames)] : []),
    ...["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
  ]);
  const frameBytes = width * height * 3;
  const frames: RgbImage[] = [];
  for (let at = 0; at + frameBytes <= raw.length; at += frameBytes) {
    frames.push({ width, height, data: raw.subarray(at, at + frameBytes) });
  }
  return { frames, fps: options.fps ?? parseRate(stream.avg_frame_rate) };
}

function parseRate(rate: unknown): number | null {
  const [num, den] = String(rate).split("/").map(Number);
  return num && den ? num / den : null;
}

async function run(command: string, args: string[]): Promise<Uint8Array> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(command, {
      args,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(
        `Cannot run ${command}: it is not installed. Install ffmpeg (which has ffprobe) with 'bash scripts/system_deps.sh ffmpeg'; 'bash scripts/start.sh' does it too`,
      );
    }
    throw error;
  }
  const { code, stdout, stderr } = output;
  if (code !== 0) {
    throw new Error(
      `Cannot run ${command}: exit code ${code}: ${
        new TextDecoder().decode(stderr).trim()
      }`,
    );
  }
  return stdout;
}
