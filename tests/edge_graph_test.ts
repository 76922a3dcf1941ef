/** `deno task check:edge-graph` must pass on the edge and catch a graph that reaches ONNX Runtime or the avatar builder. */
import assert from "node:assert/strict";

async function checkGraph(...entries: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "scripts/check_edge_graph.ts", ...entries],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout) +
    new TextDecoder().decode(output.stderr);
  return { success: output.success, text };
}

Deno.test("check:edge-graph passes the edge entry points", async () => {
  const { success, text } = await checkGraph("edge/main.ts", "edge/app.ts");
  assert.ok(success, text);
  assert.match(text, /ok {3}edge\/main\.ts: \d+ modules, no native addons/);
});

Deno.test("check:edge-graph fails an entry whose graph reaches onnxruntime-node", async () => {
  const { success, text } = await checkGraph("inference/ort/mod.ts");
  assert.equal(success, false);
  assert.match(text, /npm:onnxruntime-node@/);
});

Deno.test("check:edge-graph fails an entry whose graph reaches the offline avatar builder", async () => {
  const { success, text } = await checkGraph(
    "edge/avatar_build/build_main.ts",
  );
  assert.equal(success, false);
  assert.match(text, /edge\/avatar_build\/build_main\.ts/);
  assert.match(text, /npm:@vladmandic\/face-api@/);
});

Deno.test("the server's graph holds the pack loader and no builder module", async () => {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "edge/main.ts"],
    stdout: "piped",
  }).output();
  const { modules } = JSON.parse(new TextDecoder().decode(output.stdout)) as {
    modules: { specifier: string }[];
  };
  const specifiers = modules.map((module) => module.specifier);
  assert.ok(specifiers.some((s) => s.endsWith("/edge/avatar/pack_loader.ts")));
  assert.deepEqual(
    specifiers.filter((s) => /avatar_build|face-api|tensorflow/.test(s)),
    [],
  );
});
