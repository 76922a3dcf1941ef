"""Serves one ONNX model through Triton's Python backend with ONNX Runtime (CPU).

Triton's own ONNX Runtime backend ships only in NVIDIA's container images; on a machine without
them (CI, a laptop) this file stands in for it: the model's directory keeps its `config.pbtxt`
(tensor names, datatypes, dims, `max_batch_size`, `dynamic_batching`) with `backend: "python"`
instead of `platform: "onnxruntime_onnx"`, and `<version>/model.onnx` next to this `model.py`.

Dynamic batching stays Triton's: with `max_batch_size > 0` Triton's scheduler hands `execute` the
requests it gathered; they are concatenated along the batch dimension, run once, and split back.
Requests whose non-batch shapes differ are run one by one.

API: https://github.com/triton-inference-server/python_backend (README "Usage").
"""

import json
import os

import numpy as np
import onnxruntime as ort
import triton_python_backend_utils as pb_utils


def _parameter(config, key, default):
    value = config.get("parameters", {}).get(key, {}).get("string_value")
    return default if value in (None, "") else value


class TritonPythonModel:
    def initialize(self, args):
        config = json.loads(args["model_config"])
        self.max_batch_size = int(config.get("max_batch_size", 0))
        self.input_names = [entry["name"] for entry in config["input"]]
        self.output_names = [entry["name"] for entry in config["output"]]
        options = ort.SessionOptions()
        options.intra_op_num_threads = int(_parameter(config, "intra_op_thread_count", "1"))
        options.inter_op_num_threads = 1
        path = os.path.join(args["model_repository"], args["model_version"], "model.onnx")
        self.session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    def _inputs(self, request):
        feeds = {}
        for name in self.input_names:
            tensor = pb_utils.get_input_tensor_by_name(request, name)
            if tensor is None:
                raise ValueError(f"input '{name}' is missing")
            feeds[name] = tensor.as_numpy()
        return feeds

    def _respond(self, request, outputs):
        wanted = set(request.requested_output_names() or self.output_names)
        tensors = [
            pb_utils.Tensor(name, np.ascontiguousarray(outputs[name]))
            for name in self.output_names
            if name in wanted
        ]
        return pb_utils.InferenceResponse(output_tensors=tensors)

    def _run(self, feeds):
        values = self.session.run(self.output_names, feeds)
        return dict(zip(self.output_names, values))

    def execute(self, requests):
        responses = [None] * len(requests)
        feeds = []
        for index, request in enumerate(requests):
            try:
                feeds.append((index, self._inputs(request)))
            except Exception as error:  # a clear per-request error, never a crashed batch
                responses[index] = pb_utils.InferenceResponse(error=pb_utils.TritonError(str(error)))
        groups = self._groups(feeds)
        for group in groups:
            try:
                if len(group) == 1:
                    index, feed = group[0]
                    responses[index] = self._respond(requests[index], self._run(feed))
                    continue
                joined = {
                    name: np.concatenate([feed[name] for _, feed in group], axis=0)
                    for name in self.input_names
                }
                outputs = self._run(joined)
                start = 0
                for index, feed in group:
                    size = feed[self.input_names[0]].shape[0]
                    part = {name: value[start:start + size] for name, value in outputs.items()}
                    responses[index] = self._respond(requests[index], part)
                    start += size
            except Exception as error:
                for index, _ in group:
                    responses[index] = pb_utils.InferenceResponse(
                        error=pb_utils.TritonError(f"ONNX Runtime run failed: {error}")
                    )
        return responses

    def _groups(self, feeds):
        """Requests that can share one run: same non-batch shapes (only when batching is on)."""
        if self.max_batch_size == 0:
            return [[entry] for entry in feeds]
        groups = {}
        for index, feed in feeds:
            key = tuple((name, feed[name].shape[1:], feed[name].dtype.str) for name in self.input_names)
            groups.setdefault(key, []).append((index, feed))
        return list(groups.values())

    def finalize(self):
        self.session = None
