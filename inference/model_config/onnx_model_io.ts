/**
 * Reads the declared inputs and outputs of an ONNX model file by decoding its protobuf (no ONNX
 * Runtime session), for checking configs against models.
 *
 * @module
 */
import onnxProto from "onnx-proto";
import type { Datatype } from "@lipstream/shared";
import { datatypeOfOnnx } from "./datatypes.ts";

/** One graph input or output as the ONNX file declares it. */
export interface OnnxTensorInfo {
  name: string;
  /** The KServe datatype, or undefined for element types KServe lacks. */
  datatype: Datatype | undefined;
  /** ONNX `TensorProto.DataType` code (0 when the value is not a tensor). */
  elementType: number;
  /** Dimensions; `-1` for symbolic or unknown ones. Undefined when the rank is unknown. */
  shape: number[] | undefined;
}

/** What {@linkcode readOnnxModelIo} returns. */
export interface OnnxModelIo {
  inputs: OnnxTensorInfo[];
  outputs: OnnxTensorInfo[];
  /** `metadata_props` of the model. */
  metadata: Record<string, string>;
  /** The dims of every initializer (weight), by name. */
  initializerDims: Record<string, number[]>;
  docString: string;
}

type ValueInfo = onnxProto.onnx.IValueInfoProto;

function tensorInfo(value: ValueInfo): OnnxTensorInfo {
  const tensorType = value.type?.tensorType;
  const elementType = tensorType?.elemType ?? 0;
  const dims = tensorType?.shape?.dim;
  return {
    name: value.name ?? "",
    datatype: datatypeOfOnnx(elementType),
    elementType,
    shape: dims === undefined || dims === null
      ? undefined
      : dims.map((d) =>
        d.dimValue === undefined || d.dimValue === null ||
          (d.dimParam !== undefined && d.dimParam !== null && d.dimParam !== "")
          ? -1
          : Number(d.dimValue)
      ),
  };
}

/**
 * Decodes an ONNX model and lists its graph inputs (without initializers) and outputs.
 *
 * @param bytes The `model.onnx` file's bytes.
 * @returns Inputs, outputs, metadata properties and doc string.
 * @throws {TypeError} When the bytes are not an ONNX model with a graph.
 * @example
 * ```ts ignore
 * import { readOnnxModelIo } from "@lipstream/inference/model_config";
 *
 * const io = readOnnxModelIo(await Deno.readFile("generated/models/fixture_vits/1/model.onnx"));
 * console.log(io.inputs.map((i) => `${i.name} ${i.datatype} [${i.shape}]`));
 * ```
 */
export function readOnnxModelIo(bytes: Uint8Array): OnnxModelIo {
  let model: onnxProto.onnx.ModelProto;
  try {
    model = onnxProto.onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new TypeError(
      `Cannot read ONNX model: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const graph = model.graph;
  if (graph === undefined || graph === null) {
    throw new TypeError("Cannot read ONNX model: it has no graph");
  }
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  return {
    inputs: (graph.input ?? []).filter((i) => !initializers.has(i.name))
      .map(tensorInfo),
    outputs: (graph.output ?? []).map(tensorInfo),
    initializerDims: Object.fromEntries(
      (graph.initializer ?? []).map((t) => [
        t.name ?? "",
        (t.dims ?? []).map(Number),
      ]),
    ),
    metadata: Object.fromEntries(
      (model.metadataProps ?? []).map((p) => [p.key ?? "", p.value ?? ""]),
    ),
    docString: model.docString ?? "",
  };
}
