"""Validates a Compose file against the Compose Specification JSON schema (draft 2019-09).

Usage: python tests/compose_validate.py SCHEMA.json compose.yaml
Prints {"errors": [...], "compose": <the parsed file>} as JSON; exit status 0 either way.
"""

import json
import sys

import jsonschema
import yaml

with open(sys.argv[1]) as file:
    schema = json.load(file)
with open(sys.argv[2]) as file:
    compose = yaml.safe_load(file)
validator = jsonschema.Draft201909Validator(schema)
errors = [
    f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
    for error in validator.iter_errors(compose)
]
print(json.dumps({"errors": errors, "compose": compose}))
