/**
 * A Triton-compatible KServe v2 HTTP handler as a plain fetch function
 * (`(Request) => Promise<Response>`), so it runs in-process in tests and under `Deno.serve`.
 *
 * Endpoints: health (`/v2/health/live|ready`: 200 or 400, 405 for other methods), server metadata
 * (`/v2`), model metadata, ready and config (`/v2/models/{m}[/versions/{v}][/ready|/config]`), infer
 * (`…/infer`), statistics (`/v2/models[/{m}[/versions/{v}]]/stats`) and repository index
 * (`POST /v2/repository/index`). Errors are `{"error": "..."}` with
 * Triton's status codes.
 *
 * @see https://github.com/kserve/kserve/blob/master/docs/predict-api/v2/required_api.md
 * @module
 */
import { InferenceError, type ModelConfig } from "@lipstream/shared";
import {
  errorResponse,
  errorToResponse,
  unknownModelResponse,
} from "./error_response.ts";
import { handleInfer, type InferContext } from "./infer_route.ts";
import { DynamicBatcher } from "./dynamic_batcher.ts";
import { InferStatistics } from "./statistics.ts";
import type { KserveServerBackend } from "./backend_types.ts";
import type { RepositoryIndexEntry } from "../triton/types.ts";

/** Triton's default `--http-max-input-size`: 64 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 1 << 26;

/** Options of {@linkcode createKserveHandler}. */
export interface KserveHandlerOptions {
  /** Largest accepted request body, before and after decompression (Triton answers 400 beyond). @default {DEFAULT_MAX_INPUT_BYTES} */
  maxInputBytes?: number;
  /** Use dynamic batching for models whose config asks for it. @default {true} */
  batching?: boolean;
  /** Server name in `GET /v2`. @default {"lipstream"} */
  serverName?: string;
  /** Server version in `GET /v2`. @default {"0.1.0"} */
  serverVersion?: string;
  /** Models listed by the repository index when the backend has no `repositoryIndex`. */
  models?: readonly string[];
}

/** The handler plus access to its batchers (for stats in tests and monitoring). */
export interface KserveHandler {
  (request: Request): Promise<Response>;
  /** The dynamic batcher of a model, once a request has created it. */
  batcher(model: string): DynamicBatcher | undefined;
}

class UnknownModel extends Error {
  constructor(readonly model: string) {
    super(`unknown model ${model}`);
  }
}

const MODEL_ROUTE_REGEXP =
  /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|config|infer|stats))?\/?$/;

const EXTENSIONS = [
  "binary_tensor_data",
  "model_configuration",
  "model_repository",
  "statistics",
];

function methodNotAllowed(): Response {
  return new Response(null, { status: 405 });
}

/**
 * Creates the KServe v2 handler for a backend.
 *
 * @param backend Runs the models; `modelConfig` enables configs and batching.
 * @param options Size limit, batching, server identity.
 * @returns The fetch handler.
 * @example In-process health check
 * ```ts
 * import { createKserveHandler } from "@lipstream/inference/server";
 * import assert from "node:assert/strict";
 *
 * const handler = createKserveHandler({
 *   infer: () => Promise.resolve({}),
 *   modelMetadata: () => Promise.reject(new Error("none")),
 *   isModelReady: () => Promise.resolve(false),
 *   isReady: () => Promise.resolve(true),
 *   close: () => Promise.resolve(),
 * });
 * const response = await handler(new Request("http://localhost/v2/health/ready"));
 * assert.equal(response.status, 200);
 * ```
 */
export function createKserveHandler(
  backend: KserveServerBackend,
  options: KserveHandlerOptions = {},
): KserveHandler {
  const batchingEnabled = options.batching ?? true;
  const batchers = new Map<string, Promise<DynamicBatcher | undefined>>();
  const created = new Map<string, DynamicBatcher>();

  async function config(model: string, version: string | undefined) {
    if (backend.modelConfig === undefined) return undefined;
    return await backend.modelConfig(
      model,
      version === undefined ? {} : { version },
    );
  }

  function batcher(model: string, version: string | undefined) {
    if (!batchingEnabled || backend.modelConfig === undefined) {
      return Promise.resolve(undefined);
    }
    const key = `${model}\u0000${version ?? ""}`;
    let entry = batchers.get(key);
    if (entry === undefined) {
      entry = config(model, version).then((c) =>
        createBatcher(model, version, c)
      );
      batchers.set(key, entry);
      entry.catch(() => batchers.delete(key));
    }
    return entry;
  }

  function createBatcher(
    model: string,
    version: string | undefined,
    modelConfig: ModelConfig | undefined,
  ): DynamicBatcher | undefined {
    if (
      modelConfig === undefined || modelConfig.max_batch_size <= 0 ||
      modelConfig.dynamic_batching === undefined
    ) {
      return undefined;
    }
    const instance = new DynamicBatcher(
      (inputs, { signal }) =>
        backend.infer(model, inputs, {
          signal,
          ...(version === undefined ? {} : { version }),
        }),
      {
        maxBatchSize: modelConfig.max_batch_size,
        dynamicBatching: modelConfig.dynamic_batching,
      },
    );
    created.set(model, instance);
    return instance;
  }

  const statistics = new InferStatistics();
  /** Triton's `model_stats`; batched models count their batcher's runs as executions. */
  function statsOf(models: readonly string[], version: string | undefined) {
    for (const model of models) {
      const runs = created.get(model)?.stats.runs;
      if (runs !== undefined) statistics.executions(model, runs);
    }
    return statistics.entries(models, version ?? "");
  }

  const context: InferContext = {
    backend,
    maxInputBytes: options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES,
    config,
    batcher,
  };

  async function route(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const get = request.method === "GET" || request.method === "HEAD";
    if (pathname === "/v2/health/live" || pathname === "/v2/health/ready") {
      if (!get) return methodNotAllowed();
      const ok = pathname.endsWith("live") ||
        await backend.isReady({ signal: request.signal });
      return new Response(null, { status: ok ? 200 : 400 });
    }
    if (pathname === "/v2" || pathname === "/v2/") {
      if (!get) return methodNotAllowed();
      return Response.json({
        name: options.serverName ?? "lipstream",
        version: options.serverVersion ?? "0.1.0",
        extensions: EXTENSIONS,
      });
    }
    if (pathname === "/v2/repository/index") {
      if (request.method !== "POST") return methodNotAllowed();
      return Response.json(await repositoryIndex(request));
    }
    if (pathname === "/v2/models/stats") {
      if (!get) return methodNotAllowed();
      const names = backend.repositoryIndex === undefined
        ? [...(options.models ?? [])]
        : (await backend.repositoryIndex({ ready: false })).map((m) => m.name);
      return Response.json({ model_stats: statsOf(names, undefined) });
    }
    const match = MODEL_ROUTE_REGEXP.exec(pathname);
    if (match === null) return errorResponse(404, "Not Found");
    const model = decodeURIComponent(match[1]!);
    const version = match[2] === undefined
      ? undefined
      : decodeURIComponent(match[2]);
    const action = match[3];
    const versionOption = version === undefined ? {} : { version };
    if (action === "infer") {
      if (request.method !== "POST") return methodNotAllowed();
      const started = performance.now();
      const observed = { items: 1 };
      let ok = false;
      try {
        const response = await handleInfer(request, {
          ...context,
          model,
          version,
          observed,
        });
        ok = response.status === 200;
        return response;
      } finally {
        statistics.record(model, {
          ok,
          ns: (performance.now() - started) * 1e6,
          items: observed.items,
        });
      }
    }
    if (!get) return methodNotAllowed();
    if (action === "stats") {
      await backend.modelMetadata(model, versionOption).catch((error) => {
        throw error instanceof InferenceError && error.kind === "not_found"
          ? new UnknownModel(model)
          : error;
      });
      return Response.json({ model_stats: statsOf([model], version) });
    }
    if (action === "ready") {
      const ready = await backend.isModelReady(model, versionOption);
      return ready
        ? new Response(null, { status: 200 })
        : errorResponse(400, "Model version not ready");
    }
    try {
      if (action === "config") {
        const modelConfig = await config(model, version);
        if (modelConfig === undefined) {
          return errorResponse(
            501,
            "Model configuration is not available from this backend",
          );
        }
        return Response.json(modelConfig);
      }
      return Response.json(await backend.modelMetadata(model, versionOption));
    } catch (error) {
      if (error instanceof InferenceError && error.kind === "not_found") {
        return unknownModelResponse(model);
      }
      throw error;
    }
  }

  async function repositoryIndex(
    request: Request,
  ): Promise<RepositoryIndexEntry[]> {
    let readyOnly = false;
    const text = await request.text();
    if (text.trim() !== "") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new SyntaxError(
          `Cannot parse repository index request: ${(error as Error).message}`,
        );
      }
      const ready = (parsed as { ready?: unknown } | null)?.ready;
      if (ready !== undefined && typeof ready !== "boolean") {
        throw new TypeError(
          "Cannot read repository index request: 'ready' must be a boolean",
        );
      }
      readyOnly = ready ?? false;
    }
    if (backend.repositoryIndex !== undefined) {
      return await backend.repositoryIndex({ ready: readyOnly });
    }
    const items: RepositoryIndexEntry[] = [];
    for (const name of options.models ?? []) {
      const ready = await backend.isModelReady(name);
      if (readyOnly && !ready) continue;
      items.push({ name, state: ready ? "READY" : "UNAVAILABLE", reason: "" });
    }
    return items;
  }

  async function handler(request: Request): Promise<Response> {
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof UnknownModel) {
        return unknownModelResponse(error.model);
      }
      return errorToResponse(error);
    }
  }
  return Object.assign(handler, {
    batcher: (model: string) => created.get(model),
  });
}
