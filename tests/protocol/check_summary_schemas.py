#!/usr/bin/env python3
"""Validates the period summary's golden files against its JSON Schemas (2020-12).

Every section has docs/schemas/summary/<section>.schema.json and a golden file
crates/sync/tests/fixtures/summary/<section>.json (the demo cooperative's fiscal year 1404); each
whole-summary golden file (summary-*.json) is validated section by section too, and must have
exactly the sections there are schemas for. Prints one line per section and exits 1 on any failure.

Run by the protocol tier with target/protocol-venv (jsonschema installed there).
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schemas" / "summary"
FIXTURES = ROOT / "crates" / "sync" / "tests" / "fixtures" / "summary"


def errors_of(validator, instance):
    return [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    ]


def main():
    failed = False
    schemas = sorted(SCHEMAS.glob("*.schema.json"))
    if not schemas:
        print(f"FAIL no schemas in {SCHEMAS}")
        return 1
    validators = {}
    for path in schemas:
        section = path.name.removesuffix(".schema.json")
        schema = json.loads(path.read_text(encoding="utf-8"))
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as e:  # noqa: BLE001 - any schema error is a failure to report
            print(f"FAIL {section}: the schema itself is invalid: {e}")
            failed = True
            continue
        validators[section] = Draft202012Validator(schema)

    wholes = sorted(FIXTURES.glob("summary-*.json"))
    if not wholes:
        print(f"FAIL no whole-summary golden file (summary-*.json) in {FIXTURES}")
        failed = True
    summaries = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in wholes}
    for name, summary in summaries.items():
        if set(summary) != set(validators):
            print(f"FAIL {name}: sections {sorted(summary)} but schemas for {sorted(validators)}")
            failed = True

    for section, validator in validators.items():
        problems = []
        checked = []
        fixture = FIXTURES / f"{section}.json"
        if fixture.exists():
            problems += [f"{fixture.name} {m}" for m in errors_of(validator, json.loads(fixture.read_text(encoding="utf-8")))]
            checked.append(fixture.name)
        else:
            problems.append(f"{fixture.name} is missing")
        for name, summary in summaries.items():
            if section in summary:
                problems += [f"{name} {m}" for m in errors_of(validator, summary[section])]
                checked.append(f"{name}[{section}]")
        if problems:
            failed = True
            print(f"FAIL {section}: " + "; ".join(problems))
        else:
            print(f"ok   {section}: {', '.join(checked)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
