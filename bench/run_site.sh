#!/usr/bin/env bash
# bench/run_site.sh: our site renderer against Hugo on the same comparison pages.
#
#   bench/run_site.sh [BUILD] [--n 10000] [--repeat 5] [--seed 1] [--jobs N] [--workdir DIR]
#                     [--keep] [--no-build]
#
# 1. builds site_bench in BUILD (default: build) unless --no-build;
# 2. generates a site-data file with N comparisons over about N/4 tools
#    (bench/make_site_data.py, seeded) in a temporary folder outside the repository, and lays
#    it out for Hugo (bench/hugo/make_content.py: one content file per comparison, the tools
#    as a data file, the same style.css). Neither step is timed;
# 3. one untimed warm-up of each, then --repeat rounds, each timing
#      ours full   BUILD/bench/site_bench DATA.json OUT   into a fresh OUT,
#      ours rerun  the same command on the same OUT again (nothing new to publish),
#      hugo        hugo --source SITE --destination DEST --quiet --minify=false into a fresh DEST
#    (the order of ours and Hugo alternates between rounds, so drift hits both alike);
# 4. checks both wrote N comparison pages, and prints the medians (min..max), CPU seconds,
#    peak RSS (wait4's ru_maxrss of each child), the ratio Hugo / ours (the target: above 1,
#    ours faster) and our rerun as a share of our full render (the target: at most 5%).
# Nothing is asserted: on a shared 2-core machine a timed assertion is a flaky test.
# Without site_bench (not built yet, or the build failed) it says so and times Hugo alone.
# Time: Hugo takes about 30 CPU seconds for 10,000 pages and ours (with its publish) about as
# long in wall time, so the default run (a warm-up and 5 rounds) takes about 7 minutes on 2
# cores, more when the machine is busy. --workdir /dev/shm takes the disk out of both
# (our publish ends with a syncfs(2); Hugo does not sync), which is not the nightly's disk.
# Exit status: 0 done; 1 a step failed (Hugo or site_bench exited non-zero, pages missing);
# 64 bad usage.
set -euo pipefail
trap 'echo "run_site.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

root=$(cd "$(dirname "$0")/.." && pwd)
build=build
n=10000
repeat=5
seed=1
jobs=""
workdir=${TMPDIR:-/tmp}
keep=0
do_build=1
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

usage() { sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --n) n=$2; shift 2;;
    --n=*) n=${1#*=}; shift;;
    --repeat) repeat=$2; shift 2;;
    --repeat=*) repeat=${1#*=}; shift;;
    --seed) seed=$2; shift 2;;
    --seed=*) seed=${1#*=}; shift;;
    --jobs) jobs=$2; shift 2;;
    --jobs=*) jobs=${1#*=}; shift;;
    --workdir) workdir=$2; shift 2;;
    --workdir=*) workdir=${1#*=}; shift;;
    --keep) keep=1; shift;;
    --no-build) do_build=0; shift;;
    -h|--help) usage; exit 0;;
    -*) echo "run_site.sh: unknown option $1" >&2; usage >&2; exit 64;;
    *) build=$1; shift;;
  esac
done
case $build in /*) ;; *) build="$root/$build";; esac
[[ $n =~ ^[0-9]+$ && $n -ge 1 && $repeat =~ ^[0-9]+$ && $repeat -ge 1 ]] ||
  { echo "run_site.sh: --n and --repeat take positive numbers" >&2; exit 64; }

if ! command -v hugo >/dev/null; then
  echo "run_site.sh: hugo is not installed: run scripts/install-deps.sh" >&2
  exit 1
fi

# ---- build ----------------------------------------------------------------------------------
ours=$build/bench/site_bench
if [ "$do_build" = 1 ]; then
  [ -f "$build/CMakeCache.txt" ] ||
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  echo "run_site.sh: building site_bench in $build"
  if ! cmake --build "$build" -j"$(nproc)" --target site_bench >"${TMPDIR:-/tmp}/run_site-build.log" 2>&1; then
    echo "run_site.sh: building site_bench failed (${TMPDIR:-/tmp}/run_site-build.log); timing Hugo alone" >&2
    ours=""
  fi
fi
if [ -n "$ours" ] && [ ! -x "$ours" ]; then
  echo "run_site.sh: $ours is missing (cmake --build $build --target site_bench); timing Hugo alone" >&2
  ours=""
fi

# ---- data -----------------------------------------------------------------------------------
mkdir -p "$workdir"
work=$(mktemp -d "$(cd "$workdir" && pwd)/tv-site-bench.XXXXXX")
case $work in "$root"/*) echo "run_site.sh: the work folder must be outside the repository" >&2; exit 64;; esac
cleanup() { if [ "$keep" = 1 ]; then echo "run_site.sh: kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

t0=$(date +%s)
"$PY" "$root/bench/make_site_data.py" "$n" "$work/data.json" --seed "$seed"
"$PY" "$root/bench/hugo/make_content.py" "$work/data.json" "$work/hugo-site" "$root/templates/style.css"
echo "run_site.sh: data ready in $(( $(date +%s) - t0 )) s (not timed);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# ---- measure --------------------------------------------------------------------------------
"$PY" - "$work" "$n" "$repeat" "${ours:-}" "${jobs:-}" <<'PYEOF'
import os, shutil, statistics, subprocess, sys, time

work, n, repeat, ours, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
data = os.path.join(work, "data.json")
hugo_site = os.path.join(work, "hugo-site")
hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1].lstrip("v").split("+")[0]


def run(cmd, log):
    """Runs cmd to completion; returns wall seconds, CPU seconds, peak RSS in MB."""
    with open(log, "w") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.stdout.write(open(log).read()[-3000:])
        sys.exit(f"run_site.sh: {cmd[0]} exited {proc.returncode}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


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
    return ["hugo", "--source", hugo_site, "--destination", dest, "--quiet", "--minify=false",
            "--cacheDir", os.path.join(work, "hugo-cache"), "--noBuildLock"]


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    return path


results = {"ours full": [], "ours rerun": [], "hugo": []}
log = os.path.join(work, "last.log")
# Warm-up (untimed): binaries, data and templates into the page cache.
if ours:
    run(ours_cmd(fresh(os.path.join(work, "ours-out"))), log)
run(hugo_cmd(fresh(os.path.join(work, "hugo-out"))), log)

for r in range(repeat):
    def do_ours():
        out = fresh(os.path.join(work, "ours-out"))
        results["ours full"].append(run(ours_cmd(out), log))
        results["ours full line"] = open(log).read().strip().splitlines()[-1:]
        results["ours rerun"].append(run(ours_cmd(out), log))
        results["ours rerun line"] = open(log).read().strip().splitlines()[-1:]

    def do_hugo():
        results["hugo"].append(run(hugo_cmd(fresh(os.path.join(work, "hugo-out"))), log))

    order = [do_ours, do_hugo] if r % 2 == 0 else [do_hugo, do_ours]
    for step in order:
        if step is do_ours and not ours:
            continue
        step()
    print(f"  round {r + 1}/{repeat}: " + ", ".join(
        f"{k} {v[-1][0]:.3f} s" for k, v in results.items() if not k.endswith(" line") and v),
        flush=True)

failed = False
ours_pages = pages(os.path.join(work, "ours-out", "site")) if ours else (0, 0)
hugo_pages = pages(os.path.join(work, "hugo-out"))
for who, (count, _) in (("ours", ours_pages), ("hugo", hugo_pages)):
    if (who == "hugo" or ours) and count != n:
        print(f"run_site.sh: {who} wrote {count} comparison pages, not {n}")
        failed = True


def line(label, samples, pages_bytes=None, note=""):
    walls = [s[0] for s in samples]
    cpu = statistics.median(s[1] for s in samples)
    rss = max(s[2] for s in samples)
    extra = f"  {pages_bytes[0]} pages, {pages_bytes[1] / 1e6:.0f} MB" if pages_bytes else ""
    print(f"  {label:<26} {statistics.median(walls):8.3f} s  ({min(walls):.3f}..{max(walls):.3f})"
          f"  cpu {cpu:7.2f} s  peak RSS {rss:6.0f} MB{extra}{note}")
    return statistics.median(walls)


print()
print(f"site bench: {n} comparison pages, median of {repeat} (min..max), {os.cpu_count()} cores,"
      f" load average now {' '.join(open('/proc/loadavg').read().split()[:3])}")
hugo_t = line(f"hugo {hugo_version}", results["hugo"], hugo_pages)
if ours:
    ours_t = line("ours: full render", results["ours full"], ours_pages)
    rerun_t = line("ours: rerun, nothing new", results["ours rerun"])
    for what in ("full", "rerun"):
        if results.get(f"ours {what} line"):
            print(f"    last {what} said: {results[f'ours {what} line'][0]}")
    ratio = hugo_t / ours_t
    print(f"  ratio hugo / ours: {ratio:.2f}x ({'ours faster' if ratio > 1 else 'Hugo faster'};"
          f" target: ours faster)")
    share = 100 * rerun_t / ours_t
    print(f"  rerun: {share:.1f}% of our full render (target: at most 5%:"
          f" {'met' if share <= 5 else 'NOT met'})")
else:
    print("  ours: not timed (no site_bench)")
sys.exit(1 if failed else 0)
PYEOF
