#!/usr/bin/env python3
"""End-to-end benchmark: the real `pipeline run` on a fresh inbox of pages.

    python3 bench/run_pipeline.py INBOX_TEMPLATE_DIR [--pipeline build/pipeline] [--repeat 3]
                                  [--profiles DIR] [--templates DIR]
                                  [--jobs 0] [--workdir DIR] [--json FILE] [--keep]

For each repeat: copies every file of INBOX_TEMPLATE_DIR into a fresh temporary inbox (mtimes
set an hour in the past, so none looks like a copy in progress), then runs

    pipeline --paths.inbox=... --paths.state=... --paths.rejected=... --paths.outbox=...
             --paths.profiles=<repo>/profiles --paths.templates=<repo>/templates
             --inbox.min_age_seconds=0 [--run.jobs=J] run

as a child and measures its wall time and, from wait4(2), its peak RSS (ru_maxrss) and CPU
time; from /proc/stat, how much CPU every other process used meanwhile (a noisy neighbour). This is everything a nightly run does: claim (rename), read, hash, sniff, normalise on
all cores, SQLite transactions, moves to the archive. The copy is not timed. Afterwards it
checks that every page was filed (archive + rejected = pages). Medians over the repeats are
reported; peak RSS is reported as the median and the largest.

Exit status: 0 ok; 1 a run failed or lost pages; 2 bad arguments; 77 skipped (no pages).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent


def count_files(root: pathlib.Path, skip_suffix: str = "") -> int:
    n = 0
    if not root.exists():
        return 0
    for dirpath, dirnames, filenames in os.walk(root):
        n += sum(1 for f in filenames if not (skip_suffix and f.endswith(skip_suffix)))
    return n


def machine_busy_s() -> float:
    """CPU seconds every process on the machine has used (from /proc/stat), or 0."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
        user, nice, system, idle, iowait, irq, softirq, steal = v
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


def one_run(pages: list[pathlib.Path], args, work: pathlib.Path, log_path: pathlib.Path) -> dict:
    inbox, state, rejected, outbox = (work / d for d in ("inbox", "state", "rejected", "outbox"))
    for d in (inbox, state, rejected, outbox):
        d.mkdir(parents=True)
    past = time.time() - 3600
    for p in pages:
        dst = inbox / p.name
        shutil.copyfile(p, dst)
        os.utime(dst, (past, past))
    cmd = [str(args.pipeline), f"--paths.inbox={inbox}", f"--paths.state={state}",
           f"--paths.rejected={rejected}", f"--paths.outbox={outbox}",
           f"--paths.profiles={args.profiles}", f"--paths.templates={args.templates}", "--inbox.min_age_seconds=0"]
    if args.jobs is not None:
        cmd.append(f"--run.jobs={args.jobs}")
    cmd.append("run")
    with open(log_path, "wb") as log:
        busy0 = machine_busy_s()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=work)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        busy = machine_busy_s() - busy0
    proc.returncode = os.waitstatus_to_exitcode(status)
    archived = count_files(state / "archive")
    moved_aside = count_files(rejected, skip_suffix=".reason.txt")
    left = sum(1 for f in inbox.iterdir() if not f.name.startswith("."))
    others = max(0.0, (busy - ru.ru_utime - ru.ru_stime) / wall) if busy else 0.0
    return dict(exit=proc.returncode, wall_s=wall, maxrss_kb=ru.ru_maxrss, user_s=ru.ru_utime,
                sys_s=ru.ru_stime, other_cores=others, archived=archived, rejected=moved_aside, left=left, cmd=cmd)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("template", type=pathlib.Path, help="folder of pages (e.g. from bench/make_pages.py)")
    ap.add_argument("--pipeline", type=pathlib.Path, default=REPO / "build" / "pipeline")
    ap.add_argument("--profiles", type=pathlib.Path, default=REPO / "profiles")
    ap.add_argument("--templates", type=pathlib.Path, default=REPO / "templates")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="run.jobs for the pipeline (default: its own, one per core)")
    ap.add_argument("--workdir", type=pathlib.Path, default=None,
                    help="where the temporary inboxes go (default: the system temp folder)")
    ap.add_argument("--json", type=pathlib.Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the last run's folder")
    a = ap.parse_args()

    if not a.template.is_dir():
        print(f"run_pipeline: skipped: {a.template} is not a folder of pages", file=sys.stderr)
        return 77
    pages = sorted(p for p in a.template.iterdir() if p.is_file() and not p.name.startswith("."))
    if not pages:
        print(f"run_pipeline: skipped: no pages in {a.template}", file=sys.stderr)
        return 77
    if not os.access(a.pipeline, os.X_OK):
        print(f"run_pipeline: {a.pipeline} is not an executable; build it first "
              f"(cmake --build BUILD --target pipeline)", file=sys.stderr)
        return 2
    a.pipeline = a.pipeline.resolve()
    a.profiles = a.profiles.resolve()
    a.templates = a.templates.resolve()
    total_bytes = sum(p.stat().st_size for p in pages)
    n = len(pages)
    print(f"run_pipeline: {n} pages, {total_bytes / 1e6:.1f} MB, {a.repeat} run(s) of {a.pipeline}"
          f"{'' if a.jobs is None else f' --run.jobs={a.jobs}'}", flush=True)

    runs = []
    failed = False
    for r in range(a.repeat):
        work = pathlib.Path(tempfile.mkdtemp(prefix="tv-bench-run.", dir=a.workdir))
        log_path = work / "pipeline.log"
        res = one_run(pages, a, work, log_path)
        filed = res["archived"] + res["rejected"]
        ok = res["exit"] in (0, 10) and filed == n and res["left"] == 0
        cpu = (res["user_s"] + res["sys_s"]) / res["wall_s"]
        print(f"  run {r + 1}: exit {res['exit']}, {res['wall_s']:.2f} s, {n / res['wall_s']:.0f} pages/s, "
              f"{total_bytes / 1e6 / res['wall_s']:.1f} MB/s, peak RSS {res['maxrss_kb'] / 1024:.1f} MB, "
              f"CPU {cpu:.2f} cores (others {res['other_cores']:.2f}); archived {res['archived']}, moved aside {res['rejected']}, "
              f"left {res['left']}", flush=True)
        if not ok:
            failed = True
            tail = log_path.read_text(errors="replace").splitlines()[-15:]
            print("  run_pipeline: the run failed or did not file every page; last lines of its output:",
                  file=sys.stderr)
            for line in tail:
                print("    " + line, file=sys.stderr)
            print(f"  (kept {work})", file=sys.stderr)
        runs.append(res)
        if ok and not (a.keep and r == a.repeat - 1):
            shutil.rmtree(work, ignore_errors=True)
        elif ok:
            print(f"  kept {work}")

    walls = [x["wall_s"] for x in runs]
    rss = [x["maxrss_kb"] for x in runs]
    med_wall = statistics.median(walls)
    summary = dict(
        pages=n, bytes=total_bytes, repeat=a.repeat, jobs=a.jobs, wall_s=med_wall, runs_s=walls,
        min_s=min(walls), max_s=max(walls),
        cpu_s=statistics.median([x["user_s"] + x["sys_s"] for x in runs]),
        runs_cpu_s=[x["user_s"] + x["sys_s"] for x in runs],
        pages_per_s=n / med_wall, mb_per_s=total_bytes / 1e6 / med_wall,
        peak_rss_kb_median=statistics.median(rss), peak_rss_kb_max=max(rss), peak_rss_kb_runs=rss,
        cpu_cores=statistics.median([(x["user_s"] + x["sys_s"]) / x["wall_s"] for x in runs]),
        other_cores=statistics.median([x["other_cores"] for x in runs]),
        archived=runs[-1]["archived"], rejected=runs[-1]["rejected"], failed=failed)
    print(f"  median: {med_wall:.2f} s, {summary['pages_per_s']:.0f} pages/s, {summary['mb_per_s']:.1f} MB/s, "
          f"peak RSS {summary['peak_rss_kb_median'] / 1024:.1f} MB (max {summary['peak_rss_kb_max'] / 1024:.1f} MB), "
          f"CPU {summary['cpu_cores']:.2f} cores (other processes {summary['other_cores']:.2f})")
    if a.json:
        a.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
