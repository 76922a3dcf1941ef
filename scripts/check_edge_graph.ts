/**
 * `deno task check:edge-graph`: proves the edge's module graph is free of
 * native addons, so the edge deploys to Workers-style runtimes. It asks
 * `deno info --json` for the static graph of each edge entry point and fails
 * when any module comes from a package on the deny list (native addons and
 * Node-only servers), from `inference/ort` (the embedded backend, which
 * the edge may only load dynamically) or from the offline avatar builder
 * (`edge/avatar_build/`, with its face detector and ffmpeg calls).
 *
 * Usage: `deno task check:edge-graph [entry ...]`
 *
 * @module
 */

const DENIED = [
  /onnxruntime-node/,
  /onnxruntime-common/,
  /\/inference\/ort\//,
  /\/inference\/fixtures\//,
  /\/inference\/server\//,
  /\.node$/,
  /\/edge\/avatar_build\//,
  /@vladmandic\/face-api/,
  /@tensorflow\//,
];

const DEFAULT_ENTRIES = [
  "edge/main.ts",
  "edge/boot/serverless_main.ts",
  "edge/app.ts",
  "edge/text/mod.ts",
  "edge/frames/mod.ts",
  "edge/avatar/mod.ts",
  "edge/avatar/deno_pack_files.ts",
  "edge/lipsync/mod.ts",
  // Started with `new Worker(url)`, so no entry above reaches it statically.
  "edge/speech/espeak_ng_worker.ts",
  "edge/lipsync/frame_worker.ts",
  "edge/text/front_end_worker.ts",
  "inference/triton/mod.ts",
  "shared/mod.ts",
];

interface InfoModule {
  specifier: string;
  npmPackage?: string;
}

interface InfoNpmPackage {
  dependencies?: string[];
}

/** The npm packages reached from `roots`, following package dependencies. */
function npmClosure(
  roots: Iterable<string>,
  packages: Record<string, InfoNpmPackage>,
): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(packages[name]?.dependencies ?? []));
  }
  return [...seen];
}

async function graph(entry: string): Promise<string[]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    throw new Error(
      `deno info ${entry} failed: ${new TextDecoder().decode(output.stderr)}`,
    );
  }
  const info = JSON.parse(new TextDecoder().decode(output.stdout)) as {
    modules: InfoModule[];
    npmPackages?: Record<string, InfoNpmPackage>;
  };
  const roots = info.modules.flatMap((module) =>
    module.npmPackage === undefined ? [] : [module.npmPackage]
  );
  return [
    ...info.modules.map((module) => module.specifier),
    ...npmClosure(roots, info.npmPackages ?? {}).map((name) => `npm:${name}`),
  ];
}

const entries = Deno.args.length > 0 ? Deno.args : DEFAULT_ENTRIES;
let failures = 0;
for (const entry of entries) {
  try {
    await Deno.stat(entry);
  } catch {
    console.log(`skip ${entry} (not present)`);
    continue;
  }
  const modules = await graph(entry);
  const denied = modules.filter((specifier) =>
    DENIED.some((pattern) => pattern.test(specifier))
  );
  if (denied.length > 0) {
    failures++;
    console.error(`FAIL ${entry}: ${denied.length} denied module(s):`);
    for (const specifier of denied.slice(0, 20)) {
      console.error(`  ${specifier}`);
    }
  } else {
    console.log(`ok   ${entry}: ${modules.length} modules, no native addons`);
  }
}
if (failures > 0) Deno.exit(1);
