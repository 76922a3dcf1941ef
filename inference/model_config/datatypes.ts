/**
 * One table for the three datatype vocabularies a model crosses: the KServe API (`FP32`), Triton's
 * config (`TYPE_FP32`) and ONNX's `TensorProto.DataType` element codes (`FLOAT` = 1).
 *
 * @see https://github.com/triton-inference-server/server/blob/main/docs/user_guide/model_configuration.md#datatypes
 * @see https://github.com/onnx/onnx/blob/main/onnx/onnx.proto (`TensorProto.DataType`)
 * @module
 */
import type { ConfigDatatype, Datatype } from "@lipstream/shared";

/** ONNX element type code of each KServe datatype. */
export const ONNX_ELEMENT_TYPE: Readonly<Record<Datatype, number>> = Object
  .freeze({
    FP32: 1,
    UINT8: 2,
    INT8: 3,
    UINT16: 4,
    INT16: 5,
    INT32: 6,
    INT64: 7,
    BYTES: 8,
    BOOL: 9,
    FP16: 10,
    FP64: 11,
    UINT32: 12,
    UINT64: 13,
    BF16: 16,
  });

const BY_ONNX = new Map<number, Datatype>(
  Object.entries(ONNX_ELEMENT_TYPE).map(([k, v]) => [v, k as Datatype]),
);

/**
 * The KServe datatype of an ONNX element type code, or undefined (complex, float8, …).
 *
 * @example
 * ```ts
 * import { datatypeOfOnnx } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(datatypeOfOnnx(7), "INT64");
 * assert.equal(datatypeOfOnnx(14), undefined);
 * ```
 */
export function datatypeOfOnnx(elementType: number): Datatype | undefined {
  return BY_ONNX.get(elementType);
}

/**
 * Triton's config name of a KServe datatype (`BYTES` is `TYPE_STRING`).
 *
 * @example
 * ```ts
 * import { configDatatype } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(configDatatype("BYTES"), "TYPE_STRING");
 * ```
 */
export function configDatatype(datatype: Datatype): ConfigDatatype {
  return datatype === "BYTES" ? "TYPE_STRING" : `TYPE_${datatype}`;
}

/**
 * The KServe datatype of a Triton config datatype (`TYPE_STRING` is `BYTES`).
 *
 * @example
 * ```ts
 * import { apiDatatype } from "@lipstream/inference/model_config";
 * import assert from "node:assert/strict";
 *
 * assert.equal(apiDatatype("TYPE_FP16"), "FP16");
 * ```
 */
export function apiDatatype(datatype: ConfigDatatype): Datatype {
  return datatype === "TYPE_STRING" ? "BYTES" : datatype.slice(5) as Datatype;
}
