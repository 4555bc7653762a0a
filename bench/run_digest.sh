#!/usr/bin/env bash
# bench/run_digest.sh: our digest send (`pipeline digest --send`) against Postfix's own SMTP
# load generator, smtp-source, both sending to Postfix's smtp-sink on loopback, in one run.
#
#   bench/run_digest.sh [BUILD] [--n 10000] [--repeat 5] [--port P] [--workdir DIR]
#                       [--json FILE] [--no-context] [--keep] [--no-build]
#
# 1. builds `pipeline` in BUILD (default: build) unless --no-build;
# 2. in a temporary folder outside the repository (removed unless --keep): copies inbox/ and
#    runs two nights (2026-11-18, 2026-11-23) so week 2026-W47 has content, keeps a copy of
#    that state folder, and writes N subscribed readers (bench/make_subscribers.py). Untimed;
# 3. starts ONE smtp-sink for the whole run (127.0.0.1:P, backlog 256, -c counters, nothing
#    written to disk; -u postfix when run as root, which smtp-sink requires). Untimed
#    calibration: our digest to 1 reader through a second, dumping sink gives the exact message
#    a reader gets; smtp-source sends that same message (-F) in every round;
# 4. --repeat rounds; each times, in an order that alternates between rounds:
#      ours     pipeline ... --smtp.rate_per_second=0 digest --week 2026-W47 --send, N readers,
#               on a fresh copy of the state (the ledger makes a second send a no-op);
#      source   smtp-source -d -s 1 -m N -F MSG ...: one session, N messages over ONE connection
#               (the fair match for ours: libcurl reuses one connection, no pipelining);
#    and, unless --no-context, smtp-source's default (-s 1 -m N: a new connection per message)
#    and -d -s 4 (four connections in parallel) as context;
# 5. checks: our send exited 0, the ledger says N sent (`pipeline status --json`), and the
#    sink's counter grew by N for every command; then prints messages/s (median, min..max),
#    CPU seconds, peak RSS, the CPU other processes used meanwhile, our send phase alone (from
#    the JSON log), and the ratio ours / smtp-source (one connection); the target (the issue)
#    is >= 0.5. Nothing is asserted. --json FILE writes every sample (bench/report.py).
# Without Postfix's test programs (Debian: the `postfix` package; scripts/install-deps.sh
# --bench) the peer is skipped with a message and ours is still timed, sending to a minimal
# Python sink (bench/smtp_sink.py), which is slower than smtp-sink: no ratio then.
# Ours pays for a durable ledger (readers reserved 32 per fsync, a journal write per message)
# on the disk of --workdir (default $TMPDIR or /tmp); --workdir /dev/shm takes the disk out.
# Time: about 35 s a round at N=10000 on 2 cores (more when the machine is busy), so about
# 3.5 minutes for the default 5 rounds.
# Exit status: 0 done; 1 a step failed (a send failed, counts wrong); 64 bad usage.
. "$(dirname "$0")/lib.sh"
tv_init run_digest.sh

build=build
n=10000
repeat=5
port=""
workdir=${TMPDIR:-/tmp}
json=""
context=1
keep=0
do_build=1

tv_args "$@"; set -- "${TV_ARGS[@]}"
while [ $# -gt 0 ]; do
  case $1 in
    --n) tv_value "$@"; n=$2; shift 2;;
    --repeat) tv_value "$@"; repeat=$2; shift 2;;
    --port) tv_value "$@"; port=$2; shift 2;;
    --workdir) tv_value "$@"; workdir=$2; shift 2;;
    --json) tv_value "$@"; json=$2; shift 2;;
    --no-context) context=0; shift;;
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
[[ -z $port || ( $port =~ ^[0-9]+$ && $port -ge 1 && $port -le 65535 ) ]] ||
  tv_die 64 "--port takes a TCP port number"
if [ -n "$json" ]; then
  case $json in /*) ;; *) json="$PWD/$json";; esac
fi

# ---- Postfix's test tools (not the Postfix daemon: it is neither needed nor started) --------
tv_postfix_tools
if [ -z "$sink_bin" ] || [ -z "$source_bin" ]; then
  tv_warn "smtp-sink and smtp-source (Postfix's test programs) are not installed: the peer is skipped;"
  tv_warn "  ours is timed against bench/smtp_sink.py (slower than smtp-sink), so there is no ratio."
  tv_warn "  make bench installs Postfix (scripts/install-deps.sh --bench), or:"
  tv_warn "  DEBIAN_FRONTEND=noninteractive apt-get install -y postfix (only its test programs run)"
  sink_bin=""
  source_bin=""
fi

# ---- build ----------------------------------------------------------------------------------
if [ "$do_build" = 1 ]; then
  tv_say "building pipeline in $build"
  tv_build "$build" "${TMPDIR:-/tmp}/run_digest-build.log" pipeline ||
    tv_die 1 "building pipeline failed (${TMPDIR:-/tmp}/run_digest-build.log)"
fi
pipeline=$build/pipeline
[ -x "$pipeline" ] || tv_die 1 "$pipeline is missing (cmake --build $build --target pipeline)"
build_type=$(tv_build_type "$build")

# ---- data: a week with content, N readers ---------------------------------------------------
tv_workdir tv-digest-bench

t0=$(date +%s)
cp -r "$root/inbox" "$work/inbox"
for date in 2026-11-18 2026-11-23; do
  rc=0
  "$pipeline" --paths.inbox="$work/inbox" --paths.state="$work/state" --paths.outbox="$work/outbox" \
    --paths.rejected="$work/rejected" --paths.templates="$root/templates" --paths.profiles="$root/profiles" \
    --inbox.min_age_seconds=0 --run.date="$date" run >"$work/night-$date.log" 2>&1 || rc=$?
  # 0: all filed; 10: some pages moved aside (the sample inbox has a few bad ones on purpose).
  if [ "$rc" != 0 ] && [ "$rc" != 10 ]; then
    tail -20 "$work/night-$date.log" >&2
    echo "run_digest.sh: the night of $date exited $rc" >&2
    exit 1
  fi
done
[ -s "$work/outbox/digest/2026-W47.eml" ] ||
  { echo "run_digest.sh: the two nights left no digest for 2026-W47" >&2; exit 1; }
cp -a "$work/state" "$work/state0"
"$PY" "$root/bench/make_subscribers.py" "$n" "$work/subscribers.csv" >/dev/null
"$PY" "$root/bench/make_subscribers.py" 1 "$work/subscriber-1.csv" >/dev/null
echo "run_digest.sh: week 2026-W47 and $n readers ready in $(( $(date +%s) - t0 )) s (not timed)"

# ---- measure --------------------------------------------------------------------------------
"$PY" - "$work" "$n" "$repeat" "$pipeline" "$root" "$sink_bin" "$source_bin" "$port" "$json" "$context" \
        "$build_type" "$PY" <<'PYEOF'
import datetime, json, os, pwd, re, shutil, socket, statistics, subprocess, sys, time

(work, n, repeat, pipeline, root, sink_bin, source_bin, port, json_out, context,
 build_type, python) = sys.argv[1:13]
n, repeat, context = int(n), int(repeat), context == "1"
postfix = bool(sink_bin and source_bin)  # else: bench/smtp_sink.py, and no smtp-source
WEEK, RUN_DATE = "2026-W47", "2026-11-23"
SENDER = "digest@tool-verdicts.example"   # the shipped smtp.from; smtp-source uses the same
SECRET = "bench-digest-secret-0123456789"  # TV_DIGEST_SECRET: signs unsubscribe links only


def die(msg):
    sys.exit(f"run_digest.sh: {msg}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sink_user():
    """smtp-sink refuses to run as root without -u; drop to postfix (or nobody)."""
    if os.geteuid() != 0 or not postfix:
        return []
    for user in ("postfix", "nobody"):
        try:
            pwd.getpwnam(user)
            return ["-u", user]
        except KeyError:
            pass
    die("running as root and neither a postfix nor a nobody user exists for smtp-sink -u")


class Sink:
    """One smtp-sink process: 127.0.0.1:port, backlog 256, -c counters to a file. Without
    Postfix: bench/smtp_sink.py, which prints the same mesg=N counter."""

    def __init__(self, port, extra=(), name="sink"):
        self.port = port
        self.out = os.path.join(work, f"{name}.out")
        if postfix:
            self.cmd = [sink_bin, *sink_user(), "-c", *extra, f"127.0.0.1:{port}", "256"]
        else:
            self.cmd = [python, os.path.join(root, "bench", "smtp_sink.py"), f"127.0.0.1:{port}", "256"]
        self.proc = subprocess.Popen(self.cmd, stdout=open(self.out, "w"), stderr=subprocess.STDOUT)
        for _ in range(100):
            if self.proc.poll() is not None:
                die(f"smtp-sink exited {self.proc.returncode}: {open(self.out).read()[-500:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            die(f"smtp-sink did not start listening on 127.0.0.1:{port}")

    def messages(self):
        """The sink's running message counter ("mesg=N", updated when "." is received)."""
        with open(self.out, "rb") as f:
            f.seek(max(0, os.path.getsize(self.out) - 4096))
            found = re.findall(rb"mesg=(\d+)", f.read())
        return int(found[-1]) if found else 0

    def wait_messages(self, want):
        deadline = time.monotonic() + 5
        while True:
            got = self.messages()
            if got >= want or time.monotonic() > deadline:
                return got
            time.sleep(0.02)

    def cpu(self):
        """utime + stime of the sink process so far, in seconds."""
        fields = open(f"/proc/{self.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def machine_busy_s():
    """CPU seconds every process on the machine has used (from /proc/stat), or 0."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
        user, nice, system, idle, iowait, irq, softirq, steal = v
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


last_run = {}


def run(cmd, log, env=None):
    """Runs cmd to completion; returns (exit code, wall seconds, CPU seconds of the child).
    last_run gets the child's peak RSS (MB) and the machine's busy CPU seconds meanwhile."""
    with open(log, "w") as out:
        busy0 = machine_busy_s()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        last_run.update(peak_rss_mb=ru.ru_maxrss / 1024, busy_s=machine_busy_s() - busy0)
    return os.waitstatus_to_exitcode(status), wall, ru.ru_utime + ru.ru_stime


def ours_cmd(state, subscribers, port):
    return [pipeline, f"--paths.state={state}", f"--paths.outbox={work}/outbox-send",
            f"--paths.templates={root}/templates", f"--digest.subscribers={subscribers}",
            f"--smtp.url=smtp://127.0.0.1:{port}", "--smtp.tls=none", "--smtp.rate_per_second=0",
            f"--run.date={RUN_DATE}", "digest", "--week", WEEK, "--send"]


def ours_env():
    env = dict(os.environ)
    env["TV_DIGEST_SECRET"] = SECRET
    env.pop("TV_SMTP_USERNAME", None)
    env.pop("TV_SMTP_PASSWORD", None)
    return env


def fresh_state(name):
    dest = os.path.join(work, name)
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(os.path.join(work, "state0"), dest, symlinks=True)
    return dest


def ledger_sent(state):
    out = subprocess.run([pipeline, f"--paths.state={state}", "status", "--json"],
                         capture_output=True, text=True)
    try:
        for d in json.loads(out.stdout).get("digests", []):
            if d.get("week") == WEEK:
                return int(d.get("readers", {}).get("sent", 0))
    except (ValueError, AttributeError):
        pass
    return -1


def send_phase(state):
    """Seconds between the log's "sending to N reader(s)" and "N sent, ..." lines (this run)."""
    start = end = None
    with open(os.path.join(state, "logs", "pipeline.jsonl"), errors="replace") as f:
        for line in f:
            try:
                e = json.loads(line)
            except ValueError:
                continue
            msg = e.get("msg", "")
            if msg.startswith(f"digest {WEEK}: sending to "):
                start, end = e.get("ts"), None
            elif start and re.match(rf"digest {WEEK}: \d+ sent, ", msg):
                end = e.get("ts")
    if not (start and end):
        return None
    ts = lambda s: datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ")
    return (ts(end) - ts(start)).total_seconds()


# ---- calibration (untimed): the exact bytes one reader gets ----------------------------------
# A second sink dumps our message to one reader; smtp-source then sends that message (-F),
# so both sides put the same bytes on the wire. smtp-sink runs as another user when we are
# root: it must reach the dump folder, which is therefore a folder of its own in /tmp (the work
# folder may sit inside one only we can enter, as under bench/run), removed right after.
archive_bytes = os.path.getsize(os.path.join(work, "outbox", "digest", f"{WEEK}.eml"))
message_file, msg_bytes = None, None
if postfix:
    import tempfile
    dump_dir = tempfile.mkdtemp(prefix="tv-digest-dump.", dir="/tmp" if os.path.isdir("/tmp") else None)
    os.chmod(dump_dir, 0o1777)
    import atexit
    atexit.register(shutil.rmtree, dump_dir, True)
    cal = Sink(free_port(), ["-D", os.path.join(dump_dir, "one")], name="calibration-sink")
    try:
        rc, _, _ = run(ours_cmd(fresh_state("state-calibration"), os.path.join(work, "subscriber-1.csv"), cal.port),
                       os.path.join(work, "calibration.log"), ours_env())
        if rc != 0:
            sys.stdout.write(open(os.path.join(work, "calibration.log")).read()[-3000:])
            die(f"the calibration send (1 reader) exited {rc}")
        cal.wait_messages(1)
        dumped = os.path.join(dump_dir, "one")
        for _ in range(100):
            if os.path.exists(dumped) and os.path.getsize(dumped) > 0:
                break
            time.sleep(0.05)
    finally:
        cal.stop()
    lines = open(dumped, "rb").read().split(b"\n")
    # smtp-sink's own header block ends with its three-line Received: header.
    try:
        first = next(i for i, l in enumerate(lines) if l.startswith(b"Received: from ")) + 1
    except StopIteration:
        die(f"cannot find smtp-sink's Received: header in {dumped}")
    while first < len(lines) and lines[first].startswith(b"\t"):
        first += 1
    body = lines[first:]
    while body and body[-1] == b"":   # the dump ends each message with an empty line
        body.pop()
    message_file = os.path.join(work, "message.eml")
    with open(message_file, "wb") as f:
        f.write(b"\n".join(body) + b"\n")
    msg_bytes = sum(len(l) + 2 for l in body)       # on the wire: each line ends in CRLF

# ---- the measured runs ------------------------------------------------------------------------
port = int(port) if port else free_port()
sink = Sink(port)
source_common = ["-m", str(n), "-F", message_file, "-f", SENDER, "-t", "reader@example.com",
                 "-M", "tool-verdicts.example", f"127.0.0.1:{port}"]
modes = [("ours", "ours: pipeline digest --send", None)]
if postfix:
    modes += [("source", "smtp-source -d -s 1 (one connection)", ["-d", "-s", "1"])]
if context and postfix:
    modes += [("source-new", "smtp-source -s 1 (connection per msg)", ["-s", "1"]),
              ("source-par4", "smtp-source -d -s 4 (4 connections)", ["-d", "-s", "4"])]
samples = {key: [] for key, _, _ in modes}
failed = []


def measure(key, flags, r):
    before_msgs, before_cpu = sink.wait_messages(0), sink.cpu()
    log = os.path.join(work, f"{key}.log")
    extra = {}
    if key == "ours":
        state = fresh_state("state-run")
        rc, wall, cpu = run(ours_cmd(state, os.path.join(work, "subscribers.csv"), port), log, ours_env())
        extra["send_s"] = send_phase(state)
        extra["ledger_sent"] = ledger_sent(state)
        if rc != 0 or extra["ledger_sent"] != n:
            failed.append(f"round {r}: ours exited {rc}, the ledger says {extra['ledger_sent']} sent of {n}")
            sys.stdout.write(open(log).read()[-2000:])
    else:
        rc, wall, cpu = run([source_bin, *flags, *source_common], log)
        if rc != 0:
            failed.append(f"round {r}: smtp-source {' '.join(flags)} exited {rc}: {open(log).read()[-300:]}")
    got = sink.wait_messages(before_msgs + n) - before_msgs
    if got != n:
        failed.append(f"round {r}: the sink counted {got} messages from {key}, not {n}")
    sink_cpu = sink.cpu() - before_cpu
    # others: CPU neither the client nor the sink used, per wall second (a noisy neighbour).
    others = max(0.0, (last_run["busy_s"] - cpu - sink_cpu) / wall) if last_run.get("busy_s") else 0.0
    s = {"round": r, "wall_s": wall, "cpu_s": cpu, "sink_cpu_s": sink_cpu, "peak_rss_mb": last_run["peak_rss_mb"],
         "other_cores": others, "sink_messages": got, "exit": rc, "msg_per_s": n / wall, **extra}
    samples[key].append(s)
    return s


def machine():
    model = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    fs = subprocess.run(["df", "-T", work], capture_output=True, text=True).stdout.split("\n")[1:2]
    def pkg(name):
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True, text=True)
        return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "?"
    return {"cores": os.cpu_count(), "cpu": model, "kernel": os.uname().release,
            "load_average": " ".join(open("/proc/loadavg").read().split()[:3]),
            "workdir_fs": fs[0].split()[1] if fs and len(fs[0].split()) > 1 else "?",
            "postfix": pkg("postfix"), "libcurl": pkg("libcurl4"), "build_type": build_type}


m0 = machine()
print(f"run_digest.sh: {n} messages of {msg_bytes or '?'} bytes (the archive copy {WEEK}.eml is {archive_bytes});"
      f" {' '.join(sink.cmd)} (pid {sink.proc.pid}), one sink for the whole run")
print(f"  {m0['cores']} cores, {m0['cpu']}, load average {m0['load_average']}, work folder on"
      f" {m0['workdir_fs']} ({work}), postfix {m0['postfix']}, libcurl {m0['libcurl']}, build {build_type}")

try:
    # Warm-up (untimed): binaries and files into the page cache, the sink's first sessions.
    rc, _, _ = run(ours_cmd(fresh_state("state-run"), os.path.join(work, "subscriber-1.csv"), port),
                   os.path.join(work, "warmup.log"), ours_env())
    rc2 = 0
    if postfix:
        rc2, _, _ = run([source_bin, "-d", "-s", "1", "-m", "100", *source_common[2:]],
                        os.path.join(work, "warmup-source.log"))
    if rc or rc2:
        die(f"the warm-up failed (ours exited {rc}, smtp-source {rc2})")
    sink.wait_messages(101 if postfix else 1)

    for r in range(1, repeat + 1):
        order = modes if r % 2 == 1 else list(reversed(modes))
        parts = []
        for key, label, flags in order:
            s = measure(key, flags, r)
            text = f"{key} {s['wall_s']:.2f} s = {s['msg_per_s']:.0f} msg/s"
            if key == "ours" and s.get("send_s"):
                text += f" (send {s['send_s']:.2f} s)"
            parts.append(text)
        ours_r = (f"; ours/source {samples['ours'][-1]['msg_per_s'] / samples['source'][-1]['msg_per_s']:.2f}"
                  if postfix else "")
        print(f"  round {r}/{repeat}: " + "; ".join(parts) + ours_r, flush=True)
finally:
    sink.stop()

m1 = machine()


def med(xs):
    return statistics.median(xs) if xs else float("nan")


print()
print(f"digest over SMTP: {n} messages of {msg_bytes or archive_bytes} bytes to"
      f" {'smtp-sink' if postfix else 'bench/smtp_sink.py'} on 127.0.0.1, median of {repeat}"
      f" (min..max); {m1['cores']} cores, {m1['cpu']}, load average {m0['load_average']} at the start,"
      f" {m1['load_average']} at the end; {datetime.date.today().isoformat()}")
print(f"  {'':40} {'msg/s':>7} {'(min..max)':>14} {'wall s':>8} {'cpu s':>7} {'sink cpu s':>10} {'RSS MB':>7} {'others':>6}")
summary = {}
for key, label, _ in modes:
    ss = samples[key]
    rates = [s["msg_per_s"] for s in ss]
    summary[key] = {"label": label, "msg_per_s": med(rates), "min": min(rates), "max": max(rates),
                    "wall_s": med([s["wall_s"] for s in ss]), "cpu_s": med([s["cpu_s"] for s in ss]),
                    "sink_cpu_s": med([s["sink_cpu_s"] for s in ss]),
                    "min_s": min(s["wall_s"] for s in ss), "max_s": max(s["wall_s"] for s in ss),
                    "peak_rss_mb": max(s["peak_rss_mb"] for s in ss),
                    "other_cores": med([s["other_cores"] for s in ss])}
    v = summary[key]
    span = f"({v['min']:.0f}..{v['max']:.0f})"
    print(f"  {label:40} {v['msg_per_s']:7.0f} {span:>14}"
          f" {v['wall_s']:8.2f} {v['cpu_s']:7.2f} {v['sink_cpu_s']:10.2f} {v['peak_rss_mb']:7.1f} {v['other_cores']:6.2f}")
    if key == "ours":
        sends = [s["send_s"] for s in ss if s.get("send_s")]
        if sends:
            srates = [n / x for x in sends]
            summary["ours-send-phase"] = {"label": "ours: send phase alone (JSON log)", "msg_per_s": med(srates),
                                          "min": min(srates), "max": max(srates), "wall_s": med(sends)}
            span = f"({min(srates):.0f}..{max(srates):.0f})"
            print(f"  {'  of which the send phase (JSON log)':40} {med(srates):7.0f} {span:>14} {med(sends):8.2f}")
ratio, per_round = None, []
if postfix:
    ratio = summary["ours"]["msg_per_s"] / summary["source"]["msg_per_s"]
    per_round = [o["msg_per_s"] / s["msg_per_s"] for o, s in zip(samples["ours"], samples["source"])]
    print(f"  ratio ours / smtp-source -d -s 1: {ratio:.2f} (per round {min(per_round):.2f}..{max(per_round):.2f});"
          f" target >= 0.5: {'met' if ratio >= 0.5 else 'NOT met'}")
    print(f"  smtp-source: {os.path.basename(source_bin)} <mode> {' '.join(source_common[:-1])} 127.0.0.1:PORT"
          f" (MSG = our message to one reader, as the sink received it)")
else:
    print("  no ratio: smtp-source is not installed (Postfix), and the sink was bench/smtp_sink.py")
for f in failed:
    print(f"run_digest.sh: {f}")
if json_out:
    with open(json_out, "w") as f:
        json.dump({"date": datetime.date.today().isoformat(), "n": n, "repeat": repeat,
                   "message_bytes": msg_bytes, "archive_bytes": archive_bytes,
                   "machine_start": m0, "machine_end": m1, "sink": sink.cmd, "postfix": postfix,
                   "source_flags": {k: fl for k, _, fl in modes if fl}, "summary": summary,
                   "ratio": ratio, "ratio_per_round": per_round, "samples": samples,
                   "failed": failed}, f, indent=1)
    print(f"run_digest.sh: wrote {json_out}")
sys.exit(1 if failed else 0)
PYEOF
