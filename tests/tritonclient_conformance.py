"""Triton's own Python client (tritonclient[http]) against a KServe v2 server: one JSON line per check.

Usage: python tests/tritonclient_conformance.py http://127.0.0.1:8000
Prints {"check": name, "ok": bool, "detail": str} per line; exit status 0 when every check ran
(failures are reported in the lines, for the Deno test to assert one by one).
Expects the fixture repository (`deno task setup`): fixture_identity, fixture_wav2lip, fixture_vits.
"""

import json
import sys
import traceback

import numpy as np
import tritonclient.http as httpclient
from tritonclient.utils import InferenceServerException

URL = sys.argv[1].removeprefix("http://")
client = httpclient.InferenceServerClient(url=URL, network_timeout=30.0)

# Every datatype fixture_identity declares, with values that test the edges of each.
SAMPLES = {
    "BOOL": np.array([True, False, True], dtype=np.bool_),
    "UINT8": np.array([0, 1, 255], dtype=np.uint8),
    "UINT16": np.array([0, 1, 65535], dtype=np.uint16),
    "UINT32": np.array([0, 1, 4294967295], dtype=np.uint32),
    "UINT64": np.array([0, 1, 2**64 - 1], dtype=np.uint64),
    "INT8": np.array([-128, 0, 127], dtype=np.int8),
    "INT16": np.array([-32768, 0, 32767], dtype=np.int16),
    "INT32": np.array([-(2**31), 0, 2**31 - 1], dtype=np.int32),
    "INT64": np.array([-(2**63), 0, 2**63 - 1], dtype=np.int64),
    "FP16": np.array([-1.5, 0.0, 65504.0], dtype=np.float16),
    "FP32": np.array([-3.25, 0.1, 3.4028234663852886e38], dtype=np.float32),
    "FP64": np.array([-1e300, 0.1, 5e-324], dtype=np.float64),
}


def check(name):
    def wrap(fn):
        try:
            detail = fn()
            print(json.dumps({"check": name, "ok": True, "detail": detail or ""}), flush=True)
        except Exception as error:  # noqa: BLE001 - every failure is a reported check
            message = f"{type(error).__name__}: {error}"
            if not isinstance(error, (AssertionError, InferenceServerException)):
                message += "\n" + traceback.format_exc(limit=3)
            print(json.dumps({"check": name, "ok": False, "detail": message}), flush=True)
        return fn

    return wrap


def expect_error(fn, status):
    try:
        fn()
    except InferenceServerException as error:
        assert error.status() == str(status), f"status {error.status()} ({error.message()}), expected {status}"
        return error.message()
    raise AssertionError("no error raised")


# Our server reads JSON with JSON.parse, so 64-bit integers in JSON must be safe JavaScript integers
# (|v| <= 2^53 - 1; shared/kserve_json_data.ts); binary carries the full range. Triton takes more.
JSON_SAMPLES = {
    **SAMPLES,
    "UINT64": np.array([0, 1, 2**53 - 1], dtype=np.uint64),
    "INT64": np.array([-(2**53 - 1), 0, 2**53 - 1], dtype=np.int64),
}


def identity_inputs(binary, samples=SAMPLES):
    metadata = client.get_model_metadata("fixture_identity")
    inputs = []
    for spec in metadata["inputs"]:
        data = samples[spec["datatype"]]
        tensor = httpclient.InferInput(spec["name"], list(data.shape), spec["datatype"])
        # Triton refuses FP16 in JSON, and so do we: that one input goes binary in a JSON request.
        tensor.set_data_from_numpy(data, binary_data=binary or spec["datatype"] == "FP16")
        inputs.append(tensor)
    return metadata, inputs


@check("health: live and ready")
def _():
    assert client.is_server_live()
    assert client.is_server_ready()


@check("health: model ready, unknown model not ready")
def _():
    for model in ("fixture_identity", "fixture_wav2lip", "fixture_vits"):
        assert client.is_model_ready(model), model
    assert not client.is_model_ready("no_such_model")


@check("metadata: server")
def _():
    metadata = client.get_server_metadata()
    assert {"binary_tensor_data", "statistics"} <= set(metadata["extensions"]), metadata
    return f"{metadata['name']} {metadata['version']}"


@check("metadata: model inputs and outputs")
def _():
    metadata = client.get_model_metadata("fixture_identity")
    assert sorted(i["datatype"] for i in metadata["inputs"]) == sorted(SAMPLES), metadata
    assert len(metadata["outputs"]) == len(SAMPLES)
    wav2lip = client.get_model_metadata("fixture_wav2lip")
    assert [i["shape"] for i in wav2lip["inputs"]] == [[-1, 1, 80, 16], [-1, 6, 96, 96]], wav2lip


@check("config: max_batch_size and dynamic_batching")
def _():
    config = client.get_model_config("fixture_wav2lip")
    assert config["max_batch_size"] == 64, config
    assert "dynamic_batching" in config, config
    assert [i["name"] for i in config["input"]] == ["mel", "face"]


@check("repository index")
def _():
    names = sorted(m["name"] for m in client.get_model_repository_index())
    assert {"fixture_identity", "fixture_wav2lip", "fixture_vits"} <= set(names), names


for binary in (True, False):
    @check(f"infer: every datatype round-trips ({'binary' if binary else 'JSON'})")
    def _(binary=binary):
        samples = SAMPLES if binary else JSON_SAMPLES
        metadata, inputs = identity_inputs(binary, samples)
        outputs = [httpclient.InferRequestedOutput(o["name"], binary_data=binary or o["datatype"] == "FP16")
                   for o in metadata["outputs"]]
        result = client.infer("fixture_identity", inputs, outputs=outputs)
        for spec in metadata["inputs"]:
            got = result.as_numpy(spec["name"].replace("in_", "out_"))
            want = samples[spec["datatype"]]
            assert got is not None, spec["name"]
            assert got.dtype == want.dtype, (spec["name"], got.dtype)
            assert np.array_equal(got, want), (spec["name"], got, want)
        return f"{len(metadata['inputs'])} datatypes"


@check("infer: batched model, batch of 3, one output requested")
def _():
    rng = np.random.default_rng(1)
    mel = httpclient.InferInput("mel", [3, 1, 80, 16], "FP32")
    mel.set_data_from_numpy(rng.standard_normal((3, 1, 80, 16), dtype=np.float32))
    face = httpclient.InferInput("face", [3, 6, 96, 96], "FP32")
    face.set_data_from_numpy(rng.random((3, 6, 96, 96), dtype=np.float32))
    result = client.infer("fixture_wav2lip", [mel, face], outputs=[httpclient.InferRequestedOutput("output")])
    assert result.as_numpy("output").shape == (3, 3, 96, 96)


for algorithm in ("gzip", "deflate"):
    @check(f"compression: {algorithm} request and response")
    def _(algorithm=algorithm):
        _, inputs = identity_inputs(True)
        result = client.infer(
            "fixture_identity", inputs,
            request_compression_algorithm=algorithm,
            response_compression_algorithm=algorithm,
        )
        assert np.array_equal(result.as_numpy("out_fp64"), SAMPLES["FP64"])


@check("errors: JSON UINT64 beyond 2^53 is refused clearly (documented limit)")
def _():
    _, inputs = identity_inputs(False, {**JSON_SAMPLES, "UINT64": SAMPLES["UINT64"]})
    message = expect_error(lambda: client.infer("fixture_identity", inputs), 400)
    assert "in_uint64" in message, message
    return message


@check("errors: unknown model")
def _():
    _, inputs = identity_inputs(True)
    return expect_error(lambda: client.infer("no_such_model", inputs), 400)


@check("errors: missing input")
def _():
    _, inputs = identity_inputs(True)
    return expect_error(lambda: client.infer("fixture_identity", inputs[1:]), 400)


@check("errors: wrong datatype")
def _():
    tensor = httpclient.InferInput("mel", [1, 1, 80, 16], "FP64")
    tensor.set_data_from_numpy(np.zeros((1, 1, 80, 16), dtype=np.float64))
    face = httpclient.InferInput("face", [1, 6, 96, 96], "FP32")
    face.set_data_from_numpy(np.zeros((1, 6, 96, 96), dtype=np.float32))
    return expect_error(lambda: client.infer("fixture_wav2lip", [tensor, face]), 400)


@check("errors: wrong shape")
def _():
    mel = httpclient.InferInput("mel", [1, 1, 80, 15], "FP32")
    mel.set_data_from_numpy(np.zeros((1, 1, 80, 15), dtype=np.float32))
    face = httpclient.InferInput("face", [1, 6, 96, 96], "FP32")
    face.set_data_from_numpy(np.zeros((1, 6, 96, 96), dtype=np.float32))
    return expect_error(lambda: client.infer("fixture_wav2lip", [mel, face]), 400)


@check("errors: batch over max_batch_size")
def _():
    mel = httpclient.InferInput("mel", [65, 1, 80, 16], "FP32")
    mel.set_data_from_numpy(np.zeros((65, 1, 80, 16), dtype=np.float32))
    face = httpclient.InferInput("face", [65, 6, 96, 96], "FP32")
    face.set_data_from_numpy(np.zeros((65, 6, 96, 96), dtype=np.float32))
    return expect_error(lambda: client.infer("fixture_wav2lip", [mel, face]), 400)


@check("statistics: counts the inferences above")
def _():
    stats = client.get_inference_statistics("fixture_identity")
    [entry] = stats["model_stats"]
    assert entry["name"] == "fixture_identity"
    success = entry["inference_stats"]["success"]
    fail = entry["inference_stats"]["fail"]
    # 2 datatype round-trips + 2 compressed runs succeeded; the JSON UINT64 and missing-input
    # requests failed.
    assert success["count"] == 4 and success["ns"] > 0, entry
    assert fail["count"] == 2, entry
    assert entry["inference_count"] == 4 and entry["execution_count"] == 4, entry
    everything = client.get_inference_statistics()
    assert {"fixture_identity", "fixture_wav2lip"} <= {m["name"] for m in everything["model_stats"]}
    return f"success {success['count']}, fail {fail['count']}"


@check("statistics: unknown model")
def _():
    return expect_error(lambda: client.get_inference_statistics("no_such_model"), 400)
