"""One entry point for every exporter: ``python infra/export/export.py <kind> [options]``.

Kinds: ``wav2lip`` (``wav2lip_export.py``) and ``vits`` (``vits_export.py``). Progress goes to
stderr; the last stdout line is one JSON report (``kind``, ``onnx``, ``max_abs_diff``,
``tolerance``, ``precision``, ``inputs``, ``outputs`` …). Any failure is one line
``export: <message>`` on stderr and exit status 2, with nothing left at ``--out``.

Example::

    .tools/venv/bin/python infra/export/export.py wav2lip --checkpoint wav2lip_gan.pth --out /tmp/model.onnx
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import warnings

KINDS = {"wav2lip": "wav2lip_export", "vits": "vits_export"}


def run(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    kind, rest = argv[0], argv[1:]
    if kind not in KINDS:
        print(f"export: unknown kind '{kind}' (expected one of: {', '.join(KINDS)})", file=sys.stderr)
        return 2
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    warnings.filterwarnings("ignore")
    from _errors import ExportError

    try:
        report = importlib.import_module(KINDS[kind]).main(rest)
    except ExportError as error:
        print(f"export: {error}", file=sys.stderr)
        return 2
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
