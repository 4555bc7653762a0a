#!/usr/bin/env bash
# bench/run_dedupe.sh: the nightly dedupe-and-pair step (tv::catalogue::build) at 10k and 100k
# records. `bench/run` runs it as its `dedupe` stage.
#
#   bench/run_dedupe.sh [BUILD] [--sizes 10000,100000] [--repeat 3] [--seed 1] [--workdir DIR]
#                       [--json-dir DIR] [--keep] [--no-build]
#
# 1. builds dedupe_bench in BUILD (default: build; configured RelWithDebInfo if BUILD is new);
# 2. generates the largest record set once from ../shared/corpus (bench/make_records.py) into a
#    temporary folder outside the repository; smaller sets are its first N lines;
# 3. runs dedupe_bench once per size, each in its own process (so its peak RSS is that size's):
#    --repeat timed build() calls for the first night, then as many for the next night;
#    --repeat takes one number, or one per size (--sizes 1000,10000,100000 --repeat 5,5,3);
# 4. prints one summary line: median seconds at the largest size and the next one down, their
#    ratio, the largest size's peak RSS, first night vs next night.
# --json-dir DIR: dedupe_bench writes DIR/dedupe-N.json for each size N (bench/report.py).
# Targets (the issue): 100k records in <= 10 s and <= 1 GB peak on 2 cores; 10k -> 100k time
# grows <= 12x. Printed beside the figures; nothing is asserted.
# The corpus is ../shared/corpus from the repository, or $TV_CORPUS. Without it: says so, exit 0.
. "$(dirname "$0")/lib.sh"
tv_init run_dedupe.sh

build=build
sizes=10000,100000
repeat=3
seed=1
workdir=${TMPDIR:-/tmp}
json_dir=""
keep=0
do_build=1

tv_args "$@"; set -- "${TV_ARGS[@]}"
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) tv_value "$@"; sizes=$2; shift 2;;
    --repeat) tv_value "$@"; repeat=$2; shift 2;;
    --seed) tv_value "$@"; seed=$2; shift 2;;
    --workdir) tv_value "$@"; workdir=$2; shift 2;;
    --json-dir) tv_value "$@"; json_dir=$2; shift 2;;
    --keep) keep=1; shift;;
    --no-build) do_build=0; shift;;
    -h|--help) tv_usage; exit 0;;
    -*) tv_bad_option "$1";;
    *) build=$1; shift;;
  esac
done
build=$(tv_build_dir "$build")
IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a repeat_list <<<"$repeat"
for n in "${size_list[@]}"; do tv_positive --sizes "$n"; done
for r in "${repeat_list[@]}"; do tv_positive --repeat "$r"; done
[ "${#repeat_list[@]}" = 1 ] || [ "${#repeat_list[@]}" = "${#size_list[@]}" ] ||
  tv_die 64 "--repeat takes one number or one per size (${#size_list[@]})"
if [ -n "$json_dir" ]; then
  mkdir -p "$json_dir"
  json_dir=$(cd "$json_dir" && pwd)
fi

if ! tv_corpus epoch-ai-models hf-models-metadata llm-catalog-openrouter-litellm ai-tools-aitoolhouse; then
  tv_warn "skipped: $corpus is absent; the records are built from its real names (no figures)"
  exit 0
fi

if [ "$do_build" = 1 ]; then
  tv_say "building dedupe_bench in $build"
  tv_build "$build" "${TMPDIR:-/tmp}/run_dedupe-build.log" dedupe_bench ||
    tv_die 1 "building dedupe_bench failed (${TMPDIR:-/tmp}/run_dedupe-build.log)"
fi
build_type=$(tv_build_type "$build")

tv_workdir tv-dedupe

max=0
for n in "${size_list[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
"$PY" "$root/bench/make_records.py" "$max" "$work/records-$max.jsonl" --seed "$seed" --corpus "$corpus"
for n in "${size_list[@]}"; do
  [ "$n" = "$max" ] || head -n "$n" "$work/records-$max.jsonl" >"$work/records-$n.jsonl"
done

tv_say "$(tv_machine_line --short), build type $build_type, seed $seed"
declare -A first next peak reps
i=0
for n in "${size_list[@]}"; do
  r=${repeat_list[0]}
  [ "${#repeat_list[@]}" = 1 ] || r=${repeat_list[$i]}
  i=$((i + 1))
  reps[$n]=$r
  echo
  echo "=== $n records: dedupe_bench (repeat $r) ==="
  json_args=()
  [ -n "$json_dir" ] && json_args=(--json "$json_dir/dedupe-$n.json")
  "$build/bench/dedupe_bench" --records "$work/records-$n.jsonl" --repeat "$r" "${json_args[@]}" |
    tee "$work/result-$n.txt"
  read -r first[$n] next[$n] peak[$n] < <(sed -n 's/^RESULT .*first_s=\([^ ]*\) next_s=\([^ ]*\) .* peak_mb=\([^ ]*\)$/\1 \2 \3/p' \
    "$work/result-$n.txt")
done

# The summary compares the largest size with the next one down (10k -> 100k by default).
min=0
for n in "${size_list[@]}"; do [ "$n" -lt "$max" ] && [ "$n" -gt "$min" ] && min=$n; done
[ "$min" -gt 0 ] || min=$max
echo
awk -v a="$min" -v b="$max" -v fa="${first[$min]}" -v fb="${first[$max]}" -v na="${next[$min]}" -v nb="${next[$max]}" \
    -v pb="${peak[$max]}" -v ra="${reps[$min]}" -v rb="${reps[$max]}" 'BEGIN {
  ratio = fa > 0 ? fb / fa : 0
  r = ra == rb ? ra : ra "/" rb
  printf "dedupe summary (median of %s): %d records %.2f s, %d records %.2f s, ratio %.1fx (target <= 12x); " \
         "peak RSS at %d %.0f MB (target <= 1000 MB); next night %.2f s / %.2f s\n", r, a, fa, b, fb, ratio, b, pb, na, nb
  if (b == 100000) printf "targets at 100k: time %s (<= 10 s), memory %s, growth %s\n", fb <= 10 ? "met" : "MISSED", \
                          pb <= 1000 ? "met" : "MISSED", ratio <= 12 ? "met" : "MISSED"
}'
