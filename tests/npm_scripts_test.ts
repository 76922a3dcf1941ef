/**
 * Every npm package with an install lifecycle script is decided in
 * deno.json's `allowScripts` (allowed or denied), so a first install prints
 * no "Ignored build scripts" warning. Reads the installed `node_modules/`.
 */
import assert from "node:assert/strict";

const LIFECYCLE = ["preinstall", "install", "postinstall"];

async function packagesWithScripts(): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir("node_modules/.deno")) {
    if (!entry.isDirectory || !entry.name.includes("@", 1)) continue;
    const name = entry.name.slice(0, entry.name.lastIndexOf("@"))
      .replace("+", "/");
    const manifest = JSON.parse(
      await Deno.readTextFile(
        `node_modules/.deno/${entry.name}/node_modules/${name}/package.json`,
      ),
    );
    const scripts = Object.keys(manifest.scripts ?? {});
    if (LIFECYCLE.some((script) => scripts.includes(script))) found.push(name);
  }
  return found.sort();
}

Deno.test("deno.json's allowScripts decides every package with an install script", async () => {
  const config = JSON.parse(await Deno.readTextFile("deno.json"));
  const decided = new Set(
    [
      ...(config.allowScripts?.allow ?? []),
      ...(config.allowScripts?.deny ?? []),
    ].map((spec: string) => spec.replace(/^npm:/, "").replace(/(.)@.*$/, "$1")),
  );
  const withScripts = await packagesWithScripts();
  assert.ok(withScripts.includes("onnxruntime-node"));
  assert.deepEqual(withScripts.filter((name) => !decided.has(name)), []);
});
