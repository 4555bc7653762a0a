#!/usr/bin/env bash
# bench/run_site.sh: our site renderer against Hugo on the same comparison pages.
#
#   bench/run_site.sh [BUILD] [--n 10000] [--repeat 5] [--seed 1] [--jobs N] [--workdir DIR]
#                     [--json FILE] [--no-warmup] [--keep] [--no-build]
#
# 1. builds site_bench in BUILD (default: build) unless --no-build;
# 2. generates a site-data file with N comparisons over about N/4 tools
#    (bench/make_site_data.py, seeded) in a temporary folder outside the repository, and lays
#    it out for Hugo (bench/hugo/make_content.py: one content file per comparison, the tools
#    as a data file, the same style.css). Neither step is timed;
# 3. sync(1), one untimed warm-up of each (unless --no-warmup), then --repeat rounds, each timing
#      ours full   BUILD/bench/site_bench DATA.json OUT   into a fresh OUT,
#      ours rerun  the same command on the same OUT again (nothing new to publish),
#      hugo        hugo --source SITE --destination DEST --quiet --minify=false into a fresh DEST
#    (the order of ours and Hugo alternates between rounds, so drift hits both alike);
# 4. checks both wrote N comparison pages, and prints the medians (min..max), CPU seconds,
#    peak RSS (wait4's ru_maxrss of each child), the CPU other processes used meanwhile, the
#    ratio Hugo / ours (the target: above 1, ours faster) and our rerun as a share of our full
#    render (the target: at most 5%). --json FILE writes every sample (bench/report.py).
# Nothing is asserted: on a shared 2-core machine a timed assertion is a flaky test.
# Without site_bench (not built yet, or the build failed) it says so and times Hugo alone;
# without hugo (scripts/install-deps.sh installs it) it says so and times ours alone.
# Time: Hugo takes about 30 CPU seconds for 10,000 pages and ours (with its publish) about as
# long in wall time, so the default run (a warm-up and 5 rounds) takes about 7 minutes on 2
# cores, more when the machine is busy. --workdir /dev/shm takes the disk out of both
# (our publish ends with a syncfs(2); Hugo does not sync), which is not the nightly's disk.
# Exit status: 0 done; 1 a step failed (Hugo or site_bench exited non-zero, pages missing, or
# neither could run); 64 bad usage.
. "$(dirname "$0")/lib.sh"
tv_init run_site.sh

build=build
n=10000
repeat=5
seed=1
jobs=""
workdir=${TMPDIR:-/tmp}
json=""
warmup=1
keep=0
do_build=1

tv_args "$@"; set -- "${TV_ARGS[@]}"
while [ $# -gt 0 ]; do
  case $1 in
    --n) tv_value "$@"; n=$2; shift 2;;
    --repeat) tv_value "$@"; repeat=$2; shift 2;;
    --seed) tv_value "$@"; seed=$2; shift 2;;
    --jobs) tv_value "$@"; jobs=$2; shift 2;;
    --workdir) tv_value "$@"; workdir=$2; shift 2;;
    --json) tv_value "$@"; json=$2; shift 2;;
    --no-warmup) warmup=0; shift;;
    --keep) keep=1; shift;;
    --no-build) do_build=0; shift;;
    -h|--help) tv_usage; exit 0;;
    -*) tv_bad_option "$1";;
    *) build=$1; shift;;
  esac
done
build=$(tv_build_dir "$build")
tv_positive --n "$n"
tv_positive --repeat "$repeat"
if [ -n "$json" ]; then
  case $json in /*) ;; *) json="$PWD/$json";; esac
fi

tv_hugo
[ -n "$hugo_bin" ] ||
  tv_warn "hugo is not installed (scripts/install-deps.sh installs it): timing ours alone, no ratio"

# ---- build ----------------------------------------------------------------------------------
ours=$build/bench/site_bench
if [ "$do_build" = 1 ]; then
  tv_say "building site_bench in $build"
  if ! tv_build "$build" "${TMPDIR:-/tmp}/run_site-build.log" site_bench; then
    tv_warn "building site_bench failed (${TMPDIR:-/tmp}/run_site-build.log); timing Hugo alone"
    ours=""
  fi
fi
if [ -n "$ours" ] && [ ! -x "$ours" ]; then
  tv_warn "$ours is missing (cmake --build $build --target site_bench); timing Hugo alone"
  ours=""
fi
[ -n "$ours" ] || [ -n "$hugo_bin" ] || tv_die 1 "neither site_bench nor hugo can run: nothing to time"

# ---- data -----------------------------------------------------------------------------------
tv_workdir tv-site-bench

t0=$(date +%s)
"$PY" "$root/bench/make_site_data.py" "$n" "$work/data.json" --seed "$seed"
if [ -n "$hugo_bin" ]; then
  "$PY" "$root/bench/hugo/make_content.py" "$work/data.json" "$work/hugo-site" "$root/templates/style.css"
fi
echo "run_site.sh: data ready in $(( $(date +%s) - t0 )) s (not timed); $(tv_machine_line --short)"
sync  # what the generators wrote must not be flushed by our publish's syncfs inside a timed run

# ---- measure --------------------------------------------------------------------------------
"$PY" - "$work" "$n" "$repeat" "${ours:-}" "${jobs:-}" "${hugo_bin:-}" "$warmup" "$json" "$seed" \
        "$(tv_build_type "$build")" <<'PYEOF'
import datetime, json, os, shutil, statistics, subprocess, sys, time

work, n, repeat, ours, jobs, hugo_bin, warmup, json_out, seed, build_type = sys.argv[1:11]
n, repeat, warmup = int(n), int(repeat), warmup == "1"
data = os.path.join(work, "data.json")
hugo_site = os.path.join(work, "hugo-site")
hugo_version = ""
if hugo_bin:
    hugo_version = subprocess.run([hugo_bin, "version"], capture_output=True, text=True).stdout.split()[1].lstrip("v").split("+")[0]


def machine_busy_s():
    """CPU seconds every process on the machine has used (from /proc/stat), or 0."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
        user, nice, system, idle, iowait, irq, softirq, steal = v
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


def run(cmd, log):
    """Runs cmd to completion; returns wall seconds, CPU seconds, peak RSS in MB, and the CPU
    other processes used per wall second meanwhile."""
    with open(log, "w") as out:
        busy0 = machine_busy_s()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        busy = machine_busy_s() - busy0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.stdout.write(open(log).read()[-3000:])
        sys.exit(f"run_site.sh: {cmd[0]} exited {proc.returncode}")
    cpu = ru.ru_utime + ru.ru_stime
    return wall, cpu, ru.ru_maxrss / 1024, max(0.0, (busy - cpu) / wall) if busy else 0.0


def pages(folder):
    """Comparison pages under folder/compare, and their bytes."""
    count = size = 0
    top = os.path.join(folder, "compare")
    for entry in os.scandir(top) if os.path.isdir(top) else []:
        page = os.path.join(entry.path, "index.html")
        if os.path.isfile(page):
            count += 1
            size += os.path.getsize(page)
    return count, size


def ours_cmd(out):
    return [ours, data, out] + (["--jobs", jobs] if jobs else [])


def hugo_cmd(dest):
    return [hugo_bin, "--source", hugo_site, "--destination", dest, "--quiet", "--minify=false",
            "--cacheDir", os.path.join(work, "hugo-cache"), "--noBuildLock"]


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    return path


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


results = {"ours full": [], "ours rerun": [], "hugo": []}
last_line = {}
log = os.path.join(work, "last.log")
load_start = load()
# Warm-up (untimed): binaries, data and templates into the page cache.
if warmup:
    if ours:
        run(ours_cmd(fresh(os.path.join(work, "ours-out"))), log)
    if hugo_bin:
        run(hugo_cmd(fresh(os.path.join(work, "hugo-out"))), log)

for r in range(repeat):
    def do_ours():
        out = fresh(os.path.join(work, "ours-out"))
        results["ours full"].append(run(ours_cmd(out), log))
        last_line["full"] = open(log).read().strip().splitlines()[-1:]
        results["ours rerun"].append(run(ours_cmd(out), log))
        last_line["rerun"] = open(log).read().strip().splitlines()[-1:]

    def do_hugo():
        results["hugo"].append(run(hugo_cmd(fresh(os.path.join(work, "hugo-out"))), log))

    steps = ([do_ours] if ours else []) + ([do_hugo] if hugo_bin else [])
    for step in (steps if r % 2 == 0 else list(reversed(steps))):
        step()
    print(f"  round {r + 1}/{repeat}: " + ", ".join(
        f"{k} {v[-1][0]:.3f} s" for k, v in results.items() if v), flush=True)

failed = False
ours_pages = pages(os.path.join(work, "ours-out", "site")) if ours else (0, 0)
hugo_pages = pages(os.path.join(work, "hugo-out")) if hugo_bin else (0, 0)
for who, (count, _), ran in (("ours", ours_pages, ours), ("hugo", hugo_pages, hugo_bin)):
    if ran and count != n:
        print(f"run_site.sh: {who} wrote {count} comparison pages, not {n}")
        failed = True


def summary(samples, pages_bytes=None):
    walls = [s[0] for s in samples]
    return {"wall_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls), "runs_s": walls,
            "cpu_s": statistics.median(s[1] for s in samples), "peak_rss_mb": max(s[2] for s in samples),
            "other_cores": statistics.median(s[3] for s in samples),
            "pages": pages_bytes[0] if pages_bytes else None, "bytes": pages_bytes[1] if pages_bytes else None}


def line(label, v, note=""):
    extra = f"  {v['pages']} pages, {v['bytes'] / 1e6:.0f} MB" if v.get("pages") else ""
    print(f"  {label:<26} {v['wall_s']:8.3f} s  ({v['min_s']:.3f}..{v['max_s']:.3f})"
          f"  cpu {v['cpu_s']:7.2f} s  peak RSS {v['peak_rss_mb']:6.0f} MB  others {v['other_cores']:.2f}{extra}{note}")


print()
print(f"site bench: {n} comparison pages, median of {repeat} (min..max), {os.cpu_count()} cores,"
      f" load average {load_start} at the start, {load()} now; others = CPU other processes used per second")
out = {"date": datetime.date.today().isoformat(), "n": n, "repeat": repeat, "seed": int(seed), "warmup": warmup,
       "jobs": jobs or None, "workdir": work, "build_type": build_type, "hugo_version": hugo_version or None,
       "load_start": load_start, "load_end": load(), "failed": failed}
if hugo_bin:
    out["hugo"] = summary(results["hugo"], hugo_pages)
    line(f"hugo {hugo_version}", out["hugo"])
else:
    print("  hugo: not timed (not installed)")
if ours:
    out["ours"] = summary(results["ours full"], ours_pages)
    out["ours_rerun"] = summary(results["ours rerun"])
    line("ours: full render", out["ours"])
    line("ours: rerun, nothing new", out["ours_rerun"])
    for what in ("full", "rerun"):
        if last_line.get(what):
            print(f"    last {what} said: {last_line[what][0]}")
            out[f"ours_{what}_said"] = last_line[what][0]
    if hugo_bin:
        ratio = out["hugo"]["wall_s"] / out["ours"]["wall_s"]
        per_round = [h[0] / o[0] for h, o in zip(results["hugo"], results["ours full"])]
        out["ratio"], out["ratio_per_round"] = ratio, per_round
        print(f"  ratio hugo / ours: {ratio:.2f}x (per round {min(per_round):.2f}..{max(per_round):.2f};"
              f" {'ours faster' if ratio > 1 else 'Hugo faster'}; target: ours faster)")
    share = 100 * out["ours_rerun"]["wall_s"] / out["ours"]["wall_s"]
    out["rerun_share"] = share / 100
    print(f"  rerun: {share:.1f}% of our full render (target: at most 5%:"
          f" {'met' if share <= 5 else 'NOT met'})")
else:
    print("  ours: not timed (no site_bench)")
if json_out:
    with open(json_out, "w") as f:
        json.dump(out, f, indent=1)
    print(f"run_site.sh: wrote {json_out}")
sys.exit(1 if failed else 0)
PYEOF
