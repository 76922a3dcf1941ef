/**
 * The `deno task models:import --help` text.
 *
 * @module
 */

/** What `--help` prints. */
export const IMPORT_HELP = `Usage: deno task models:import <kind> [flags]

Turns your own models into served ones: writes MODEL_REPOSITORY/<name>/config.pbtxt (generated
from the model's real ONNX graph) and <name>/1/model.onnx, and for a voice VOICES_DIR/<name>/
(its config and lipstream.json naming the repository model). Everything written is checked like
check:models does and loaded into ONNX Runtime first; on any error nothing is written.

Kinds:
  wav2lip --checkpoint X.pth [--name wav2lip] [--fp16|--int8] [--gpu]
      A Wav2Lip or Wav2Lip-GAN checkpoint, exported to ONNX and verified against PyTorch.
      The server uses the model named wav2lip (or WAV2LIP_MODEL).
  vits --checkpoint G.pth --config config.json --name NAME [--speaker S] [--streaming]
       [--fp16|--int8] [--gpu]
      A VITS or VITS-fast-fine-tuning generator and its config, exported and verified.
      --speaker bakes one speaker (a name from the config's speakers, or an id) into the export.
      --streaming also exports the encoder + chunked decoder pair as NAME_encoder, NAME_decoder.
  piper --onnx x.onnx --config x.onnx.json --name NAME [--gpu]
      A Piper voice (already ONNX).
  onnx --onnx model.onnx --name NAME [--config voice.json] [--gpu]
      An already exported model of either kind, told apart by its tensors; a voice needs its
      config (VITS config.json or Piper .onnx.json).

Flags:
  --name NAME        model and voice name (letters, digits, _ . -)
  --fp16, --int8     reduced precision (fp16 for GPUs, int8 ONNX Runtime quantization for CPUs);
                     the exporter reports the error against fp32
  --gpu              instance_group KIND_GPU instead of KIND_CPU (for Triton)
  --repository DIR   the model repository (default: MODEL_REPOSITORY, else generated/models)
  --voices DIR       the voices folder (default: VOICES_DIR, else generated/voices)
  --force            replace a model or voice of the same name
  --help             this text

Checkpoint kinds run infra/export/export.py in the project's Python environment
(scripts/python_env.sh installs it on first use). Errors are one line; the exit status is 1.
`;
