import assert from "node:assert/strict";
import { decodeInferRequest, encodeInferRequest } from "./kserve_request.ts";
import { sampleTensor, tensorValues } from "./_tensor_samples.ts";

const encoder = new TextEncoder();

Deno.test("encodeInferRequest() sets binary_data_output or per-output binary_data", () => {
  const inputs = { x: sampleTensor("INT32") };
  const all = decodeInferRequest(...args(encodeInferRequest(inputs)));
  assert.equal(all.binaryDataOutput, true);
  assert.equal(all.outputs, undefined);
  const json = decodeInferRequest(
    ...args(encodeInferRequest(inputs, { binary: false })),
  );
  assert.equal(json.binaryDataOutput, false);
  const some = decodeInferRequest(
    ...args(
      encodeInferRequest(inputs, {
        binary: false,
        outputs: ["a", "b"],
        forceBinaryOutputs: ["b"],
      }),
    ),
  );
  assert.deepEqual(some.outputs, [{ name: "a", binary: false }, {
    name: "b",
    binary: true,
  }]);
  const unlisted = decodeInferRequest(
    ...args(
      encodeInferRequest(inputs, { binary: false, forceBinaryOutputs: ["h"] }),
    ),
  );
  assert.equal(unlisted.outputs, undefined);
  assert.deepEqual(tensorValues(unlisted.inputs.x!), tensorValues(inputs.x));
});

function args(body: { body: Uint8Array; headerLength: number | undefined }) {
  return [body.body, body.headerLength] as const;
}

Deno.test("decodeInferRequest() rejects malformed requests", () => {
  const cases: [string, RegExp][] = [
    ["[]", /expected a JSON object/],
    ["{}", /'inputs' is missing/],
    ['{"id":5,"inputs":[]}', /'id' must be a string/],
    ['{"inputs":[],"outputs":{}}', /'outputs' must be an array/],
    ['{"inputs":[],"outputs":[{}]}', /string 'name'/],
    [
      '{"inputs":[],"parameters":{"binary_data_output":1}}',
      /must be a boolean/,
    ],
    [
      '{"inputs":[],"outputs":[{"name":"y","parameters":{"binary_data":"yes"}}]}',
      /must be a boolean/,
    ],
    ["{", /JSON header is invalid/],
  ];
  for (const [json, message] of cases) {
    assert.throws(
      () => decodeInferRequest(encoder.encode(json), undefined),
      message,
      json,
    );
  }
});
