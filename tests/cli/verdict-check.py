#!/usr/bin/python3
"""Validates JSON Lines on stdin against a JSON Schema (schemas/verdict.schema.json): prints
"N valid" or each problem, and fails when there is one. Usage: verdict-check.py SCHEMA"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    n = 0
    bad = 0
    for number, line in enumerate(sys.stdin, 1):
        n += 1
        for error in validator.iter_errors(json.loads(line)):
            bad += 1
            print(f"line {number}: {'/'.join(map(str, error.path))}: {error.message}")
    print(f"{n} valid" if bad == 0 else f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
