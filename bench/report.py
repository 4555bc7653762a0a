#!/usr/bin/env python3
"""Writes docs/performance.md from the JSON results of bench/run.

    python3 bench/report.py RESULTS [RESULTS...] [--out docs/performance.md]

Each RESULTS folder is what one `bench/run` wrote: run.json and run-end.json (the command, the
options, when), steps.jsonl (each step: status, elapsed, load average before and after),
machine-start.json and machine-end.json (bench/machine.py), and one file per stage and size,
STAGE-N.json, in that benchmark's own format (ingest_bench --json, run_pipeline.py --json,
dedupe_bench --json, run_site.sh --json, run_digest.sh --json). Given several folders, a stage
and size measured in more than one is taken from the last folder named: rerun a step that
failed, then merge (`report.py FULL_RUN RERUN --out docs/performance.md`). The machine
described is the first folder's.

The page is overwritten. It has: how to read it; the machine; a summary at the largest size
(the slowest stage and its share); growth with the input per stage; one table per stage
(time, throughput, CPU, peak RSS, the CPU other processes used, the peer and the ratio); and
the runs the figures come from. Exit status: 0 written; 1 no results found; 2 bad arguments.
"""
from __future__ import annotations

import argparse
import datetime
import json
import math
import pathlib
import re
import statistics
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
STAGES = ["ingest", "pipeline", "dedupe", "site", "digest"]
MIB = 1 << 20

# What each stage times, its unit and its peer: the preamble of each section.
ABOUT = {
    "ingest": dict(
        title="Ingest: reading scraped pages, ours vs gumbo's bare parse (one thread)",
        unit="pages", peer="gumbo bare parse", bench="`ingest_bench` (bench/ingest_bench.cpp)",
        readme="#what-each-piece-measures",
        what="Every page is read into memory first (not timed). **Ours** is `tv::normalise_page` "
             "(decode, gumbo, the pugixml copy, extraction, field parsing) on one thread; the **peer** "
             "is gumbo's bare parse of the same bytes (`gumbo_parse` + `gumbo_destroy_output`, default "
             "options), one thread, run interleaved with ours 16 pages at a time so a neighbour's load "
             "hits both alike. Ratio = our pages/s ÷ gumbo's (the target is ≥ 0.8). Ours leaves scripts "
             "(other than JSON-LD) and styles unparsed and gumbo's bare parse reads the whole page, so a "
             "ratio above 1 is that saving (docs/html-parsing.md), not a faster tokenizer. Peak RSS is the "
             "whole process, *including every page held in memory*; the row below it is what parsing "
             "adds on top."),
    "pipeline": dict(
        title="The nightly run end to end (`pipeline run`, all cores)",
        unit="pages", peer=None, bench="`bench/run_pipeline.py`", readme="#what-each-piece-measures",
        what="The real `pipeline run` as a child process on a fresh inbox holding the pages (copied "
             "in beforehand, not timed): claim, read, hash, sniff, normalise on every core, SQLite, "
             "the moves to the archive, then the catalogue and the site as every night. Peak RSS and "
             "CPU are the child's (`wait4`). No peer: this is the whole job."),
    "dedupe": dict(
        title="Dedupe and pairing (`catalogue::build`)",
        unit="records", peer=None, bench="`dedupe_bench` (bench/dedupe_bench.cpp, bench/run_dedupe.sh)",
        readme="#dedupe-and-pairing-cataloguebuild",
        what="The first night: `tv::catalogue::build` clustering N stored records from scratch into "
             "canonical tools and pairing them (no history); the next night (the steady state, with "
             "the first night's tools as history) is shown beside it. Records are loaded first (not "
             "timed); peak RSS (VmHWM) is the whole process, *including the records as JSON text*. "
             "MB/s is over the records' JSON. No peer."),
    "site": dict(
        title="The site: ours vs Hugo on the same comparison pages",
        unit="comparisons", peer="Hugo", bench="`site_bench` + `hugo` (bench/run_site.sh)",
        readme="#the-site-against-hugo-benchrun_sitesh",
        what="N comparison pages (over about N/4 tools) rendered and published into a fresh folder: "
             "**ours** is the nightly run's own site step (load the data, render with the shipped "
             "templates, publish a generation, which ends with a `syncfs`), the **peer** is `hugo` "
             "building the same pages from the same data laid out as content files (it does not "
             "sync). Both write to the work folder's disk; rounds alternate the order. Ratio = our "
             "pages/s ÷ Hugo's (above 1: ours faster). MB/s is over the pages written."),
    "digest": dict(
        title="The digest over SMTP: ours vs Postfix's smtp-source",
        unit="readers", peer="smtp-source -d -s 1", bench="`pipeline digest --send` (bench/run_digest.sh)",
        readme="#digest-over-smtp",
        what="This week's digest mailed to N readers into Postfix's `smtp-sink` on loopback: **ours** "
             "is the whole `pipeline digest --send` process (start-up, the letter, queueing N ledger "
             "rows, sending over one libcurl connection, the journal); the **peer** is "
             "`smtp-source -d -s 1` sending the very same message N times over one connection. "
             "Ratio = our messages/s ÷ smtp-source's (the target is ≥ 0.5). MB/s is the messages' "
             "bytes on the wire."),
}


# ---- numbers ----------------------------------------------------------------------------------
def secs(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if x < 1:
        return f"{x:.3f} s"
    if x < 10:
        return f"{x:.2f} s"
    if x < 100:
        return f"{x:.1f} s"
    if x < 600:
        return f"{x:.0f} s"
    return f"{x:.0f} s ({x / 60:.1f} min)"


def num(x: float | None, unit: str = "") -> str:
    if x is None:
        return "–"
    if x >= 100:
        s = f"{x:,.0f}"
    elif x >= 10:
        s = f"{x:.1f}"
    else:
        s = f"{x:.2f}"
    return f"{s} {unit}".strip()


def mib(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x / 1024:.2f} GiB" if x >= 10 * 1024 else f"{x:,.0f} MiB" if x >= 100 else f"{x:.1f} MiB"


def ratio(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def size_label(n: int) -> str:
    return f"{n:,}"


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# ---- one row per stage and size -----------------------------------------------------------------
class Row:
    """One stage at one size, in common terms. wall etc. are ours; peer_* the peer's."""

    def __init__(self, stage: str, n: int, src: dict):
        self.stage, self.n, self.src = stage, n, src
        self.repeat = None
        self.wall = self.wall_min = self.wall_max = self.cpu = None
        self.rate = self.mbps = self.rss = self.others = None
        self.peer_wall = self.peer_rate = self.peer_mbps = self.peer_cpu = self.peer_rss = None
        self.ratio = self.ratio_min = self.ratio_max = None
        self.extra: list[tuple[str, str]] = []  # more rows for the stage's own table
        self.step: dict = {}
        self.run_index = 0


def from_ingest(n: int, d: dict) -> Row:
    r = Row("ingest", n, d)
    ph = d["phases"]
    ours, peer = ph["ours"], ph["gumbo"]
    r.repeat = d.get("repeat")
    r.wall = ours["median_s"]
    r.wall_min = ours.get("min_s", min(ours.get("runs", [r.wall])))
    r.wall_max = ours.get("max_s", max(ours.get("runs", [r.wall])))
    r.cpu = ours.get("cpu_s", ours["median_s"] * ours.get("own_cores", 1))
    r.rate, r.mbps, r.others = ours["pages_per_s"], ours["mb_per_s"], ours.get("other_cores")
    r.rss = d["peak_rss_kb"] / 1024
    r.peer_wall, r.peer_rate, r.peer_mbps = peer["median_s"], peer["pages_per_s"], peer["mb_per_s"]
    r.peer_cpu = peer.get("cpu_s", peer["median_s"] * peer.get("own_cores", 1))
    r.ratio, r.ratio_min, r.ratio_max = d["ratio"], d.get("ratio_min"), d.get("ratio_max")
    r.extra.append(("input", f"{d['bytes'] / 1e6:,.1f} MB"))
    r.extra.append(("peak RSS beyond the loaded pages", mib(max(0, d["peak_rss_kb"] - d.get("rss_loaded_kb", 0)) / 1024)))
    r.extra.append(("pages that yielded a record", f"{d['records']:,} of {d['pages']:,}"))
    for t, s in sorted(d.get("speedup", {}).items(), key=lambda kv: int(kv[0])):
        c = ph.get(f"ours_t{t}", {})
        r.extra.append((f"ours on {t} threads: pages/s (speed-up over one)",
                        f"{num(c.get('pages_per_s'))} ({s:.2f}×; others {c.get('other_cores', 0):.2f})"))
    if "decode" in ph and "parse" in ph and "extract" in ph:
        all_ = ours["median_s"]
        d_, p_, x_ = ph["decode"]["median_s"], ph["parse"]["median_s"], ph["extract"]["median_s"]
        r.extra.append(("where our time goes: decode / parse_html / extract / fields",
                        f"{100 * d_ / all_:.0f}% / {100 * (p_ - d_) / all_:.0f}% / {100 * (x_ - p_) / all_:.0f}% / "
                        f"{100 * (all_ - x_) / all_:.0f}%"))
    if d.get("style_ratio"):
        r.extra.append(("ratio per page style", ", ".join(f"{k} {v:.2f}" for k, v in sorted(d["style_ratio"].items()))))
    return r


def from_pipeline(n: int, d: dict) -> Row:
    r = Row("pipeline", n, d)
    r.repeat = d.get("repeat")
    r.wall = d["wall_s"]
    r.wall_min = d.get("min_s", min(d.get("runs_s", [r.wall])))
    r.wall_max = d.get("max_s", max(d.get("runs_s", [r.wall])))
    r.cpu = d.get("cpu_s", d.get("cpu_cores", 0) * r.wall)
    r.rate, r.mbps, r.others = d["pages_per_s"], d["mb_per_s"], d.get("other_cores")
    r.rss = d["peak_rss_kb_median"] / 1024
    r.extra.append(("input", f"{d['bytes'] / 1e6:,.1f} MB"))
    r.extra.append(("cores used (CPU ÷ wall)", f"{d.get('cpu_cores', 0):.2f}"))
    if d.get("peak_rss_kb_max") and d["peak_rss_kb_max"] != d["peak_rss_kb_median"]:
        r.extra.append(("peak RSS, largest of the runs", mib(d["peak_rss_kb_max"] / 1024)))
    r.extra.append(("pages filed: archived / moved aside", f"{d.get('archived', 0):,} / {d.get('rejected', 0):,}"))
    return r


def from_dedupe(n: int, d: dict) -> Row:
    r = Row("dedupe", n, d)
    f, nx = d["first"], d.get("next", {})
    r.repeat = d.get("repeat")
    r.wall, r.wall_min, r.wall_max = f["median_s"], f["min_s"], f["max_s"]
    r.cpu = f.get("cpu_median_s")
    r.rate = n / r.wall if r.wall else None
    r.mbps = d["bytes"] / 1e6 / r.wall if r.wall and d.get("bytes") else None
    r.others = f.get("other_cores")
    r.rss = d["peak_mb"] * 1e6 / MIB
    r.extra.append(("input (records as JSON)", f"{d.get('bytes', 0) / 1e6:,.1f} MB"))
    r.extra.append(("peak RSS after loading (the input alone)", mib(d["load_peak_mb"] * 1e6 / MIB)))
    ph = f.get("phases_s", {})
    if ph:
        r.extra.append(("first night's phases: read / cluster / tools / pair",
                        " / ".join(f"{ph.get(k, 0):.2f}" for k in ("read", "cluster", "tools", "pair")) + " s"))
    r.extra.append(("tools / candidate pairs weighed / new comparisons",
                    f"{f.get('tools', 0):,} / {f.get('candidates', 0):,} / {f.get('new_comparisons', 0):,}"))
    if nx:
        r.extra.append(("next night (history): median (range), CPU",
                        f"{secs(nx['median_s'])} ({nx['min_s']:.3g}–{nx['max_s']:.3g}), {secs(nx.get('cpu_median_s'))}"))
    return r


def from_site(n: int, d: dict) -> Row:
    r = Row("site", n, d)
    o, h = d.get("ours"), d.get("hugo")
    r.repeat = d.get("repeat")
    if o:
        r.wall, r.wall_min, r.wall_max, r.cpu = o["wall_s"], o["min_s"], o["max_s"], o["cpu_s"]
        r.rate = n / r.wall
        r.mbps = o["bytes"] / 1e6 / r.wall if o.get("bytes") else None
        r.rss, r.others = o["peak_rss_mb"], o.get("other_cores")
        r.extra.append(("pages written (ours)", f"{o.get('pages') or 0:,}, {(o.get('bytes') or 0) / 1e6:,.0f} MB"))
    if h:
        r.peer_wall, r.peer_cpu, r.peer_rss = h["wall_s"], h["cpu_s"], h["peak_rss_mb"]
        r.peer_rate = n / h["wall_s"]
        r.peer_mbps = h["bytes"] / 1e6 / h["wall_s"] if h.get("bytes") else None
        r.extra.append((f"Hugo {d.get('hugo_version') or ''}: others' CPU", f"{h.get('other_cores', 0):.2f}"))
    if d.get("ratio") is not None:
        r.ratio = d["ratio"]
        pr = d.get("ratio_per_round") or []
        if pr:
            r.ratio_min, r.ratio_max = min(pr), max(pr)
    if d.get("ours_rerun"):
        rr = d["ours_rerun"]
        r.extra.append(("ours, rerun with nothing new (share of a full render)",
                        f"{secs(rr['wall_s'])} ({100 * d.get('rerun_share', 0):.1f}%)"))
    r.extra.append(("warm-up round before the timed ones", "yes" if d.get("warmup", True) else "no"))
    return r


def from_digest(n: int, d: dict) -> Row:
    r = Row("digest", n, d)
    s = d["summary"]
    o, p = s["ours"], s.get("source")
    r.repeat = d.get("repeat")
    runs = [x["wall_s"] for x in d.get("samples", {}).get("ours", [])]
    r.wall, r.cpu = o["wall_s"], o["cpu_s"]
    r.wall_min = o.get("min_s", min(runs) if runs else None)
    r.wall_max = o.get("max_s", max(runs) if runs else None)
    r.rate = o["msg_per_s"]
    msg_bytes = d.get("message_bytes") or d.get("archive_bytes")
    r.mbps = n * msg_bytes / 1e6 / r.wall if msg_bytes else None
    r.rss, r.others = o.get("peak_rss_mb"), o.get("other_cores")
    if p:
        r.peer_wall, r.peer_rate, r.peer_cpu, r.peer_rss = p["wall_s"], p["msg_per_s"], p["cpu_s"], p.get("peak_rss_mb")
        r.peer_mbps = n * msg_bytes / 1e6 / p["wall_s"] if msg_bytes else None
    if d.get("ratio") is not None:
        r.ratio = d["ratio"]
        pr = d.get("ratio_per_round") or []
        if pr:
            r.ratio_min, r.ratio_max = min(pr), max(pr)
    r.extra.append(("message size on the wire", "–" if not msg_bytes else f"{msg_bytes:,} bytes"
                    + ("" if d.get("message_bytes") else " (the archive copy)")))
    if s.get("ours-send-phase"):
        sp = s["ours-send-phase"]
        r.extra.append(("ours, the send phase alone (JSON log): msg/s", f"{num(sp['msg_per_s'])} ({secs(sp['wall_s'])})"))
    r.extra.append(("the sink's CPU during ours / during smtp-source",
                    f"{o.get('sink_cpu_s', 0):.2f} s / " + (f"{p.get('sink_cpu_s', 0):.2f} s" if p else "–")))
    if not d.get("postfix", True):
        r.extra.append(("sink", "bench/smtp_sink.py (Postfix absent): no peer, no ratio"))
    return r


ADAPT = {"ingest": from_ingest, "pipeline": from_pipeline, "dedupe": from_dedupe, "site": from_site,
         "digest": from_digest}


# ---- reading the folders ------------------------------------------------------------------------
def read_json(path: pathlib.Path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def read_runs(dirs: list[pathlib.Path]):
    runs, rows, steps = [], {}, {}
    for i, d in enumerate(dirs):
        run = {"dir": str(d), **(read_json(d / "run.json") or {}), **(read_json(d / "run-end.json") or {}),
               "machine_start": read_json(d / "machine-start.json") or {},
               "machine_end": read_json(d / "machine-end.json") or {}}
        runs.append(run)
        run["steps_s"] = 0.0
        try:
            for line in (d / "steps.jsonl").read_text().splitlines():
                st = json.loads(line)
                run["steps_s"] += float(st.get("elapsed_s") or 0)
                for n in str(st.get("n", "")).split(","):
                    if n.isdigit():
                        steps[(st["stage"], int(n))] = {**st, "run_index": i}
        except (OSError, ValueError):
            pass
        for stage in STAGES:
            for f in sorted(d.glob(f"{stage}-*.json")):
                m = re.fullmatch(rf"{stage}-(\d+)\.json", f.name)
                data = read_json(f) if m else None
                if not data:
                    continue
                st = steps.get((stage, int(m.group(1))), {})
                if data.get("failed") or (st.get("status") == "failed" and st.get("run_index") == i):
                    continue  # a step that failed may still have written its figures: not shown
                try:
                    row = ADAPT[stage](int(m.group(1)), data)
                except (KeyError, TypeError, ZeroDivisionError) as e:
                    print(f"report.py: {f}: cannot read ({e!r}); left out", file=sys.stderr)
                    continue
                row.run_index = i
                rows[(stage, row.n)] = row
    for key, row in rows.items():
        row.step = steps.get(key, {})
    return runs, rows, steps


# ---- the page -------------------------------------------------------------------------------------
def machine_section(runs: list[dict]) -> list[str]:
    m0 = runs[0]["machine_start"]
    m1 = runs[0]["machine_end"]
    if not m0:
        return ["(the machine was not recorded)"]
    v = m0.get("versions", {})
    b = m0.get("build", {})
    load = lambda m: " / ".join(f"{x:.2f}" for x in m.get("load_average", [])) or "?"
    out = [
        "| | |",
        "| --- | --- |",
        f"| cores | {m0.get('nproc')} (`nproc`){' — a virtual machine' if m0.get('virtual') == 'VM' else ''}, "
        f"shared with other people's builds and tests |",
        f"| CPU | {m0.get('cpu')} |",
        f"| memory | {m0.get('mem_gib')} GiB |",
        f"| system | {m0.get('distro')}, {m0.get('kernel')} |",
        f"| work folder | {m0.get('workdir_fs')} |",
        f"| compiler, build | {b.get('compiler')}; {b.get('type')} (`{b.get('flags') or '?'}`) |",
        f"| libraries | gumbo {v.get('gumbo')}, pugixml {v.get('pugixml')}, libcurl {v.get('libcurl')}, "
        f"SQLite {v.get('sqlite')}, utf8proc {v.get('utf8proc')} |",
        f"| peers | Hugo {v.get('hugo')}, Postfix {v.get('postfix')} (smtp-source, smtp-sink) |",
        f"| load average (1 / 5 / 15 min) | {load(m0)} at the start, {load(m1) if m1 else '?'} at the end |",
        f"| date | {m0.get('date', '?')} |",
    ]
    return out


def stage_table(stage: str, rows: list[Row], runs: list[dict]) -> list[str]:
    about = ABOUT[stage]
    unit = about["unit"]
    sizes = [r.n for r in rows]
    out = ["| | " + " | ".join(f"{size_label(n)} {unit}" for n in sizes) + " |",
           "| --- |" + " --- |" * len(sizes)]

    def line(label: str, fn):
        cells = []
        for r in rows:
            try:
                cells.append(fn(r))
            except (TypeError, KeyError, ValueError):
                cells.append("–")
        out.append(f"| {label} | " + " | ".join(cells) + " |")

    def reps(r: Row) -> str:
        return f"{r.repeat}" + (" (a single measurement)" if r.repeat == 1 else "")

    line("repeats (median of)", reps)
    line("**wall time**, median (range)", lambda r: f"**{secs(r.wall)}** ({r.wall_min:.3g}–{r.wall_max:.3g})"
         if r.wall_min is not None and r.repeat and r.repeat > 1 else f"**{secs(r.wall)}**")
    line(f"throughput, {unit}/s", lambda r: num(r.rate))
    line("throughput, MB/s", lambda r: num(r.mbps))
    line("CPU time", lambda r: secs(r.cpu))
    line("**peak RSS**", lambda r: f"**{mib(r.rss)}**")
    line("others' CPU meanwhile (cores)", lambda r: "–" if r.others is None else f"{r.others:.2f}")
    if about["peer"]:
        line(f"{about['peer']}: wall time", lambda r: secs(r.peer_wall))
        line(f"{about['peer']}: {unit}/s, MB/s", lambda r: f"{num(r.peer_rate)}, {num(r.peer_mbps)}"
             if r.peer_rate else "not measured")
        line(f"{about['peer']}: CPU time", lambda r: secs(r.peer_cpu))
        if any(r.peer_rss for r in rows):
            line(f"{about['peer']}: peak RSS", lambda r: mib(r.peer_rss))
        line("**ratio ours ÷ peer** (per repeat)", lambda r: "–" if r.ratio is None else
             f"**{r.ratio:.2f}**" + (f" ({r.ratio_min:.2f}–{r.ratio_max:.2f})" if r.ratio_min is not None
                                     and r.repeat and r.repeat > 1 else ""))
    labels = []
    for r in rows:
        for k, _ in r.extra:
            if k not in labels:
                labels.append(k)
    for k in labels:
        line(k, lambda r, k=k: dict(r.extra).get(k, "–"))
    line("load average before → after", lambda r: f"{r.step['load_before'].split()[0]} → {r.step['load_after'].split()[0]}"
         if r.step.get("load_before") else "–")
    if len(runs) > 1:
        line("from run", lambda r: f"{r.run_index + 1}")
    return out


SPEEDUPS = pathlib.Path(__file__).resolve().parent / "speedups.md"


def write(dirs: list[pathlib.Path], out_path: pathlib.Path) -> int:
    runs, rows, steps = read_runs(dirs)
    if not rows:
        print(f"report.py: no results in {', '.join(map(str, dirs))}", file=sys.stderr)
        return 1
    by_stage = {s: sorted((r for (st, _), r in rows.items() if st == s), key=lambda r: r.n) for s in STAGES}
    all_sizes = sorted({r.n for r in rows.values()})
    top = max(all_sizes)
    first = runs[0]
    # A run that was stopped has no run-end.json: count the steps it finished.
    elapsed = sum(float(r.get("elapsed_s") or r.get("steps_s") or 0) for r in runs)
    L: list[str] = []
    L += ["# Performance", "",
          "<!-- Generated by bench/report.py from the JSON results of bench/run; edit the generator, "
          "not this file, and rerun it. -->", ""]
    cmd_list = "; ".join(f"`{r.get('command', 'bench/run')}`" for r in runs)
    started = (first.get("started") or first["machine_start"].get("date", "?"))[:10]
    L += [
        "What each stage of the nightly pipeline costs at 1,000, 10,000 and 100,000 inputs, and how "
        "it compares with a well-known program doing the same job: gumbo's bare parse for reading "
        "pages, Hugo for rendering the site, Postfix's smtp-source for mailing the digest. The "
        "pages, records and readers are generated (bench/README.md says from what); every figure "
        "on this page comes from one command and nothing here is typed by hand.",
        "",
        f"Measured on {started} by {cmd_list}"
        + (f" (results merged from {len(runs)} runs: a stage and size measured twice is taken from the later run)"
           if len(runs) > 1 else "")
        + f"; the whole run took {elapsed / 60:.0f} minutes. To measure again: `bench/run build-bench` "
        "(about 75 minutes on this machine; `--quick` for a smoke run, `--stages` and `--sizes` for a "
        "part, `--merge` to fold a rerun into earlier results). To rewrite this page from the same "
        "results: `python3 bench/report.py RESULTS... --out docs/performance.md`. What each benchmark "
        "does is in [bench/README.md](../bench/README.md).",
        "",
        "## How to read it",
        "",
        "- **Wall time** is the median over the repeats, with the range beside it. At 100,000 most "
        "stages run **once** (a pass takes minutes): those figures are single measurements, marked "
        "so, and move by ±20% from run to run on this machine.",
        "- **Throughput** is inputs per second (pages, records, comparisons or readers: each table "
        "says which) and MB/s where the input is bytes.",
        "- **CPU time** is what the measured process used, user + system; more than the wall time "
        "means it used more than one core.",
        "- **Peak RSS** is the measured process's high-water mark (`ru_maxrss` from `wait4`, or "
        "`VmHWM`), in MiB. Where a benchmark holds its whole input in memory (ingest, dedupe) the "
        "input is included, and said so.",
        "- **Others' CPU** is what every *other* process on the machine used per second meanwhile "
        "(from `/proc/stat`): 1.0 is a whole core taken by someone else. This machine is shared, "
        "so absolute times are noisy; the **ratios** against a peer are measured side by side, "
        "alternating or interleaved within one run, and are the figures to trust.",
        "- **Ratio** is our throughput ÷ the peer's on the same input (above 1: ours is faster).",
        "- **Growth** is the time (and memory) at one size over the time at the size ten times "
        "smaller: ×10 is linear; much more means something grows worse than linearly.",
        "",
        "## The machine",
        "",
    ]
    L += machine_section(runs)
    L += [""]

    # ---- summary at the largest size ----
    L += [f"## Summary: the slowest stage at {size_label(top)}", ""]
    at_top = [by_stage[s][-1] for s in STAGES if by_stage[s] and by_stage[s][-1].n == top and by_stage[s][-1].wall]
    total = sum(r.wall for r in at_top)
    L += ["| stage | what is timed | repeats | wall time | share | throughput | CPU time | peak RSS | others' CPU | ratio to peer |",
          "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    short = {"ingest": "read pages into records, one thread", "pipeline": "`pipeline run`, all cores",
             "dedupe": "first night's `catalogue::build`", "site": "render + publish comparison pages",
             "digest": "`digest --send` to readers"}
    for r in sorted(at_top, key=lambda r: -r.wall):
        peer = ABOUT[r.stage]["peer"]
        L.append(f"| {r.stage} | {short[r.stage]} | {r.repeat} | {secs(r.wall)} | {100 * r.wall / total:.0f}% | "
                 f"{num(r.rate)} {ABOUT[r.stage]['unit']}/s | {secs(r.cpu)} | {mib(r.rss)} | "
                 + ("–" if r.others is None else f"{r.others:.2f}") + " | "
                 + (f"{r.ratio:.2f} ({peer})" if r.ratio is not None else "–") + " |")
    missing = [s for s in STAGES if not (by_stage[s] and by_stage[s][-1].n == top)]
    L.append("")
    if at_top:
        slow = max(at_top, key=lambda r: r.wall)
        L.append(f"**Slowest at {size_label(top)}: {slow.stage}**, {secs(slow.wall)}, "
                 f"{100 * slow.wall / total:.0f}% of the {len(at_top)} stages' wall time together "
                 f"({secs(total)}). The share is of these measurements side by side, not of one night: "
                 "`ingest` is one thread by design (the comparison with gumbo), and `pipeline` runs the "
                 "same reading on every core as part of the whole nightly job, so the two overlap; "
                 "each stage's unit differs (pages, records, comparisons, readers).")
    if missing:
        L.append("")
        L.append(f"Not measured at {size_label(top)}: {', '.join(missing)}.")
    L.append("")

    # ---- what was made faster: A/B measurements of single changes, kept by hand in
    # bench/speedups.md (each with the command that measured it), included as written ----
    if SPEEDUPS.exists():
        L += SPEEDUPS.read_text().rstrip("\n").splitlines() + [""]

    # ---- growth ----
    L += ["## Growth with the input", "",
          "Time and peak RSS at each size over the size ten times smaller (×10 is linear). "
          "Peak RSS includes the input where the benchmark holds it (ingest, dedupe).", "",
          "| stage | " + " | ".join(f"{size_label(a)} → {size_label(b)}" + ("" if b == 10 * a else f" (×{b / a:.3g})")
                                   for a, b in zip(all_sizes, all_sizes[1:]))
          + " | throughput " + " / ".join(size_label(n) for n in all_sizes) + " |",
          "| --- |" + " --- |" * (len(all_sizes) - 1) + " --- |"]
    for s in STAGES:
        rs = {r.n: r for r in by_stage[s]}
        if not rs:
            continue
        cells = []
        for a, b in zip(all_sizes, all_sizes[1:]):
            ra, rb = rs.get(a), rs.get(b)
            if ra and rb and ra.wall and rb.wall and ra.rss and rb.rss:
                cells.append(f"time ×{rb.wall / ra.wall:.1f}, memory ×{rb.rss / ra.rss:.2f}")
            else:
                cells.append("–")
        thr = " / ".join(num(rs[n].rate) if n in rs else "–" for n in all_sizes)
        L.append(f"| {s} | " + " | ".join(cells) + f" | {thr} {ABOUT[s]['unit']}/s |")
    L.append("")

    # ---- one section per stage ----
    for s in STAGES:
        about = ABOUT[s]
        L += [f"## {about['title']}", ""]
        if not by_stage[s]:
            why = [st for (stage, _), st in steps.items() if stage == s]
            if any(s in str(r.get("skipped", "")).split() for r in runs):
                L += ["Skipped: `../shared/corpus` was absent (this stage's inputs are built from its real rows).", ""]
            else:
                L += [("Not measured" + (f" ({why[-1].get('status')}; see the step's log)" if why else "")
                       + "."), ""]
            continue
        L += [f"{about['what']} Benchmark: {about['bench']}, "
              f"[bench/README.md](../bench/README.md{about['readme']}).", ""]
        L += stage_table(s, by_stage[s], runs)
        L.append("")

    # ---- steps that did not finish, and the runs ----
    bad = [(k, st) for k, st in sorted(steps.items()) if st.get("status") != "ok" and k not in rows]
    if bad:
        L += ["## Steps without figures", "", "| stage | size | status | exit | log |", "| --- | --- | --- | --- | --- |"]
        for (stage, n), st in bad:
            L.append(f"| {stage} | {size_label(n)} | {st.get('status')} | {st.get('exit')} | "
                     f"`{pathlib.Path(runs[st['run_index']]['dir']) / st.get('log', '')}` |")
        L.append("")
    L += ["## The runs", "", "| run | command | started | took | estimated | load average at start → end | results |",
          "| --- | --- | --- | --- | --- | --- | --- |"]
    for i, r in enumerate(runs):
        la = lambda m: " ".join(f"{x:.2f}" for x in m.get("load_average", [])) or "?"
        took = (f"{float(r['elapsed_s']) / 60:.0f} min" if r.get("elapsed_s") else
                f"stopped after {r['steps_s'] / 60:.0f} min of steps" if r.get("steps_s") else "?")
        est = f"{math.ceil(float(r['estimate_s']) / 60)} min" if r.get("estimate_s") else "?"
        L.append(f"| {i + 1} | `{r.get('command', '?')}` | {r.get('started', '?')} | {took} | {est} | "
                 f"{la(r['machine_start'])} → {la(r['machine_end'])} | `{r['dir']}` |")
    L.append("")
    L.append("The results folders are outside the repository and are not kept with it; this page is the record.")
    L.append("")
    out_path.write_text("\n".join(L))
    print(f"report.py: wrote {out_path} ({len(rows)} stage-size results from {len(runs)} run(s))")
    if at_top:
        slow = max(at_top, key=lambda r: r.wall)
        print(f"report.py: slowest at {top:,}: {slow.stage}, {slow.wall:.1f} s ({100 * slow.wall / total:.0f}% of "
              f"{', '.join(r.stage for r in at_top)})")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results", nargs="+", type=pathlib.Path, help="bench/run result folders, oldest first")
    ap.add_argument("--out", type=pathlib.Path, default=REPO / "docs" / "performance.md")
    a = ap.parse_args()
    for d in a.results:
        if not d.is_dir():
            print(f"report.py: {d} is not a folder", file=sys.stderr)
            return 2
    return write([d.resolve() for d in a.results], a.out)


if __name__ == "__main__":
    sys.exit(main())
