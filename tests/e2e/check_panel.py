"""Checks the panel reviews and community votes as the pipeline attached them (`status --json`:
"panel" by tool slug, "reviews_waiting", "votes_waiting", "row_problems") against a hand-written
expected file, with tools named by their display name (`export tools --json` gives the slugs).

usage: check_panel.py TOOLS.json STATUS.json EXPECTED.tsv

EXPECTED.tsv, one line each, TAB-separated ('#' lines are comments):
  tool  NAME  REVIEWER=VERDICT;...  OLDER  SHIP/TOTAL     the counting verdicts (panel order does
                                                          not matter here), the older reviews
                                                          kept, the community tally ("0/0": none)
  waiting-review  FILE:LINE  REVIEWER  TOOL                a review that waits for its tool
  waiting-votes   TOOL  VOTES                              votes waiting for an unknown tool name
  row-problem     FILE  LINE                               a bad row of a taken file
Every live tool must be listed; the waiting lists and row problems must match exactly."""
import json
import sys


def main():
    tools = json.load(open(sys.argv[1], encoding="utf-8"))
    status = json.load(open(sys.argv[2], encoding="utf-8"))
    slug_of = {t["name"]: t["slug"] for t in tools}
    want_tools, want_waiting, want_votes, want_rows = {}, set(), set(), set()
    for line in open(sys.argv[3], encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if f[0] == "tool":
            verdicts = dict(v.split("=") for v in f[2].split(";") if v)
            want_tools[f[1]] = (verdicts, int(f[3]), f[4])
        elif f[0] == "waiting-review":
            want_waiting.add((f[1], f[2], f[3]))
        elif f[0] == "waiting-votes":
            want_votes.add((f[1], int(f[2])))
        elif f[0] == "row-problem":
            want_rows.add((f[1], int(f[2])))
        else:
            raise SystemExit(f"bad line in {sys.argv[3]}: {line!r}")

    problems = []
    panel = status.get("panel", {})
    for name in sorted(want_tools.keys() | slug_of.keys()):
        if name not in slug_of:
            problems.append(f"expected tool {name!r} is not in the catalogue")
            continue
        if name not in want_tools:
            problems.append(f"tool {name!r} is not in the expected file")
            continue
        p = panel.get(slug_of[name])
        if p is None:
            problems.append(f"{name}: no panel entry in status --json")
            continue
        got = (p["reviews"], p["older"], f'{p["community"]["ship"]}/{p["community"]["total"]}')
        if got != want_tools[name]:
            problems.append(f"{name}: got {got}, want {want_tools[name]}")
        ship = sum(1 for v in p["reviews"].values() if v == "ship")
        if (p["panel"]["ship"], p["panel"]["total"]) != (ship, len(p["reviews"])):
            problems.append(f"{name}: panel tally {p['panel']} does not match its verdicts {p['reviews']}")
    got_waiting = {(f'{w["file"]}:{w["line"]}', w["reviewer"], w["tool"]) for w in status.get("reviews_waiting", [])}
    if got_waiting != want_waiting:
        problems.append(f"reviews waiting: got {sorted(got_waiting)}, want {sorted(want_waiting)}")
    got_votes = {(w["tool"], w["votes"]) for w in status.get("votes_waiting", [])}
    if got_votes != want_votes:
        problems.append(f"votes waiting: got {sorted(got_votes)}, want {sorted(want_votes)}")
    got_rows = {(n["file"], n["line"]) for n in status.get("row_problems", [])}
    if got_rows != want_rows:
        problems.append(f"row problems: got {sorted(got_rows)}, want {sorted(want_rows)}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
