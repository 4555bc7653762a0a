#!/usr/bin/env bash
# fuzz/run.sh: runs every libFuzzer target in fuzz/ for SECONDS each (default 60), seeded from
# the sample inbox, the test fixtures, fuzz/seeds and, when present, ../shared/corpus (open
# folders only: html-pages-readability, email-mime-fixtures-mikel-mail, isemail-address-tests).
#
#   fuzz/run.sh [SECONDS] [BUILD_DIR]        (make fuzz FUZZ_SECONDS=N)
#
# Builds BUILD_DIR (default build-fuzz) with clang and -DTV_FUZZ=ON first. Each target's
# corpus grows in BUILD_DIR/fuzz-corpus/<target> (kept between runs); anything it finds (crash,
# sanitizer report, timeout over 10 s, memory over 2 GiB) lands in BUILD_DIR/fuzz-findings/
# <target>/ and the script exits 1 naming it: make it a regression test. Exit 0 when every
# target ran its time clean.
set -uo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build-fuzz}
corpus=$root/../shared/corpus

command -v clang++ >/dev/null || { echo "fuzz: clang++ is not installed (scripts/install-deps.sh --fuzz)" >&2; exit 77; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DTV_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
cmake --build "$build" -j"$(nproc)" >/dev/null || { echo "fuzz: build failed" >&2; exit 1; }

seed() {  # seed TARGET FILES...: copies files into the target's corpus (names by content hash)
  local target=$1; shift
  local dir=$build/fuzz-corpus/$target
  mkdir -p "$dir"
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)" 2>/dev/null
  done
}
shopt -s nullglob
seed fuzz_page "$root"/inbox/*.html "$root"/tests/e2e/cases/*/inbox/*.html
seed fuzz_raw_text "$root"/inbox/*.html "$root"/tests/e2e/cases/*/inbox/*.html "$root"/fuzz/seeds/raw_text/*
seed fuzz_panel "$root"/inbox/*.xml "$root"/inbox/*.csv "$root"/tests/e2e/cases/*/inbox/*.xml \
  "$root"/tests/e2e/cases/*/inbox/*.csv
seed fuzz_fields "$root"/fuzz/seeds/fields/*
seed fuzz_mail "$root"/examples/subscribers.csv "$root"/fuzz/seeds/fields/*
seed fuzz_newsletter "$root"/tests/unit/fixtures/bounces/*.eml
if [ -d "$corpus" ]; then
  pages=$(find "$corpus/html-pages-readability" -type f -name '*.html' 2>/dev/null | head -200)
  seed fuzz_page $pages
  seed fuzz_raw_text $pages
  seed fuzz_mail $(find "$corpus/email-mime-fixtures-mikel-mail" -type f 2>/dev/null | head -120)
else
  echo "fuzz: ../shared/corpus is absent: seeding from the repository only"
fi

status=0
for source in "$root"/fuzz/fuzz_*.cpp; do  # one target per source, as fuzz/CMakeLists.txt builds
  target=$(basename "$source" .cpp)
  findings=$build/fuzz-findings/$target
  mkdir -p "$findings"
  echo "fuzz: $target for ${seconds}s"
  "$build/fuzz/$target" "$build/fuzz-corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1 >"$build/fuzz-$target.log" 2>&1
  rc=$?
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/fuzz-$target.log" | sed 's/^/  /'
  if [ $rc -ne 0 ] || [ -n "$(ls -A "$findings")" ]; then
    echo "fuzz: $target FOUND something (exit $rc): $findings, log $build/fuzz-$target.log" >&2
    status=1
  fi
done
exit $status
