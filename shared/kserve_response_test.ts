import assert from "node:assert/strict";
import { decodeInferResponse, encodeInferResponse } from "./kserve_response.ts";
import { sampleTensor, tensorValues } from "./_tensor_samples.ts";

Deno.test("decodeInferResponse() inverts encodeInferResponse() with mixed binary and JSON outputs", () => {
  const outputs = {
    a: sampleTensor("INT32"),
    b: sampleTensor("BYTES"),
    c: sampleTensor("FP16"),
  };
  const { body, headerLength } = encodeInferResponse(outputs, {
    modelName: "m",
    modelVersion: "3",
    id: "req-1",
    binary: (name) => name === "b",
  });
  const header = JSON.parse(
    new TextDecoder().decode(body.subarray(0, headerLength)),
  );
  assert.equal(header.outputs[0].data.length, 6);
  assert.ok(header.outputs[1].parameters.binary_data_size > 0);
  assert.ok(header.outputs[2].parameters.binary_data_size === 12);
  const back = decodeInferResponse(body, headerLength);
  assert.deepEqual(
    { modelName: back.modelName, modelVersion: back.modelVersion, id: back.id },
    { modelName: "m", modelVersion: "3", id: "req-1" },
  );
  for (const name of ["a", "b", "c"] as const) {
    assert.deepEqual(
      tensorValues(back.outputs[name]!),
      tensorValues(outputs[name]),
    );
  }
});

Deno.test("decodeInferResponse() rejects a response without model_name or outputs", () => {
  const encode = (s: string) => new TextEncoder().encode(s);
  assert.throws(
    () => decodeInferResponse(encode('{"outputs":[]}'), undefined),
    /'model_name'/,
  );
  assert.throws(
    () => decodeInferResponse(encode('{"model_name":"m"}'), undefined),
    /expected an array/,
  );
  assert.throws(
    () => decodeInferResponse(encode('{"model_name":"m","outputs":[]}xx'), 31),
    /2 bytes but/,
  );
});
