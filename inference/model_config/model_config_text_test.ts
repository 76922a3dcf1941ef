import assert from "node:assert/strict";
import type { ModelConfig } from "@lipstream/shared";
import {
  parseModelConfig,
  parseTextFormat,
  serializeModelConfig,
} from "./mod.ts";
import {
  fixtureIdentityConfig,
  fixtureVitsConfig,
  fixtureWav2lipConfig,
} from "../fixtures/mod.ts";

const TRITON_STYLE = `
# A config in the styles Triton's docs use.
name: "densenet"   # trailing comment
platform: "onnxruntime_onnx"
max_batch_size : 8
input [
  {
    name: "data_0"
    data_type: TYPE_FP32
    format: FORMAT_NCHW
    dims: [ 3, 224, 224 ]
    reshape: { shape: [ 1, 3, 224, 224 ] }
  }
]
output {
  name: "fc6_1"; data_type: TYPE_FP32, dims: 1000
  label_filename: "labels.txt"
}
output < name: 'prob' data_type: TYPE_FP16 dims: [-1] optional: true >
dynamic_batching {
  preferred_batch_size: [ 4, 8 ]
  max_queue_delay_microseconds: 100
  preserve_ordering: true
}
instance_group [ { count: 2 kind: KIND_GPU gpus: [ 0, 1 ] } ]
parameters { key: "intra_op_thread_count" value: { string_value: "1" } }
parameters: { key: "execution_mode" value { string_value: "0" } }
model_warmup [ { name: "w" batch_size: 1 } ]
optimization { execution_accelerators { gpu_execution_accelerator: [ { name: "tensorrt" } ] } }
`;

Deno.test("parseModelConfig() reads Triton's syntax variants into the JSON form", () => {
  const config = parseModelConfig(TRITON_STYLE);
  assert.equal(config.name, "densenet");
  assert.equal(config.max_batch_size, 8);
  assert.deepEqual(config.input, [{
    name: "data_0",
    data_type: "TYPE_FP32",
    format: "FORMAT_NCHW",
    dims: [3, 224, 224],
    reshape: { shape: [1, 3, 224, 224] },
  }]);
  assert.deepEqual(config.output, [
    {
      name: "fc6_1",
      data_type: "TYPE_FP32",
      dims: [1000],
      label_filename: ["labels.txt"],
    },
    { name: "prob", data_type: "TYPE_FP16", dims: [-1], optional: true },
  ]);
  assert.deepEqual(config.dynamic_batching, {
    preferred_batch_size: [4, 8],
    max_queue_delay_microseconds: 100,
    preserve_ordering: true,
  });
  assert.deepEqual(config.instance_group, [{
    count: 2,
    kind: "KIND_GPU",
    gpus: [0, 1],
  }]);
  assert.deepEqual(config.parameters, {
    intra_op_thread_count: { string_value: "1" },
    execution_mode: { string_value: "0" },
  });
  assert.deepEqual(config.optimization, {
    execution_accelerators: {
      gpu_execution_accelerator: [{ name: "tensorrt" }],
    },
  });
});

Deno.test("parseModelConfig() defaults name, max_batch_size, input and output", () => {
  assert.deepEqual(parseModelConfig("", { defaultName: "dir" }), {
    name: "dir",
    max_batch_size: 0,
    input: [],
    output: [],
  });
});

Deno.test("parseTextFormat() decodes strings, escapes, numbers and concatenation", () => {
  const { message } = parseTextFormat(
    `s: "a\\"b\\n\\x41\\101\\u00e9" 'c' t: -1.5e2 h: 0x1F f: 2.5f b: false e: -inf`,
  );
  assert.deepEqual(message, {
    s: 'a"b\nAAéc',
    t: -150,
    h: 31,
    f: 2.5,
    b: false,
    e: -Infinity,
  });
});

Deno.test("parseModelConfig() reports syntax and type errors with line:column", () => {
  const cases: [string, RegExp][] = [
    [
      'name: "m"\ninput [ { name: "x" dims: [ 1 2 ] } ]',
      /at 2:31: expected ',' or ']' in the list of field 'dims': received '2'/,
    ],
    [
      'name: "m"\n  max_batch_size 4',
      /at 2:18: expected ':' or '\{' after field 'max_batch_size': received '4'/,
    ],
    ['name: "unterminated', /at 1:7: unterminated string/],
    [
      'input { name: "x"',
      /at 1:18: expected a field name or '\}': received 'end of input'/,
    ],
    ['name: "m" @', /at 1:11: unexpected character '@'/],
    [
      'name: "m"\ninput { name: "x" data_type: TYPE_FLOAT dims: [1] }',
      /at 2:19: expected a TYPE_\* data_type for input 'x': received TYPE_FLOAT/,
    ],
    [
      'name: "m"\nmax_batch_size: -2',
      /at 2:1: expected 'max_batch_size' to be an integer >= 0: received -2/,
    ],
  ];
  for (const [source, message] of cases) {
    assert.throws(() => parseModelConfig(source), message, source);
  }
  assert.throws(() => parseModelConfig("name: {"), SyntaxError);
  assert.throws(
    () =>
      parseModelConfig('input { name: "x" data_type: TYPE_X }', {
        defaultName: "m",
      }),
    TypeError,
  );
});

Deno.test("serializeModelConfig() output parses back to the same config", () => {
  const configs: ModelConfig[] = [
    fixtureVitsConfig(),
    fixtureWav2lipConfig(),
    fixtureIdentityConfig(),
    parseModelConfig(TRITON_STYLE),
    {
      name: "quotes",
      max_batch_size: 0,
      input: [],
      output: [],
      parameters: { 'k"ey': { string_value: "line\nbreak\u0001" } },
      dynamic_batching: {},
    },
  ];
  for (const config of configs) {
    const text = serializeModelConfig(config);
    assert.deepEqual(parseModelConfig(text), config, text);
  }
});

Deno.test("the infra Triton configs parse with the expected batching", async () => {
  const vits = parseModelConfig(
    await Deno.readTextFile("infra/triton/models/vits/config.pbtxt"),
  );
  assert.equal(vits.max_batch_size, 0);
  assert.deepEqual(vits.input.map((i) => i.name), [
    "input",
    "input_lengths",
    "scales",
    "sid",
  ]);
  const wav2lip = parseModelConfig(
    await Deno.readTextFile("infra/triton/models/wav2lip/config.pbtxt"),
  );
  assert.ok(wav2lip.max_batch_size > 0);
  assert.ok(wav2lip.dynamic_batching?.preferred_batch_size?.length);
  assert.deepEqual(wav2lip.instance_group, [{ count: 1, kind: "KIND_GPU" }]);
});
