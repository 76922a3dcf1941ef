/**
 * A KServe v2 HTTP client for NVIDIA Triton (and the local server in `inference/server/`), built on
 * `fetch` and web-standard streams only, so the edge can import it.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md
 * @module
 */
import {
  compressBody,
  decodeInferResponse,
  encodeInferRequest,
  INFERENCE_HEADER_CONTENT_LENGTH,
  type InferenceBackend,
  InferenceError,
  type InferOptions,
  type ModelConfig,
  type ModelMetadata,
  type NamedTensors,
} from "@lipstream/shared";
import { withDeadline } from "./_deadline.ts";
import { errorFromResponse } from "./errors.ts";
import { readInferResponseBody } from "./_response_body.ts";
import type {
  CallOptions,
  ModelCallOptions,
  RepositoryIndexEntry,
  ServerMetadata,
} from "./types.ts";

/** Options of {@linkcode TritonClient}. */
export interface TritonClientOptions {
  /** Server base URL, e.g. `http://triton:8000`. */
  url: string;
  /** Headers sent with every request (auth, tracing). */
  headers?: HeadersInit;
  /** Default per-call timeout in milliseconds (none when omitted). */
  timeoutMs?: number;
  /** Binary tensor data (`true`) or JSON `data` (`false`). `FP16`/`BF16` always go binary:
   * Triton refuses them in JSON. @default {true} */
  binary?: boolean;
  /** Compress infer request bodies. */
  compression?: "gzip" | "deflate";
  /** Ask for compressed responses (`Accept-Encoding`). */
  acceptEncoding?: "gzip" | "deflate" | "identity";
}

/**
 * Talks to one Triton server. Every response body is consumed or cancelled, so `fetch` can keep
 * reusing its connections.
 *
 * @example Infer against a running server
 * ```ts ignore
 * import { TritonClient } from "@lipstream/inference/triton";
 * import assert from "node:assert/strict";
 *
 * const client = new TritonClient({ url: "http://127.0.0.1:8000", timeoutMs: 5_000 });
 * const out = await client.infer("fixture_identity", {
 *   in_FP32: { datatype: "FP32", shape: [2], data: Float32Array.of(1, 2) },
 * }, { outputs: ["out_FP32"] });
 * assert.deepEqual(out.out_FP32!.data, Float32Array.of(1, 2));
 * ```
 */
export class TritonClient implements InferenceBackend {
  #base: string;
  #headers: Headers;
  #timeoutMs: number | undefined;
  #binary: boolean;
  #compression: "gzip" | "deflate" | undefined;
  #acceptEncoding: string;
  #closer = new AbortController();
  #outputNamesCache = new Map<
    string,
    Promise<{ all: string[]; half: string[] }>
  >();

  constructor(options: TritonClientOptions) {
    const url = new URL(options.url);
    this.#base = url.href.replace(/\/+$/, "");
    this.#headers = new Headers(options.headers);
    this.#timeoutMs = options.timeoutMs;
    this.#binary = options.binary ?? true;
    this.#compression = options.compression;
    this.#acceptEncoding = options.acceptEncoding ?? "identity";
  }

  /** True when `GET /v2/health/live` answers 200 (Triton answers 400 when not live). */
  async isLive(options: CallOptions = {}): Promise<boolean> {
    return await this.#health(
      "/v2/health/live",
      "Cannot check liveness",
      options,
    );
  }

  /** True when `GET /v2/health/ready` answers 200; false on 4xx/5xx; throws `unavailable` when unreachable. */
  async isReady(options: CallOptions = {}): Promise<boolean> {
    return await this.#health(
      "/v2/health/ready",
      "Cannot check readiness",
      options,
    );
  }

  /** True when the model (version) is ready; false for an unknown or unloaded model. */
  async isModelReady(
    model: string,
    options: ModelCallOptions = {},
  ): Promise<boolean> {
    return await this.#health(
      `${modelPath(model, options.version)}/ready`,
      `Cannot check readiness of model '${model}'`,
      options,
    );
  }

  /** `GET /v2`: server name, version and extensions. */
  async serverMetadata(options: CallOptions = {}): Promise<ServerMetadata> {
    return await this.#json<ServerMetadata>(
      "GET",
      "/v2",
      "Cannot read server metadata",
      options,
    );
  }

  /** `GET /v2/models/{model}`: the model's inputs and outputs. */
  async modelMetadata(
    model: string,
    options: ModelCallOptions = {},
  ): Promise<ModelMetadata> {
    return await this.#json<ModelMetadata>(
      "GET",
      modelPath(model, options.version),
      `Cannot read metadata of model '${model}'`,
      options,
    );
  }

  /** `GET /v2/models/{model}/config`: the model's configuration (Triton extension). */
  async modelConfig(
    model: string,
    options: ModelCallOptions = {},
  ): Promise<ModelConfig> {
    return await this.#json<ModelConfig>(
      "GET",
      `${modelPath(model, options.version)}/config`,
      `Cannot read config of model '${model}'`,
      options,
    );
  }

  /** `POST /v2/repository/index`: the models in the repository (`ready: true` lists only ready ones). */
  async repositoryIndex(
    options: CallOptions & { ready?: boolean } = {},
  ): Promise<RepositoryIndexEntry[]> {
    return await this.#json<RepositoryIndexEntry[]>(
      "POST",
      "/v2/repository/index",
      "Cannot read the repository index",
      options,
      JSON.stringify({ ready: options.ready ?? false }),
    );
  }

  /**
   * Runs `model` once. Inputs go binary or as JSON per the client's `binary` option; outputs come
   * back the same way (FP16/BF16 always binary). Binary outputs are views on the response buffer,
   * whose binary section is read 8-byte aligned; an output whose offset is still misaligned for its
   * type is copied once.
   */
  async infer(
    model: string,
    inputs: NamedTensors,
    options: InferOptions = {},
  ): Promise<NamedTensors> {
    const action = `Cannot run model '${model}'`;
    return await withDeadline(
      this.#deadline(action, options),
      async (signal) => {
        // JSON mode: Triton refuses FP16/BF16 outputs in JSON, so ask for those binary by name.
        const half = this.#binary
          ? undefined
          : await this.#outputNames(model, options.version, signal);
        const outputs = options.outputs ??
          (half?.half.length ? half.all : undefined);
        const { body, headerLength } = encodeInferRequest(inputs, {
          binary: this.#binary,
          forceBinaryOutputs: half?.half ?? [],
          ...(options.requestId === undefined ? {} : { id: options.requestId }),
          ...(outputs === undefined ? {} : { outputs }),
        });
        const headers = new Headers({
          "content-type": headerLength === undefined
            ? "application/json"
            : "application/octet-stream",
        });
        if (headerLength !== undefined) {
          headers.set(INFERENCE_HEADER_CONTENT_LENGTH, String(headerLength));
        }
        let payload: Uint8Array = body;
        if (this.#compression !== undefined) {
          payload = await compressBody(body, this.#compression);
          headers.set("content-encoding", this.#compression);
        }
        const response = await this.#fetch(
          "POST",
          `${modelPath(model, options.version)}/infer`,
          action,
          signal,
          { body: payload as Uint8Array<ArrayBuffer>, headers },
        );
        if (!response.ok) throw await errorFromResponse(response, action);
        const read = await readInferResponseBody(response, signal);
        try {
          return decodeInferResponse(read.body, read.headerLength).outputs;
        } catch (error) {
          throw new InferenceError(
            "internal",
            `${action}: invalid response: ${(error as Error).message}`,
            { cause: error },
          );
        }
      },
    );
  }

  /** Aborts calls in flight (they end as `cancelled`); later calls fail the same way. */
  close(): Promise<void> {
    this.#closer.abort();
    return Promise.resolve();
  }

  #deadline(action: string, options: CallOptions) {
    return {
      action,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
      closed: this.#closer.signal,
    };
  }

  async #health(
    path: string,
    action: string,
    options: CallOptions,
  ): Promise<boolean> {
    return await withDeadline(
      this.#deadline(action, options),
      async (signal) => {
        const response = await this.#fetch("GET", path, action, signal);
        await response.body?.cancel();
        return response.status === 200;
      },
    );
  }

  async #json<T>(
    method: string,
    path: string,
    action: string,
    options: CallOptions,
    body?: string,
  ): Promise<T> {
    return await withDeadline(
      this.#deadline(action, options),
      async (signal) => {
        const response = await this.#fetch(
          method,
          path,
          action,
          signal,
          body === undefined
            ? {}
            : { body, headers: { "content-type": "application/json" } },
        );
        if (!response.ok) throw await errorFromResponse(response, action);
        const text = await response.text();
        try {
          return JSON.parse(text) as T;
        } catch (error) {
          throw new InferenceError(
            "internal",
            `${action}: the response is not JSON`,
            {
              cause: error,
            },
          );
        }
      },
    );
  }

  /** The model's output names, and those declared FP16/BF16; from metadata, cached. */
  async #outputNames(
    model: string,
    version: string | undefined,
    signal: AbortSignal,
  ): Promise<{ all: string[]; half: string[] }> {
    const key = `${model}\u0000${version ?? ""}`;
    let names = this.#outputNamesCache.get(key);
    if (names === undefined) {
      names = this.modelMetadata(model, {
        signal,
        ...(version === undefined ? {} : { version }),
      })
        .then(({ outputs }) => ({
          all: outputs.map((o) => o.name),
          half: outputs.filter((o) =>
            o.datatype === "FP16" || o.datatype === "BF16"
          )
            .map((o) => o.name),
        }));
      this.#outputNamesCache.set(key, names);
      names.catch(() => this.#outputNamesCache.delete(key));
    }
    return await names;
  }

  async #fetch(
    method: string,
    path: string,
    action: string,
    signal: AbortSignal,
    init: { body?: BodyInit; headers?: HeadersInit } = {},
  ): Promise<Response> {
    const headers = new Headers(this.#headers);
    headers.set("accept-encoding", this.#acceptEncoding);
    for (const [name, value] of new Headers(init.headers)) {
      headers.set(name, value);
    }
    try {
      return await fetch(`${this.#base}${path}`, {
        method,
        headers,
        signal,
        ...(init.body === undefined ? {} : { body: init.body }),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new InferenceError(
        "unavailable",
        `${action}: cannot reach ${this.#base}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

function modelPath(model: string, version: string | undefined): string {
  const base = `/v2/models/${encodeURIComponent(model)}`;
  return version === undefined
    ? base
    : `${base}/versions/${encodeURIComponent(version)}`;
}
