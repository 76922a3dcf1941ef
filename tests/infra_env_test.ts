/**
 * The deployment files set only variables the edge reads, with values it accepts: the
 * serverless `edge.env`, the Kubernetes ConfigMap and Secret, the Compose edge service and the
 * Dockerfile's `ENV`. Each is read as the text it is (key/value lines), so a renamed or
 * misspelt variable fails here instead of being ignored at start-up.
 */
import assert from "node:assert/strict";
import { readConfig } from "@lipstream/edge/config";
import { CONFIG_VARIABLES } from "../edge/config/variables.ts";

const root = new URL("../", import.meta.url);
const KNOWN = new Set(Object.values(CONFIG_VARIABLES).map((v) => v.env));

function read(path: string): Promise<string> {
  return Deno.readTextFile(new URL(path, root));
}

/** `"x"` or `'x'` → `x`; a trailing `# comment` dropped. */
function scalar(value: string): string {
  const bare = value.replace(/\s+#.*$/, "").trim();
  return /^(["']).*\1$/.test(bare) ? bare.slice(1, -1) : bare;
}

/** The `KEY: value` lines indented under each line `heading:` that `within` selects. */
function yamlMaps(
  yaml: string,
  heading: string,
  within: (before: readonly string[]) => boolean = () => true,
): Record<string, string> {
  const lines = yaml.split("\n");
  const env: Record<string, string> = {};
  lines.forEach((line, i) => {
    const head = line.match(new RegExp(`^(\\s*)${heading}:\\s*$`));
    if (head === null || !within(lines.slice(0, i))) return;
    for (const next of lines.slice(i + 1)) {
      const entry = next.match(/^(\s+)([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/);
      if (entry === null || entry[1]!.length <= head[1]!.length) break;
      env[entry[2]!] = scalar(entry[3]!);
    }
  });
  return env;
}

function unknown(env: Record<string, string>): string[] {
  return Object.keys(env).filter((name) => !KNOWN.has(name));
}

Deno.test("infra/serverless/edge.env sets only edge variables, all valid", async () => {
  const env = Object.fromEntries(
    (await read("infra/serverless/edge.env")).split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"))
      .map((
        line,
      ) => [
        line.slice(0, line.indexOf("=")),
        line.slice(line.indexOf("=") + 1),
      ]),
  );
  assert.ok(Object.keys(env).length > 0);
  assert.deepEqual(unknown(env), []);
  assert.ok(readConfig(env).tritonUrl, "the serverless edge needs TRITON_URL");
});

Deno.test("infra/k8s/config.yaml: the ConfigMap and Secret hold only edge variables, all valid", async () => {
  const yaml = await read("infra/k8s/config.yaml");
  const data = yamlMaps(yaml, "data");
  const secret = yamlMaps(yaml, "stringData");
  assert.ok(Object.keys(data).length > 0);
  assert.deepEqual(Object.keys(secret), ["API_KEYS"]);
  assert.deepEqual(unknown({ ...data, ...secret }), []);
  readConfig({ ...data, ...secret });
});

Deno.test("infra/compose.yaml: the edge service's environment holds only edge variables, all valid", async () => {
  const env = yamlMaps(
    await read("infra/compose.yaml"),
    "environment",
    (before) =>
      before.findLast((line) => /^ {2}\S/.test(line))?.trim() === "edge:",
  );
  assert.ok(Object.keys(env).length > 0);
  assert.deepEqual(unknown(env), []);
  // `${API_KEYS:-}` is Compose interpolation: empty unless the shell sets it.
  readConfig({ ...env, API_KEYS: "" });
});

Deno.test("infra/edge.Dockerfile's ENV sets only edge variables, all valid", async () => {
  const dockerfile = await read("infra/edge.Dockerfile");
  const instruction = dockerfile.match(/^ENV ((?:.*\\\n)*.*)$/m)?.[1];
  assert.ok(instruction !== undefined, "no ENV instruction");
  const env = Object.fromEntries(
    instruction.replaceAll("\\\n", " ").trim().split(/\s+/).map((pair) =>
      pair.split("=", 2)
    ),
  );
  assert.deepEqual(unknown(env), []);
  assert.equal(readConfig(env).port, 8080);
});

Deno.test("yamlMaps() stops at the end of its block and reads quoted values", () => {
  const yaml =
    'a:\n  data:\n    X: "1"   # c\n    Y: two\n  other:\n    Z: 3\n';
  assert.deepEqual(yamlMaps(yaml, "data"), { X: "1", Y: "two" });
  assert.deepEqual(
    yamlMaps(yaml, "data", (before) => before.length > 5),
    {},
  );
});
