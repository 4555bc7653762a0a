"""Checks `export tools --json` and `export comparisons --json` against a hand-written
expected/tools.tsv, and the promises that hold for any catalogue: unique ids and slugs, no
comparison of a tool with itself or with an alias, each pair once, every slug resolving.

usage: check_catalogue.py TOOLS.json COMPARISONS.json [EXPECTED_TOOLS.tsv]"""
import json
import sys


def main():
    tools = json.load(open(sys.argv[1], encoding="utf-8"))
    comparisons = json.load(open(sys.argv[2], encoding="utf-8"))
    problems = []
    slugs = [t["slug"] for t in tools]
    ids = [t["id"] for t in tools]
    if len(set(slugs)) != len(slugs) or len(set(ids)) != len(ids):
        problems.append("tool ids or slugs are not unique")
    required = {"id", "slug", "name", "aliases", "vendor", "category", "kind", "parameter_sizes", "license",
                "price", "tagline", "description", "sources", "conflicts", "merged_from"}
    for t in tools:
        if not required <= t.keys():
            problems.append(f"{t.get('name')}: missing keys {sorted(required - t.keys())}")
    by_slug = {t["slug"]: t for t in tools}
    pairs = set()
    for c in comparisons:
        for key in ("slug", "a", "b", "category", "published_on", "reason"):
            if key not in c:
                problems.append(f"comparison {c.get('slug')}: no {key}")
        a, b = by_slug.get(c["a"]), by_slug.get(c["b"])
        if a is None or b is None:
            problems.append(f"{c['slug']}: names a tool slug that does not exist")
            continue
        if a is b:
            problems.append(f"{c['slug']}: compares {a['name']} with itself")
        if a["name"] in b["aliases"] or b["name"] in a["aliases"]:
            problems.append(f"{c['slug']}: compares a tool with one of its aliases")
        pair = tuple(sorted((c["a"], c["b"])))
        if pair in pairs:
            problems.append(f"{c['slug']}: the pair is published twice")
        pairs.add(pair)
    if len(sys.argv) > 3:
        want = {}
        for line in open(sys.argv[3], encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            name, aliases, conflicts = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            want[name] = ([a for a in aliases.split(";") if a], [c for c in conflicts.split(";") if c])
        got = {t["name"]: (sorted(t["aliases"]), sorted(c["field"] for c in t["conflicts"])) for t in tools}
        for name in sorted(want.keys() | got.keys()):
            if name not in got:
                problems.append(f"expected tool {name!r} is missing")
            elif name not in want:
                problems.append(f"unexpected tool {name!r} (aliases {got[name][0]})")
            elif got[name] != (sorted(want[name][0]), sorted(want[name][1])):
                problems.append(f"{name}: got aliases/conflicts {got[name]}, want {want[name]}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
