/**
 * ffprobe as an independent checker: the first stream's entries of some bytes, as JSON.
 *
 * @module
 */
import assert from "node:assert/strict";

/**
 * Writes `bytes` to a temporary file and returns ffprobe's first stream with `entries`
 * (`-show_entries`), e.g. `"stream=codec_name,sample_rate"`.
 */
export async function ffprobeStream(
  bytes: Uint8Array,
  entries: string,
): Promise<ReturnType<typeof JSON.parse>> {
  const path = await Deno.makeTempFile();
  try {
    await Deno.writeFile(path, bytes);
    const output = await new Deno.Command("ffprobe", {
      args: ["-v", "error", "-show_entries", entries, "-of", "json", path],
      stdout: "piped",
    }).output();
    assert.ok(output.success);
    return JSON.parse(new TextDecoder().decode(output.stdout)).streams[0];
  } finally {
    await Deno.remove(path);
  }
}
