#!/usr/bin/python3
"""Validates YAML dataset files against schemas/ownertrace.schema.json, reading them with a
YAML 1.2 reader (ruamel.yaml) so that values keep their 1.2 meaning: `country: NO` is the
string "NO", not false. Dates a reader turns into date objects are compared as ISO text.
Usage: schema-check.py SCHEMA FILE..."""
import datetime
import json
import sys

import jsonschema
from ruamel.yaml import YAML


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    failed = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            data = plain(yaml.load(f))
        for error in validator.iter_errors(data):
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
