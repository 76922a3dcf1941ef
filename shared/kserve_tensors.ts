/**
 * The `inputs`/`outputs` arrays of KServe v2 infer requests and responses: named tensors to JSON
 * entries plus an ordered list of binary sections, and back.
 *
 * A tensor sent binary carries `parameters.binary_data_size` and no `data`; its bytes follow the
 * JSON header in the order the entries appear. `FP16` and `BF16` always go binary, because Triton
 * refuses them in JSON.
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_binary_data.md
 * @module
 */
import type { Datatype, NamedTensors, Tensor } from "./tensor.ts";
import {
  assertTensorShape,
  isDatatype,
  tensorByteSize,
} from "./kserve_datatype.ts";
import { decodeTensorBytes } from "./kserve_binary.ts";
import {
  type JsonScalar,
  tensorFromJsonData,
  tensorToJsonData,
} from "./kserve_json_data.ts";

/** One `inputs[i]` or `outputs[i]` entry of an infer request or response. */
export interface KserveTensorJson {
  name: string;
  shape: number[];
  datatype: Datatype;
  parameters?: Record<string, JsonScalar>;
  data?: JsonScalar[];
}

/** JSON entries plus the tensors whose bytes follow the header, in entry order. */
export interface EncodedTensorEntries {
  entries: KserveTensorJson[];
  binaries: Tensor[];
}

/**
 * Turns named tensors into JSON entries, sending each as binary or JSON data.
 *
 * @param tensors Tensors in the order they should appear.
 * @param binary Whether a tensor goes binary; `FP16`/`BF16` go binary regardless.
 * @returns The entries and the binary tensors in order.
 * @example One binary, one JSON
 * ```ts
 * import { encodeTensorEntries } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const { entries, binaries } = encodeTensorEntries({
 *   a: { datatype: "FP32", shape: [2], data: Float32Array.of(1, 2) },
 *   b: { datatype: "INT32", shape: [1], data: Int32Array.of(3) },
 * }, (name) => name === "a");
 * assert.deepEqual(entries[0]!.parameters, { binary_data_size: 8 });
 * assert.deepEqual(entries[1]!.data, [3]);
 * assert.equal(binaries.length, 1);
 * ```
 */
export function encodeTensorEntries(
  tensors: NamedTensors,
  binary: (name: string, tensor: Tensor) => boolean,
): EncodedTensorEntries {
  const entries: KserveTensorJson[] = [];
  const binaries: Tensor[] = [];
  for (const [name, tensor] of Object.entries(tensors)) {
    assertTensorShape(tensor, name);
    const entry: KserveTensorJson = {
      name,
      shape: [...tensor.shape],
      datatype: tensor.datatype,
    };
    const half = tensor.datatype === "FP16" || tensor.datatype === "BF16";
    if (half || binary(name, tensor)) {
      entry.parameters = { binary_data_size: tensorByteSize(tensor) };
      binaries.push(tensor);
    } else {
      entry.data = tensorToJsonData(tensor);
    }
    entries.push(entry);
  }
  return { entries, binaries };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads JSON tensor entries, taking binary data from `binary` in entry order.
 *
 * @param entries The parsed `inputs` or `outputs` array.
 * @param binary The body after the JSON header (empty for a pure JSON body).
 * @param options `what` names the array in error messages.
 * @returns The named tensors; binary data are views on `binary` where aligned.
 * @throws {TypeError} For a malformed entry, a duplicate name, missing data, or data that do not
 * match the shape.
 * @throws {RangeError} When binary sizes do not add up to the binary section's length.
 * @example A JSON entry
 * ```ts
 * import { decodeTensorEntries } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * const tensors = decodeTensorEntries(
 *   [{ name: "x", shape: [2], datatype: "BOOL", data: [true, false] }],
 *   new Uint8Array(0),
 * );
 * assert.deepEqual(tensors.x!.data, Uint8Array.of(1, 0));
 * ```
 */
export function decodeTensorEntries(
  entries: unknown,
  binary: Uint8Array,
  options: { what?: string } = {},
): NamedTensors {
  const what = options.what ?? "tensor";
  if (!Array.isArray(entries)) {
    throw new TypeError(`Cannot read ${what}s: expected an array`);
  }
  const tensors: NamedTensors = {};
  let offset = 0;
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.name !== "string") {
      throw new TypeError(
        `Cannot read ${what}: expected an object with a string 'name'`,
      );
    }
    const { name, shape, datatype, parameters } = entry;
    if (Object.hasOwn(tensors, name)) {
      throw new TypeError(
        `Cannot read ${what} '${name}': the name appears twice`,
      );
    }
    if (!Array.isArray(shape) || !shape.every(Number.isSafeInteger)) {
      throw new TypeError(
        `Cannot read ${what} '${name}': 'shape' must be an array of integers`,
      );
    }
    if (!isDatatype(datatype)) {
      throw new TypeError(
        `Cannot read ${what} '${name}': unknown datatype ${
          JSON.stringify(datatype)
        }`,
      );
    }
    if (parameters !== undefined && !isRecord(parameters)) {
      throw new TypeError(
        `Cannot read ${what} '${name}': 'parameters' must be an object`,
      );
    }
    const size = parameters?.binary_data_size;
    try {
      if (size !== undefined) {
        if (!Number.isSafeInteger(size) || (size as number) < 0) {
          throw new RangeError(
            `'binary_data_size' must be a non-negative integer: received ${
              JSON.stringify(size)
            }`,
          );
        }
        const end = offset + (size as number);
        if (end > binary.byteLength) {
          throw new RangeError(
            `'binary_data_size' ${size} runs past the binary section (${
              binary.byteLength - offset
            } bytes left)`,
          );
        }
        tensors[name] = decodeTensorBytes(binary.subarray(offset, end), {
          datatype,
          shape,
        });
        offset = end;
      } else if (entry.data !== undefined) {
        tensors[name] = tensorFromJsonData(entry.data, { datatype, shape });
      } else {
        throw new TypeError("has neither 'data' nor 'binary_data_size'");
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const ErrorClass = error instanceof RangeError ? RangeError : TypeError;
      throw new ErrorClass(`Cannot read ${what} '${name}': ${message}`, {
        cause: error,
      });
    }
  }
  if (offset !== binary.byteLength) {
    throw new RangeError(
      `Cannot read ${what}s: binary section has ${binary.byteLength} bytes but 'binary_data_size' values add up to ${offset}`,
    );
  }
  return tensors;
}
