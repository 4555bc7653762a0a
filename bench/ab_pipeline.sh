#!/usr/bin/env bash
# bench/ab_pipeline.sh: two builds of `pipeline run`, side by side on the same pages, to
# measure what one change gained.
#
#   bench/ab_pipeline.sh OLD_PIPELINE NEW_PIPELINE PAGES_DIR [ROUNDS]
#
# OLD_PIPELINE / NEW_PIPELINE: two `pipeline` binaries (e.g. a worktree build of the commit
# before the change: `git worktree add /tmp/old REV && cmake -S /tmp/old -B /tmp/old/build
# -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build /tmp/old/build --target pipeline`).
# PAGES_DIR: pages, e.g. `python3 bench/make_pages.py 10000 /tmp/pages --seed 1 --corpus
# ../shared/corpus`. ROUNDS (default 5): each round runs old then new, alternating which goes
# first, one bench/run_pipeline.py run each (a fresh inbox and store each time), so a noisy
# neighbour hits both alike. Prints every run, the medians, and new/old time as a ratio.
# Exit status: 0 done; 1 a run failed; 64 bad usage.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '4,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64; }
old=$1 new=$2 pages=$3 rounds=${4:-5}
here=$(cd "$(dirname "$0")" && pwd)
for b in "$old" "$new"; do [ -x "$b" ] || { echo "ab_pipeline: $b is not an executable" >&2; exit 64; }; done
work=$(mktemp -d "${TMPDIR:-/tmp}/tv-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT

one() {  # one LABEL BINARY ROUND
  python3 "$here/run_pipeline.py" "$pages" --pipeline "$2" --repeat 1 --workdir "$work" \
      --json "$work/$1-$3.json" >"$work/$1-$3.log" 2>&1 ||
    { echo "ab_pipeline: the $1 run failed:" >&2; tail -5 "$work/$1-$3.log" >&2; exit 1; }
}
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then one old "$old" "$r"; one new "$new" "$r"
  else one new "$new" "$r"; one old "$old" "$r"; fi
done

python3 - "$work" "$rounds" <<'EOF'
import json, pathlib, statistics, sys
work, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
res = {k: [json.loads((work / f"{k}-{r}.json").read_text()) for r in range(1, rounds + 1)]
       for k in ("old", "new")}
med = {}
for k, runs in res.items():
    walls = [x["wall_s"] for x in runs]
    med[k] = statistics.median(walls)
    print(f"{k}: " + " ".join(f"{w:.2f}" for w in walls) +
          f" s; median {med[k]:.2f} s, {runs[0]['pages'] / med[k]:.0f} pages/s, "
          f"{statistics.median(x['cpu_cores'] for x in runs):.2f} cores, "
          f"peak RSS {max(x['peak_rss_kb_max'] for x in runs) / 1024:.0f} MiB, "
          f"other processes {statistics.median(x['other_cores'] for x in runs):.2f} cores")
print(f"new/old time: {med['new'] / med['old']:.3f} (old is {med['old'] / med['new']:.2f}x the new time), "
      f"{rounds} rounds, medians")
EOF
