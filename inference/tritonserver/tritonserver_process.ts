/**
 * Starts NVIDIA's `tritonserver` binary (the one PyPI's `nvidia-pytriton` ships, installed by
 * `scripts/triton_env.sh` into `.tools/venv-triton`) on loopback over a Python-backend
 * repository of ONNX models, and stops it. Used by the test suite and `deno task triton`.
 *
 * @module
 */
import { writePythonBackendRepository } from "./python_backend_repository.ts";

/** Where `scripts/triton_env.sh` puts the Triton environment. */
export const DEFAULT_TRITON_ENV = new URL(
  "../../.tools/venv-triton",
  import.meta.url,
).pathname;

/** The CPython minor version whose Python backend stub is used (the environment's). */
const PYTHON_VERSION = "3.11";

/** The files of the Triton distribution inside the environment. */
export interface TritonDistribution {
  /** The environment folder (`.tools/venv-triton`). */
  env: string;
  /** `…/pytriton/tritonserver/bin/tritonserver`. */
  binary: string;
  /** `…/pytriton/tritonserver/backends/python`. */
  pythonBackend: string;
  /** The Python backend stub for {@link PYTHON_VERSION}. */
  stub: string;
}

/**
 * Finds the `tritonserver` binary and Python backend in a Triton environment.
 *
 * @returns `undefined` when the environment or any of the files is missing.
 */
export async function findTritonDistribution(
  env: string = Deno.env.get("LIPSTREAM_TRITON_ENV") ?? DEFAULT_TRITON_ENV,
): Promise<TritonDistribution | undefined> {
  const root =
    `${env}/lib/python${PYTHON_VERSION}/site-packages/pytriton/tritonserver`;
  const found: TritonDistribution = {
    env,
    binary: `${root}/bin/tritonserver`,
    pythonBackend: `${root}/backends/python`,
    stub:
      `${root}/python_backend_stubs/${PYTHON_VERSION}/triton_python_backend_stub`,
  };
  for (const path of [found.binary, found.pythonBackend, found.stub]) {
    try {
      await Deno.stat(path);
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return undefined;
      throw error;
    }
  }
  return found;
}

/** A running `tritonserver`. */
export interface TritonServerProcess {
  /** `http://127.0.0.1:<port>`, ready (`/v2/health/ready` answered 200). */
  url: string;
  /** The process id. */
  pid: number;
  /** Everything the server printed so far. */
  log(): string;
  /** Kills it at once (SIGKILL), as a crash would; resolves when it exited. */
  kill(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL after 10 s) and removes its repository. */
  close(): Promise<void>;
}

/** Options of {@link startTritonServer}. */
export interface StartTritonServerOptions {
  /** A Triton repository of ONNX Runtime models (default `generated/models`). */
  source?: string;
  /** The model folders to serve. */
  models: readonly string[];
  /** HTTP port (default: a free one). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** How long to wait for readiness (default 120 s: the Python backend starts one stub per model). */
  readyTimeoutMs?: number;
  /** The Triton environment (default `LIPSTREAM_TRITON_ENV` or `.tools/venv-triton`). */
  env?: string;
}

/**
 * Starts `tritonserver` over a Python-backend copy of `options.models` and waits until it is ready.
 *
 * @throws {Error} When the Triton environment is missing (run `bash scripts/triton_env.sh`), or the
 *   server exits or is not ready in time (the message ends with its log).
 *
 * @example
 * ```ts ignore
 * import { startTritonServer } from "./tritonserver_process.ts";
 *
 * const triton = await startTritonServer({ models: ["fixture_wav2lip"] });
 * console.log(await (await fetch(`${triton.url}/v2/models/fixture_wav2lip`)).json());
 * await triton.close();
 * ```
 */
export async function startTritonServer(
  options: StartTritonServerOptions,
): Promise<TritonServerProcess> {
  const dist = await findTritonDistribution(options.env);
  if (dist === undefined) {
    throw new Error(
      "Cannot start tritonserver: the Triton environment is missing; run `bash scripts/triton_env.sh`",
    );
  }
  const dir = await Deno.makeTempDir({ prefix: "lipstream-triton-" });
  const backends = `${dir}/backends/python`;
  await Deno.mkdir(backends, { recursive: true });
  // The backend folder Triton loads: the shipped library and utils, and the stub of our Python.
  // Links, not copies: the stub finds its bundled CUDA runtime through an $ORIGIN-relative path.
  for (
    const file of ["libtriton_python.so", "triton_python_backend_utils.py"]
  ) {
    await Deno.symlink(`${dist.pythonBackend}/${file}`, `${backends}/${file}`);
  }
  await Deno.symlink(dist.stub, `${backends}/triton_python_backend_stub`);
  await writePythonBackendRepository(
    options.source ?? "generated/models",
    `${dir}/models`,
    options.models,
  );
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? freePort(host);
  const child = new Deno.Command(dist.binary, {
    args: [
      `--model-repository=${dir}/models`,
      `--backend-directory=${dir}/backends`,
      `--http-address=${host}`,
      `--http-port=${port}`,
      "--allow-grpc=false",
      "--allow-metrics=false",
      "--exit-timeout-secs=5",
    ],
    // The Python backend stub embeds libpython; with the environment first on PATH its
    // interpreter takes the environment's site-packages (numpy, onnxruntime).
    env: { PATH: `${dist.env}/bin:${Deno.env.get("PATH") ?? ""}` },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const decoder = new TextDecoder();
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream) {
      output += decoder.decode(chunk, { stream: true });
    }
  };
  const collected = Promise.all([
    collect(child.stdout),
    collect(child.stderr),
  ]);
  let exited = false;
  const status = child.status.then((status) => {
    exited = true;
    return status;
  });
  const url = `http://${host}:${port}`;
  const removeRepository = () =>
    Deno.remove(dir, { recursive: true }).catch(() => {});
  const stop = async (signal: Deno.Signal) => {
    if (!exited) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
    await status;
    await collected;
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (true) {
    if (exited) {
      await collected;
      await removeRepository();
      throw new Error(
        `Cannot start tritonserver: it exited with ${
          (await status).code
        }:\n${output}`,
      );
    }
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      await removeRepository();
      throw new Error(
        `Cannot start tritonserver: not ready in time:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${url}/v2/health/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      await response.body?.cancel();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid,
    log: () => output,
    kill: () => stop("SIGKILL"),
    async close() {
      const timer = setTimeout(() => {
        if (!exited) child.kill("SIGKILL");
      }, 10_000);
      await stop("SIGTERM");
      clearTimeout(timer);
      await removeRepository();
    },
  };
}

/** A port nothing listens on now (Triton cannot be asked for port 0 and tell which it took). */
export function freePort(hostname = "127.0.0.1"): number {
  const listener = Deno.listen({ hostname, port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}
