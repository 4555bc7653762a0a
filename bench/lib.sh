# bench/lib.sh: the shell the bench scripts share. Sourced, never run:
#
#   . "$(dirname "$0")/lib.sh"
#   tv_init run_site.sh               # strict mode, ERR trap, $root, $PY
#   tv_args "$@"; set -- "${TV_ARGS[@]}"
#   while [ $# -gt 0 ]; do case $1 in --n) tv_value "$@"; n=$2; shift 2;; ... esac; done
#
# What it provides:
#   tv_init NAME          set -euo pipefail; an ERR trap that names NAME and the failing line;
#                         $root (the repository), $PY (Python 3: $PYTHON, /usr/bin/python3 or
#                         python3 on PATH), $TV_NAME
#   tv_usage              prints the calling script's header comment (its usage)
#   tv_args ARGS...       splits every --opt=value into --opt value, into the array TV_ARGS, so a
#                         script's case needs one pattern per option
#   tv_value "$@"         exits 64 with the usage unless the option in $1 has a value after it
#   tv_bad_option OPT     "unknown option", the usage, exit 64
#   tv_positive NAME V    exits 64 unless V is a whole number >= 1
#   tv_build_dir DIR      prints DIR made absolute (a relative one is relative to the repository)
#   tv_build DIR LOG T... configures DIR if it has no CMakeCache.txt (RelWithDebInfo), builds
#                         the targets T...; the compiler's output goes to LOG; returns non-zero
#                         on failure (the caller decides whether that ends the script)
#   tv_build_type DIR     the CMAKE_BUILD_TYPE of DIR, or "?"
#   tv_corpus DIRS...     sets $corpus (../shared/corpus or $TV_CORPUS); returns 1 unless every
#                         named folder exists in it
#   tv_workdir PREFIX     makes a fresh folder PREFIX.XXXXXX under $workdir (refusing one inside
#                         the repository), sets $work, and removes it at exit unless $keep is 1
#   tv_postfix_tools      sets $sink_bin and $source_bin (Postfix's smtp-sink / smtp-source), or
#                         leaves them empty
#   tv_hugo               sets $hugo_bin, or leaves it empty
#                         (TV_BENCH_WITHOUT=hugo,postfix makes either look absent: for trying the
#                         paths that skip a peer on a machine that has both)
#   tv_machine_line       one line: cores, CPU, memory, kernel, distro, load average (machine.py)
#   tv_load               the load average (1, 5, 15 minutes)
#   tv_say MSG / tv_warn MSG / tv_die CODE MSG    messages prefixed with the script's name

tv_init() {
  TV_NAME=$1
  set -euo pipefail
  # shellcheck disable=SC2154
  trap 'echo "$TV_NAME: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
  elif [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3
  else PY=python3
  fi
}

tv_say() { echo "$TV_NAME: $*"; }
tv_warn() { echo "$TV_NAME: $*" >&2; }
tv_die() { local code=$1; shift; echo "$TV_NAME: $*" >&2; exit "$code"; }

tv_usage() {
  awk 'NR == 1 { next } !/^#/ { exit } { sub(/^# ?/, ""); print }' "$0"
}

tv_args() {
  TV_ARGS=()
  local a
  for a in "$@"; do
    case $a in
      --*=*) TV_ARGS+=("${a%%=*}" "${a#*=}");;
      *) TV_ARGS+=("$a");;
    esac
  done
}

tv_value() {
  if [ $# -lt 2 ]; then
    echo "$TV_NAME: $1 needs a value" >&2
    tv_usage >&2
    exit 64
  fi
}

tv_bad_option() {
  echo "$TV_NAME: unknown option $1" >&2
  tv_usage >&2
  exit 64
}

tv_positive() {
  [[ $2 =~ ^[0-9]+$ && $2 -ge 1 ]] || tv_die 64 "$1 takes a whole number >= 1, not '$2'"
}

tv_build_dir() {
  case $1 in /*) echo "$1";; *) echo "$root/$1";; esac
}

tv_build() {
  local dir=$1 log=$2
  shift 2
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$log" 2>&1 || return 1
  fi
  cmake --build "$dir" -j"$(nproc)" --target "$@" >>"$log" 2>&1
}

tv_build_type() {
  local t
  t=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$1/CMakeCache.txt" 2>/dev/null || true)
  echo "${t:-?}"
}

tv_corpus() {
  corpus=${TV_CORPUS:-$root/../shared/corpus}
  local d
  for d in "$@"; do
    [ -d "$corpus/$d" ] || return 1
  done
}

tv_workdir() {
  mkdir -p "$workdir"
  work=$(mktemp -d "$(cd "$workdir" && pwd)/$1.XXXXXX")
  case $work in
    "$root"/*) rm -rf "$work"; tv_die 64 "the work folder must be outside the repository ($work)";;
  esac
  trap _tv_cleanup EXIT
}

_tv_cleanup() {
  if [ "${keep:-0}" = 1 ]; then
    echo "$TV_NAME: kept $work"
  else
    rm -rf "$work"
  fi
}

tv_postfix_tools() {
  sink_bin=$(PATH="$PATH:/usr/sbin:/usr/local/sbin" command -v smtp-sink || true)
  source_bin=$(PATH="$PATH:/usr/sbin:/usr/local/sbin" command -v smtp-source || true)
  case ",${TV_BENCH_WITHOUT:-}," in *,postfix,*) sink_bin=""; source_bin="";; esac
}

tv_hugo() {
  hugo_bin=$(command -v hugo || true)
  case ",${TV_BENCH_WITHOUT:-}," in *,hugo,*) hugo_bin="";; esac
}

tv_machine_line() {
  "$PY" "$root/bench/machine.py" "$@" 2>/dev/null || echo "$(nproc) cores, load average $(tv_load)"
}

tv_load() {
  cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"
}
