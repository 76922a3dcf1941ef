/**
 * `POST /v2/models/{name}[/versions/{v}]/infer`: decompress, bound, split and decode the body,
 * validate it against the model, run it (through the model's dynamic batcher when it has one) and
 * answer with JSON or binary outputs, compressed per `Accept-Encoding`.
 *
 * @module
 */
import {
  BodyTooLargeError,
  compressBody,
  DATATYPE_BYTE_SIZE,
  type DecodedInferRequest,
  decodeInferRequest,
  decodeTensorBytes,
  decompressBody,
  elementCount,
  encodeInferResponse,
  INFERENCE_HEADER_CONTENT_LENGTH,
  InferenceError,
  type ModelConfig,
  type ModelMetadata,
  type NamedTensors,
  parseContentEncoding,
  parseHeaderLength,
  readBodyBytes,
  selectResponseEncoding,
} from "@lipstream/shared";
import { errorResponse, unknownModelResponse } from "./error_response.ts";
import { validateInferInputs } from "./validate_inputs.ts";
import type { DynamicBatcher } from "./dynamic_batcher.ts";
import type { KserveServerBackend } from "./backend_types.ts";

/** What the infer route needs from the handler. */
export interface InferContext {
  backend: KserveServerBackend;
  maxInputBytes: number;
  /** The model's config, if the backend exposes configs. */
  config(
    model: string,
    version: string | undefined,
  ): Promise<ModelConfig | undefined>;
  /** The model's batcher, if it batches. */
  batcher(
    model: string,
    version: string | undefined,
  ): Promise<DynamicBatcher | undefined>;
}

/** Reads the (possibly compressed) body within the size limit, binary section aligned. */
async function readRequestBody(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array> {
  const encoding = parseContentEncoding(
    request.headers.get("content-encoding"),
  );
  const headerValue = request.headers.get(INFERENCE_HEADER_CONTENT_LENGTH);
  const align = headerValue === null ? NaN : Number(headerValue);
  const headerLength = Number.isSafeInteger(align) && align >= 0
    ? { headerLength: align }
    : {};
  const declared = request.headers.get("content-length");
  const contentLength =
    declared !== null && encoding === "identity" && /^\d+$/.test(declared)
      ? { contentLength: Number(declared) }
      : {};
  const raw = await readBodyBytes(request.body, {
    maxBytes,
    signal: request.signal,
    ...contentLength,
    ...(encoding === "identity" ? headerLength : {}),
  });
  return await decompressBody(raw, encoding, { maxBytes, ...headerLength });
}

/** A raw binary request (`Inference-Header-Content-Length: 0`): one input, batch 1. */
function rawBinaryRequest(
  body: Uint8Array,
  metadata: ModelMetadata,
  maxBatchSize: number,
): DecodedInferRequest {
  if (metadata.inputs.length !== 1) {
    throw new TypeError(
      `Raw binary request requires model '${metadata.name}' to have exactly 1 input: it has ${metadata.inputs.length}`,
    );
  }
  const input = metadata.inputs[0]!;
  const dims = maxBatchSize > 0 ? input.shape.slice(1) : [...input.shape];
  const variable = dims.filter((d) => d === -1).length;
  if (variable > 1) {
    throw new TypeError(
      `Raw binary request requires input '${input.name}' to have at most one variable dimension`,
    );
  }
  if (input.datatype === "BYTES") {
    if (variable === 1) dims[dims.indexOf(-1)] = 1;
  } else if (variable === 1) {
    const fixed = elementCount(dims.filter((d) => d !== -1));
    const perElement = DATATYPE_BYTE_SIZE[input.datatype] * fixed;
    dims[dims.indexOf(-1)] = perElement === 0
      ? 0
      : Math.floor(body.byteLength / perElement);
  }
  const shape = maxBatchSize > 0 ? [1, ...dims] : dims;
  const tensor = decodeTensorBytes(body, { datatype: input.datatype, shape });
  return {
    id: undefined,
    parameters: {},
    inputs: { [input.name]: tensor },
    outputs: undefined,
    binaryDataOutput: true,
  };
}

/** The model (version) an infer request addresses. */
export interface InferTarget {
  model: string;
  version: string | undefined;
  /** Filled in with the request's item count (its batch size) once its inputs are valid. */
  observed?: { items: number };
}

/** Serves one infer request; malformed ones throw TypeError/RangeError/SyntaxError (→ 400). */
export async function handleInfer(
  request: Request,
  route: InferContext & InferTarget,
): Promise<Response> {
  const { model, version, observed, ...context } = route;
  let body: Uint8Array;
  try {
    body = await readRequestBody(request, context.maxInputBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return errorResponse(
        400,
        `Request body size exceeds the maximum allowed value of ${error.maxBytes} bytes`,
      );
    }
    if (
      error instanceof TypeError &&
      /Unsupported compression/.test(error.message)
    ) {
      return errorResponse(400, "Unsupported compression type", {
        "accept-encoding": "gzip, deflate",
      });
    }
    throw new TypeError(
      `Cannot read request body: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const headerLength = parseHeaderLength(
    request.headers.get(INFERENCE_HEADER_CONTENT_LENGTH),
    body.byteLength,
  );
  const versionOption = version === undefined ? {} : { version };
  let metadata: ModelMetadata;
  try {
    metadata = await context.backend.modelMetadata(model, versionOption);
  } catch (error) {
    if (error instanceof InferenceError && error.kind === "not_found") {
      return unknownModelResponse(model);
    }
    throw error;
  }
  const config = await context.config(model, version);
  const maxBatchSize = config?.max_batch_size ?? 0;
  const decoded = headerLength === 0
    ? rawBinaryRequest(body, metadata, maxBatchSize)
    : decodeInferRequest(body, headerLength);
  validateInferInputs(decoded.inputs, metadata, {
    maxBatchSize,
    optionalInputs: new Set(
      config?.input.filter((i) => i.optional).map((i) => i.name),
    ),
  });
  if (observed !== undefined) {
    const first = Object.values(decoded.inputs)[0];
    observed.items = maxBatchSize > 0 ? first?.shape[0] ?? 1 : 1;
  }
  const declaredOutputs = metadata.outputs.map((o) => o.name);
  const wanted = decoded.outputs?.map((o) => o.name) ?? declaredOutputs;
  for (const name of wanted) {
    if (!declaredOutputs.includes(name)) {
      throw new TypeError(
        `unexpected inference output '${name}' for model '${model}'`,
      );
    }
  }
  const batcher = await context.batcher(model, version);
  const outputs = batcher === undefined
    ? await context.backend.infer(model, decoded.inputs, {
      signal: request.signal,
      outputs: wanted,
      ...versionOption,
      ...(decoded.id === undefined ? {} : { requestId: decoded.id }),
    })
    : await batcher.submit(decoded.inputs, { signal: request.signal });
  const selected: NamedTensors = {};
  for (const name of wanted) {
    const tensor = outputs[name];
    if (tensor === undefined) {
      throw new InferenceError(
        "internal",
        `Model '${model}' did not produce output '${name}'`,
      );
    }
    selected[name] = tensor;
  }
  const binaryFlags = new Map(decoded.outputs?.map((o) => [o.name, o.binary]));
  const encoded = encodeInferResponse(selected, {
    modelName: model,
    modelVersion: version ?? metadata.versions?.at(-1) ?? "1",
    ...(decoded.id === undefined ? {} : { id: decoded.id }),
    binary: (name) => binaryFlags.get(name) ?? decoded.binaryDataOutput,
  });
  const headers = new Headers({
    "content-type": encoded.headerLength === undefined
      ? "application/json"
      : "application/octet-stream",
  });
  if (encoded.headerLength !== undefined) {
    headers.set(INFERENCE_HEADER_CONTENT_LENGTH, String(encoded.headerLength));
  }
  const encoding = selectResponseEncoding(
    request.headers.get("accept-encoding"),
  );
  let payload = encoded.body;
  if (encoding !== "identity") {
    payload = await compressBody(payload, encoding);
    headers.set("content-encoding", encoding);
  }
  return new Response(payload as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers,
  });
}
