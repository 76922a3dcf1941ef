/**
 * Comments and docs that point at something must point at something real: every repository
 * file a comment names (`app.ts`, `edge/routes/speak.ts`, `scripts/deno.sh`) exists, every
 * camelCase function a comment calls (`` `createApp()` ``, `{@linkcode createApp}`) is defined or
 * used in the code, and nothing cites a fact sheet outside the repository.
 * Upstream files (`inference.py`, `wavdec.c`) are named with their repository and are not
 * checked; nor are snake_case names, which are the Python references'.
 *
 * @module
 */
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);
const SKIPPED_DIRS = new Set([
  ".git",
  ".tools",
  "node_modules",
  "generated",
  "out",
]);
const SOURCE = /\.(ts|js|py|sh|md|yaml|yml)$/;
const TOP_DIRS = "edge|shared|inference|tests|infra|scripts|bench";

/** Repository-relative paths of every file, and of every folder. */
async function listTree(): Promise<{ files: string[]; dirs: Set<string> }> {
  const files: string[] = [];
  const dirs = new Set<string>();
  async function walk(dir: string): Promise<void> {
    for await (const entry of Deno.readDir(new URL(dir, ROOT))) {
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory && !SKIPPED_DIRS.has(entry.name)) {
        dirs.add(path);
        await walk(`${path}/`);
      } else if (entry.isFile) files.push(path);
    }
  }
  await walk("");
  return { files, dirs };
}

/** The comment text of a file, as `[line, text]` pairs (all of it for Markdown). */
function commentLines(path: string, text: string): [number, string][] {
  const pattern = path.endsWith(".md")
    ? /^.*$/gm
    : /\.(ts|js)$/.test(path)
    ? /\/\*[\s\S]*?\*\/|(?<![:"'`\\])\/\/[^\n]*/g
    : /"""[\s\S]*?"""|#[^\n]*/g;
  const lines: [number, string][] = [];
  for (const match of text.matchAll(pattern)) {
    const first = text.slice(0, match.index).split("\n").length;
    match[0].split("\n").forEach((line, i) => lines.push([first + i, line]));
  }
  return lines;
}

/** `text` without its comments (for TypeScript and JavaScript; others as they are). */
function codeOf(path: string, text: string): string {
  return /\.(ts|js)$/.test(path)
    ? text.replace(/\/\*[\s\S]*?\*\//g, "").replace(
      /(?<![:"'`\\])\/\/[^\n]*/g,
      "",
    )
    : text;
}

const { files, dirs } = await listTree();
const sources = await Promise.all(
  files.filter((path) => SOURCE.test(path)).map(async (path) => ({
    path,
    text: await Deno.readTextFile(new URL(path, ROOT)),
  })),
);
const names = new Set(
  files.map((path) => path.slice(path.lastIndexOf("/") + 1)),
);

Deno.test("comments name only repository files that exist", () => {
  const fileRef = new RegExp(
    String
      .raw`(?<![\w/.@:-])((?:\.{1,2}/)*(?:(?:${TOP_DIRS})/[\w./-]*\w|[\w.-]+\.ts))\b`,
    "g",
  );
  const exists = (from: string, ref: string) => {
    const here = from.slice(0, from.lastIndexOf("/") + 1);
    const relative = new URL(ref, new URL(here, "file:///")).pathname.slice(1);
    const bare = ref.replace(/^(\.{1,2}\/)+/, "");
    return [relative, bare].some((path) =>
      files.includes(path) || dirs.has(path)
    ) ||
      (!ref.includes("/") && names.has(ref)) ||
      files.some((path) => path.endsWith(`/${bare}`));
  };
  const missing: string[] = [];
  for (const { path, text } of sources) {
    for (const [line, comment] of commentLines(path, text)) {
      for (const [, ref] of comment.matchAll(fileRef)) {
        // Outputs the commands write (ignored by git) and URL paths are not files.
        if (
          /\.(json|jpg|wav|onnx|f32|svg)$/.test(ref!) || ref!.startsWith("/")
        ) continue;
        if (!exists(path, ref!)) missing.push(`${path}:${line}: ${ref}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("comments call only camelCase functions the code has", () => {
  const identifiers = new Set(
    sources.filter(({ path }) => /\.(ts|js)$/.test(path))
      .flatMap(({ path, text }) => codeOf(path, text).match(/\w+/g) ?? []),
  );
  const call =
    /`(?:new )?(?:\w+\.)*([a-z]+[A-Z]\w*)\([^`]*\)`|\{@link(?:code)? (?:\w+\.)*([a-z]+[A-Z]\w*)\}/g;
  const missing: string[] = [];
  for (const { path, text } of sources) {
    for (const [line, comment] of commentLines(path, text)) {
      for (const match of comment.matchAll(call)) {
        const name = match[1] ?? match[2]!;
        if (!identifiers.has(name)) missing.push(`${path}:${line}: ${name}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("nothing cites a fact sheet outside the repository", () => {
  const citation = /specs\.md|\bspecs [A-F]\d*\b|\bspecs §/;
  const found = sources.flatMap(({ path, text }) =>
    text.split("\n").flatMap((line, i) =>
      citation.test(line) && path !== "tests/comment_references_test.ts"
        ? [`${path}:${i + 1}`]
        : []
    )
  );
  assert.deepEqual(found, []);
});
