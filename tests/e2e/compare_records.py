"""Checks exported records against hand-written expectations (tests/e2e/cases/*/expected).

usage: compare_records.py EXPORT.json EXPECTED_RECORDS.json

Each expected object names a source_file and any subset of keys; the record from that file must
agree on every key given. Strings compare exactly, except: "description_prefix" (a prefix),
"license" (the SPDX id, or a case-insensitive part of the licence name), "parameter_sizes" (the
list of labels), "price" (a subset of the price object). Every file with an expectation must have
exactly one record, and no record may come from a file without one.
"""
import json
import sys


def check(rec, exp):
    errors = []
    for key, want in exp.items():
        if key == "source_file":
            continue
        if want is None:  # null: the field must be absent
            if key in rec and rec[key] is not None:
                errors.append(f"{key} is {rec[key]!r}, expected absent")
            continue
        if key == "description_prefix":
            got = rec.get("description") or ""
            if not got.startswith(want):
                errors.append(f"description {got[:80]!r} does not start with {want!r}")
        elif key == "license":
            lic = rec.get("license") or {}
            spdx, name = lic.get("spdx") or "", lic.get("name") or ""
            if want != spdx and want.lower() not in name.lower():
                errors.append(f"license {lic!r} is not {want!r}")
        elif key == "parameter_sizes":
            got = [s["label"] for s in (rec.get("parameter_sizes") or [])]
            if got != want:
                errors.append(f"parameter_sizes {got!r} != {want!r}")
        elif key == "price":
            got = rec.get("price") or {}
            for k, v in want.items():
                if got.get(k) != v:
                    errors.append(f"price.{k} {got.get(k)!r} != {v!r}")
        else:
            if rec.get(key) != want:
                errors.append(f"{key} {rec.get(key)!r} != {want!r}")
    return errors


def main():
    records = json.load(open(sys.argv[1], encoding="utf-8"))
    expected = json.load(open(sys.argv[2], encoding="utf-8"))
    by_file = {}
    for r in records:
        by_file.setdefault(r["source_file"], []).append(r)
    failures = 0
    for exp in expected:
        f = exp["source_file"]
        got = by_file.pop(f, [])
        if len(got) != 1:
            print(f"FAIL {f}: expected one record, got {len(got)}")
            failures += 1
            continue
        for e in check(got[0], exp):
            print(f"FAIL {f}: {e}")
            failures += 1
    for f in by_file:
        print(f"FAIL {f}: a record nobody expected")
        failures += 1
    print(f"records: {len(expected)} expected, {failures} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
