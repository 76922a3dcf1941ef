/**
 * The builder's file and process access: decoding video with ffmpeg and writing pack folders.
 *
 * @module
 */

export * from "./ffmpeg_frames.ts";
export * from "./write_pack_files.ts";
