"""The one error type of the exporters: a message a user can act on, printed as one line."""


class ExportError(Exception):
    """An export that cannot go on: a corrupt checkpoint, a wrong kind, a mismatched config.

    The CLI (``export.py``) prints ``export: <message>`` on stderr and exits with status 2.

    >>> str(ExportError("checkpoint: no 'state_dict'"))
    "checkpoint: no 'state_dict'"
    """
