#!/usr/bin/env bash
# bench/run_dedupe.sh: the nightly dedupe-and-pair step (tv::catalogue::build) at 10k and 100k
# records. `bench/run` runs it after the ingest benchmarks.
#
#   bench/run_dedupe.sh [BUILD] [--sizes 10000,100000] [--repeat 3] [--seed 1] [--workdir DIR]
#                       [--keep] [--no-build]
#
# 1. builds dedupe_bench in BUILD (default: build; configured Release if BUILD is new);
# 2. generates the largest record set once from ../shared/corpus (bench/make_records.py) into a
#    temporary folder outside the repository; smaller sets are its first N lines;
# 3. runs dedupe_bench once per size, each in its own process (so its peak RSS is that size's):
#    --repeat timed build() calls for the first night, then as many for the next night;
# 4. prints one summary line: median seconds at the smallest and largest size, their ratio,
#    the largest size's peak RSS, first night vs next night.
# Targets (the issue): 100k records in <= 10 s and <= 1 GB peak on 2 cores; 10k -> 100k time
# grows <= 12x. Printed beside the figures; nothing is asserted.
# The corpus is ../shared/corpus from the repository, or $TV_CORPUS. Without it: says so, exit 0.
set -euo pipefail
trap 'echo "run_dedupe.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

root=$(cd "$(dirname "$0")/.." && pwd)
build=build
sizes=10000,100000
repeat=3
seed=1
workdir=${TMPDIR:-/tmp}
keep=0
do_build=1
python=${PYTHON:-$(command -v python3 || echo /usr/bin/python3)}

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2;;
    --sizes=*) sizes=${1#*=}; shift;;
    --repeat) repeat=$2; shift 2;;
    --repeat=*) repeat=${1#*=}; shift;;
    --seed) seed=$2; shift 2;;
    --seed=*) seed=${1#*=}; shift;;
    --workdir) workdir=$2; shift 2;;
    --workdir=*) workdir=${1#*=}; shift;;
    --keep) keep=1; shift;;
    --no-build) do_build=0; shift;;
    -h|--help) usage; exit 0;;
    -*) echo "run_dedupe.sh: unknown option $1" >&2; usage >&2; exit 64;;
    *) build=$1; shift;;
  esac
done
case $build in /*) ;; *) build="$root/$build";; esac

corpus=${TV_CORPUS:-$root/../shared/corpus}
if [ ! -d "$corpus/epoch-ai-models" ] || [ ! -d "$corpus/hf-models-metadata" ] ||
   [ ! -d "$corpus/llm-catalog-openrouter-litellm" ] || [ ! -d "$corpus/ai-tools-aitoolhouse" ]; then
  echo "run_dedupe.sh: skipped: $corpus is absent; the records are built from its real names (no figures)" >&2
  exit 0
fi

if [ "$do_build" = 1 ]; then
  [ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  echo "run_dedupe.sh: building dedupe_bench in $build"
  cmake --build "$build" -j"$(nproc)" --target dedupe_bench >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")

mkdir -p "$workdir"
work=$(mktemp -d "$workdir/tv-dedupe.XXXXXX")
case $work in "$root"/*) echo "run_dedupe.sh: the work folder must be outside the repository" >&2; exit 64;; esac
cleanup() { if [ "$keep" = 1 ]; then echo "run_dedupe.sh: kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

IFS=, read -r -a size_list <<<"$sizes"
max=0
for n in "${size_list[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
"$python" "$root/bench/make_records.py" "$max" "$work/records-$max.jsonl" --seed "$seed" --corpus "$corpus"
for n in "${size_list[@]}"; do
  [ "$n" = "$max" ] || head -n "$n" "$work/records-$max.jsonl" >"$work/records-$n.jsonl"
done

echo "run_dedupe.sh: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), build type ${build_type:-?}, seed $seed"
declare -A first next peak
for n in "${size_list[@]}"; do
  echo
  echo "=== $n records: dedupe_bench (repeat $repeat) ==="
  "$build/bench/dedupe_bench" --records "$work/records-$n.jsonl" --repeat "$repeat" | tee "$work/result-$n.txt"
  read -r first[$n] next[$n] peak[$n] < <(sed -n 's/^RESULT .*first_s=\([^ ]*\) next_s=\([^ ]*\) .* peak_mb=\([^ ]*\)$/\1 \2 \3/p' \
    "$work/result-$n.txt")
done

min=${size_list[0]}
for n in "${size_list[@]}"; do [ "$n" -lt "$min" ] && min=$n; done
echo
awk -v a="$min" -v b="$max" -v fa="${first[$min]}" -v fb="${first[$max]}" -v na="${next[$min]}" -v nb="${next[$max]}" \
    -v pb="${peak[$max]}" -v r="$repeat" 'BEGIN {
  ratio = fa > 0 ? fb / fa : 0
  printf "dedupe summary (median of %d): %d records %.2f s, %d records %.2f s, ratio %.1fx (target <= 12x); " \
         "peak RSS at %d %.0f MB (target <= 1000 MB); next night %.2f s / %.2f s\n", r, a, fa, b, fb, ratio, b, pb, na, nb
  if (b == 100000) printf "targets at 100k: time %s (<= 10 s), memory %s, growth %s\n", fb <= 10 ? "met" : "MISSED", \
                          pb <= 1000 ? "met" : "MISSED", ratio <= 12 ? "met" : "MISSED"
}'
