#!/usr/bin/env python3
"""Prints bench/run's summary table from the JSON files ingest_bench and run_pipeline.py wrote.

    python3 bench/summarize.py --work DIR --sizes 1000,10000 [--repeat R] [--pipeline-repeat R]

DIR holds ingest-N.json and pipeline-N.json for every size N (bench/run's results folder).
docs/performance.md (bench/report.py) is the full report; this is the terminal's short one.
"""
from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import sys


def machine() -> str:
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    import machine as m  # bench/machine.py: one description of the machine for every bench script
    return m.line()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=pathlib.Path, required=True)
    ap.add_argument("--sizes", required=True)
    ap.add_argument("--repeat", default="?")
    ap.add_argument("--pipeline-repeat", default="?")
    ap.add_argument("--seed", default="?")
    ap.add_argument("--build-type", default="?")
    ap.add_argument("--elapsed", default="?")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    ing = {n: json.loads((a.work / f"ingest-{n}.json").read_text()) for n in sizes}
    pip = {n: json.loads((a.work / f"pipeline-{n}.json").read_text()) for n in sizes}

    print("=" * 100)
    print(f"ingest benchmark summary, {datetime.date.today().isoformat()}")
    print(f"machine: {machine()}")
    try:
        print(f"load average at the end: {open('/proc/loadavg').read().split()[:3]} (others' load per phase below)")
    except OSError:
        pass
    print(f"build: {a.build_type}; medians of {a.repeat} (ingest_bench) and {a.pipeline_repeat} (pipeline) "
          f"runs; pages seed {a.seed}; whole run {a.elapsed} s")
    print("=" * 100)
    threads = sorted({int(t) for n in sizes for t in ing[n]["speedup"]})
    hdr = f"{'':34s}" + "".join(f"{n:>16,d} pages" for n in sizes)
    print(hdr)

    def row(label: str, fn) -> None:
        print(f"{label:34s}" + "".join(f"{fn(n):>22s}" for n in sizes))

    row("input", lambda n: f"{ing[n]['bytes'] / 1e6:.1f} MB")
    row("gumbo bare, 1 thread", lambda n: f"{ing[n]['phases']['gumbo']['pages_per_s']:.0f} p/s {ing[n]['phases']['gumbo']['mb_per_s']:.1f} MB/s")
    row("gumbo max_errors=0, 1 thread", lambda n: f"{ing[n]['phases']['gumbo_noerr']['pages_per_s']:.0f} p/s {ing[n]['phases']['gumbo_noerr']['mb_per_s']:.1f} MB/s"
        if "gumbo_noerr" in ing[n]["phases"] else "n/a")
    row("ours (normalise_page), 1 thread", lambda n: f"{ing[n]['phases']['ours']['pages_per_s']:.0f} p/s {ing[n]['phases']['ours']['mb_per_s']:.1f} MB/s")
    def par(n: int, t: int, fn) -> str:  # a figure of c(t), or "-" where the size ran without it
        ph = ing[n]["phases"].get(f"ours_t{t}")
        return fn(ph) if ph else "-"

    for t in threads:
        row(f"ours, {t} thread(s)", lambda n, t=t: par(n, t, lambda ph: f"{ph['pages_per_s']:.0f} p/s {ph['mb_per_s']:.1f} MB/s"))
    row("  others' load during b / c(max)", lambda n: f"{ing[n]['phases']['ours']['other_cores']:.2f} / "
        + (par(n, threads[-1], lambda ph: f"{ph['other_cores']:.2f}") if threads else "-") + " cores")
    row("RATIO ours/gumbo, 1 core (>=0.8)", lambda n: f"{ing[n]['ratio']:.2f} ({ing[n]['ratio_min']:.2f}..{ing[n]['ratio_max']:.2f})")
    row("ratio ours/gumbo max_errors=0", lambda n: f"{ing[n]['ratio_noerr']:.2f}" if "ratio_noerr" in ing[n] else "n/a")
    for t in threads:
        row(f"speed-up on {t} thread(s)", lambda n, t=t: f"{ing[n]['speedup'][str(t)]:.2f}x ({100 * ing[n]['speedup'][str(t)] / t:.0f}%)"
            if str(t) in ing[n]["speedup"] else "-")
    for t in threads:
        row(f"CPU per page, b / c({t}) (1.00=ideal)", lambda n, t=t: f"{ing[n]['cpu_efficiency'][str(t)]:.2f}"
            if str(t) in ing[n].get("cpu_efficiency", {}) else "-")
    row("pages with a record", lambda n: f"{ing[n]['records']} / {ing[n]['pages']}")
    row("ingest_bench peak RSS", lambda n: f"{ing[n]['peak_rss_kb'] / 1024:.0f} MB ({ing[n]['rss_loaded_kb'] / 1024:.0f} loaded)")
    row("pipeline run, wall", lambda n: f"{pip[n]['wall_s']:.2f} s")
    row("pipeline run, throughput", lambda n: f"{pip[n]['pages_per_s']:.0f} p/s {pip[n]['mb_per_s']:.1f} MB/s")
    row("pipeline run, CPU used (others)", lambda n: f"{pip[n]['cpu_cores']:.2f} ({pip[n].get('other_cores', 0):.2f}) cores")
    row("pipeline run, peak RSS", lambda n: f"{pip[n]['peak_rss_kb_median'] / 1024:.1f} MB")
    row("pipeline run, taken / aside", lambda n: f"{pip[n]['archived']} / {pip[n]['rejected']}")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        g = pip[hi]["peak_rss_kb_median"] / pip[lo]["peak_rss_kb_median"]
        verdict = "flat" if g < 1.25 else "GROWS with the page count"
        print(f"\npipeline peak RSS {hi:,} vs {lo:,} pages: x{g:.2f} for x{hi / lo:.0f} the pages ({verdict})")
        print(f"pipeline throughput {hi:,} vs {lo:,} pages: x{pip[hi]['pages_per_s'] / pip[lo]['pages_per_s']:.2f}")
    worst = min(ing[n]["ratio"] for n in sizes)
    print(f"ratio ours/gumbo on one core: {'meets' if worst >= 0.8 else 'BELOW'} the 0.8 target "
          f"(worst size {worst:.2f}); per style at {sizes[0]:,} pages: "
          + ", ".join(f"{s} {r:.2f}" for s, r in sorted(ing[sizes[0]]["style_ratio"].items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
