#!/usr/bin/env bash
# bench/serve.sh: `pipeline serve` under load (wrk), every answer durable, against nginx serving
# a static file of the same size on the same machine, in one run.
#
#   bench/serve.sh [BUILD] [--duration 10] [--rounds 3] [--connections 1,16,64]
#                  [--readers 200000] [--workdir DIR] [--results DIR] [--profile] [--keep]
#
# Three targets, each at every --connections level, alternating target by target and round by
# round (medians of --rounds are reported, with the range):
#   unsubscribe  POST /unsubscribe?email=rN@example.org&token=T, body List-Unsubscribe=One-Click
#                (RFC 8058), each request a different subscribed reader: every 200 is a change
#                committed (WAL, synchronous=FULL) by the writer thread before the answer;
#   confirm      GET /confirm?email=pN@example.org&token=ISSUED.MAC, each request a different
#                pending reader (pending -> subscribed, committed the same way);
#   nginx        GET of one static file, the unsubscribe answer's own page (same size), from a
#                real nginx on loopback (its own prefix and config in the work folder, 2
#                workers, Debian's defaults: sendfile, access log on) - the ceiling.
# Each serve measurement runs on a fresh copy of one store (--readers subscribed readers,
# imported with `pipeline subscribers import`, and as many pending ones, inserted into the
# readers table) and a fresh `pipeline serve` (SIGTERM at the end, which prints how many
# commits it made). The tokens are computed here with the formulas of docs/serve.md (Python's
# hmac, not our code); a wrk Lua script hands each thread its own slice of the precomputed
# request paths. wrk runs as `wrk -t2 -cC -dSs --latency` (-t1 at one connection: wrk needs a
# connection per thread) on the same 2 cores as the server: the load generator competes with
# what it measures, for nginx as much as for us.
# Checks, after every serve measurement: the store passes PRAGMA integrity_check, and it holds
# at least as many unsubscribed (confirmed) readers as wrk counted 200 answers (the Lua
# `response` callback counts them): an acknowledged change missing from the store fails the
# run. Prints one table: target, connections, requests/s, p50, p99 (wrk's latency
# distribution), the ratio to nginx, CPU per request. The issue's target: >= 3,000 durable
# one-click unsubscribes/s at 64 connections with p99 <= 50 ms (printed, not asserted).
# Every serve measurement also prints where the server's time went, from /proc (schedstat, io):
# CPU per request of the writer thread and of the I/O threads, and the writer's wall time on a
# CPU / waiting for one / asleep (fsync, empty queue).
# --profile adds, after the rounds, one 64-connection unsubscribe run under
# `perf record -e cpu-clock -F 250 --call-graph dwarf` (printed: inclusive shares of the
# SQLite batch, COMMIT, fdatasync, page rendering, the log line, HMAC, parsing, per thread), and
# two diagnostic variants: the server logging warnings only (--log.level=warn: no line per
# request), and the store on /dev/shm (fsync costs nothing there).
# Results: RESULTS/serve.json (every sample, the summary, the checks), machine-start.json and
# machine-end.json (bench/machine.py), the logs; RESULTS defaults to
# $workdir/tv-bench-results-serve-DATE (outside the repository, kept), as bench/run's.
# Needs wrk and nginx (Debian packages `wrk`, `nginx`; scripts/install-deps.sh --bench), and
# linux-perf for --profile; it installs nothing, and says what is missing.
# Time: about rounds x 9 x (duration + 3 s) + 1 minute; the defaults take about 7 minutes
# (8 with --profile) on 2 cores.
# Exit status: 0 done (whatever the figures); 1 a check failed or a step broke; 64 bad usage;
# 77 wrk or the pipeline binary missing.
. "$(dirname "$0")/lib.sh"
tv_init serve.sh

build=build
duration=10
rounds=3
connections=1,16,64
readers=200000
workdir=${TMPDIR:-/tmp}
results=""
profile=0
keep=0
command_line="bench/serve.sh $*"

tv_args "$@"; set -- "${TV_ARGS[@]}"
while [ $# -gt 0 ]; do
  case $1 in
    --duration) tv_value "$@"; duration=$2; shift 2;;
    --rounds) tv_value "$@"; rounds=$2; shift 2;;
    --connections) tv_value "$@"; connections=$2; shift 2;;
    --readers) tv_value "$@"; readers=$2; shift 2;;
    --workdir) tv_value "$@"; workdir=$2; shift 2;;
    --results) tv_value "$@"; results=$2; shift 2;;
    --profile) profile=1; shift;;
    --keep) keep=1; shift;;
    -h|--help) tv_usage; exit 0;;
    -*) tv_bad_option "$1";;
    *) build=$1; shift;;
  esac
done
build=$(tv_build_dir "$build")
tv_positive --duration "$duration"
tv_positive --rounds "$rounds"
tv_positive --readers "$readers"
[[ $connections =~ ^[0-9]+(,[0-9]+)*$ ]] || tv_die 64 "--connections takes a list like 1,16,64"

# ---- what it needs (installs nothing) ----------------------------------------------------
PATH=$PATH:/usr/sbin:/usr/local/sbin
wrk_bin=$(command -v wrk || true)
nginx_bin=$(command -v nginx || true)
perf_bin=$(command -v perf || true)
[ -n "$wrk_bin" ] || tv_die 77 "wrk is not installed: apt-get install -y wrk (scripts/install-deps.sh --bench)"
if [ -z "$nginx_bin" ]; then
  tv_warn "nginx is not installed: the ceiling is skipped, so there is no ratio."
  tv_warn "  apt-get install -y nginx (scripts/install-deps.sh installs it)"
fi
if [ "$profile" = 1 ] && ! { [ -n "$perf_bin" ] && "$perf_bin" stat -e cpu-clock true >/dev/null 2>&1; }; then
  tv_warn "--profile: perf is missing or cannot sample here (Debian: linux-perf): no profile, the variants still run"
  perf_bin=""
fi
pipeline=$build/pipeline
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -x "$pipeline" ] && break; sleep 3; done  # a rebuild may be replacing it
[ -x "$pipeline" ] || tv_die 77 "$pipeline is missing (cmake --build $build --target pipeline)"

results=${results:-$workdir/tv-bench-results-serve-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$results/logs"
results=$(cd "$results" && pwd)
case $results in "$root"/*) tv_die 64 "--results must be outside the repository";; esac
tv_workdir tv-serve-bench
"$PY" "$root/bench/machine.py" --build "$build" --workdir "$work" --json "$results/machine-start.json" --line ||
  tv_machine_line

rc=0
"$PY" - "$work" "$results" "$pipeline" "$root" "$wrk_bin" "$nginx_bin" "$perf_bin" "$duration" "$rounds" \
        "$connections" "$readers" "$profile" "$command_line" "$(tv_build_type "$build")" <<'PYEOF' || rc=$?
import base64, datetime, hashlib, hmac, json, os, re, resource, select, shutil, signal, socket, sqlite3, statistics
import subprocess, sys, time

(work, results, pipeline, root, wrk_bin, nginx_bin, perf_bin, duration, rounds, connections, readers,
 profile, command_line, build_type) = sys.argv[1:15]
duration, rounds, readers, profile = int(duration), int(rounds), int(readers), profile == "1"
conn_levels = [int(c) for c in connections.split(",")]
SECRET = "bench-serve-secret-0123456789"  # TV_DIGEST_SECRET
LIST_ID = "weekly.tool-verdicts.example"   # digest.list_id's default
TARGET_RPS, TARGET_P99_MS, TARGET_CONNS = 3000, 50.0, 64
failures = []


def say(msg):
    print(f"serve.sh: {msg}", flush=True)


def die(msg):
    sys.exit(f"serve.sh: {msg}")


def mac(message):
    d = hmac.new(SECRET.encode(), message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(d).decode().rstrip("=")[:32]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def utc(t=None):
    return datetime.datetime.fromtimestamp(t or time.time(), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def proc_cpu(pid):
    """utime + stime of a process (all its threads) so far, in seconds, or 0."""
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                if int(open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return out


def machine_busy_s():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = v
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


binary_seen = set()


def binary_changed():
    """Notes every version of the binary a run used: a rebuild during the run mixes two."""
    try:
        st = os.stat(pipeline)
        binary_seen.add((st.st_size, int(st.st_mtime)))
    except OSError:
        pass


# ---- the store: N subscribed readers (imported), N pending ones (inserted) -------------------
t0 = time.monotonic()
base = os.path.join(work, "base")
os.makedirs(base)
csv = os.path.join(work, "readers.csv")
with open(csv, "w") as f:
    f.write("email,name,status\n")
    for i in range(readers):
        f.write(f"r{i}@example.org,Reader {i},subscribed\n")
env = dict(os.environ, TV_DIGEST_SECRET=SECRET)
for k in ("TV_SMTP_USERNAME", "TV_SMTP_PASSWORD"):
    env.pop(k, None)
imp = subprocess.run([pipeline, f"--paths.state={base}", "subscribers", "import", csv], env=env,
                     capture_output=True, text=True)
if imp.returncode != 0:
    die(f"subscribers import exited {imp.returncode}: {imp.stderr[-1000:]}")
db_file = os.path.join(base, "pipeline.db")
db = sqlite3.connect(db_file)
now = utc()
db.executemany("INSERT INTO readers(key, email, name, status, since, created_at) VALUES(?,?,'','pending',?,?)",
               ((f"p{i}@example.org", f"p{i}@example.org", now, now) for i in range(readers)))
db.commit()
counts = dict(db.execute("SELECT status, COUNT(*) FROM readers GROUP BY status"))
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
if counts.get("subscribed") != readers or counts.get("pending") != readers:
    die(f"the store holds {counts}, not {readers} subscribed and {readers} pending readers")
store_mb = os.path.getsize(db_file) / 1e6
# The request paths, one a line, in order; each wrk thread takes every T-th from its own start.
issued = int(time.time())
with open(os.path.join(work, "unsubscribe.paths"), "w") as f:
    for i in range(readers):
        token = mac("unsubscribe\n" + LIST_ID + "\n" + f"r{i}@example.org")
        f.write(f"/unsubscribe?email=r{i}%40example.org&token={token}\n")
with open(os.path.join(work, "confirm.paths"), "w") as f:
    for i in range(readers):
        token = f"{issued}." + mac("confirm\n" + LIST_ID + "\n" + f"p{i}@example.org" + "\n" + str(issued))
        f.write(f"/confirm?email=p{i}%40example.org&token={token}\n")

LUA = r"""
-- wrk script (bench/serve.sh): args METHOD PATHS_FILE THREADS CYCLE. Thread k of T sends the
-- paths k+1, k+1+T, ...; past the end it sends /exhausted (a 404: the run is then invalid)
-- unless CYCLE is 1 (one path for ever: nginx's file). Counts 200s and the rest per thread.
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  method, cycle = args[1], args[4] == "1"
  paths = {}
  for line in io.lines(args[2]) do paths[#paths + 1] = line end
  step = tonumber(args[3]); idx = id + 1
  ok, other, exhausted = 0, 0, 0
  body = method == "POST" and "List-Unsubscribe=One-Click" or nil
  hdrs = method == "POST" and {["Content-Type"] = "application/x-www-form-urlencoded"} or {}
end
function request()
  local p
  if cycle then p = paths[1] else p = paths[idx]; idx = idx + step end
  if p == nil then p = "/exhausted"; exhausted = exhausted + 1 end
  return wrk.format(method, p, hdrs, body)
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local ok_n, other_n, ex_n = 0, 0, 0
  for _, t in ipairs(threads) do
    ok_n = ok_n + t:get("ok"); other_n = other_n + t:get("other"); ex_n = ex_n + t:get("exhausted")
  end
  local e = summary.errors
  io.write(string.format(
    'TVJSON {"requests":%d,"duration_us":%d,"bytes":%d,"ok200":%d,"other":%d,"exhausted":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"max":%d,"p50":%d,"p75":%d,"p90":%d,"p99":%d,"p999":%d}}\n',
    summary.requests, summary.duration, summary.bytes, ok_n, other_n, ex_n,
    e.connect, e.read, e.write, e.status, e.timeout, latency.mean, latency.max,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9)))
end
"""
lua = os.path.join(work, "bench.lua")
with open(lua, "w") as f:
    f.write(LUA)
say(f"{readers} subscribed + {readers} pending readers, a {store_mb:.0f} MB store, request paths ready in "
    f"{time.monotonic() - t0:.0f} s (not timed)")


# ---- pipeline serve ----------------------------------------------------------------------------
class Serve:
    """`pipeline serve` on a fresh copy of the base store, on a free port."""

    def __init__(self, name, state_root=None, extra=()):
        self.state = os.path.join(state_root or work, "state-" + name)
        shutil.rmtree(self.state, ignore_errors=True)
        os.makedirs(self.state)
        shutil.copyfile(db_file, os.path.join(self.state, "pipeline.db"))
        self.err_path = os.path.join(results, "logs", f"serve-{name}.err")
        argv = [pipeline, f"--paths.state={self.state}", f"--paths.templates={root}/templates",
                "--serve.listen=127.0.0.1:0", "--smtp.url=smtp://127.0.0.1:9", "--smtp.tls=none", *extra, "serve"]
        deadline = time.monotonic() + 180
        while True:  # the checkout is shared: a rebuild may be replacing the binary right now
            try:
                self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=open(self.err_path, "w"), env=env)
                break
            except OSError as e:
                if time.monotonic() > deadline:
                    raise
                say(f"cannot start {pipeline} ({e.strerror}): a rebuild? trying again in 5 s")
                time.sleep(5)
        binary_changed()
        self.port = None
        line, deadline = b"", time.monotonic() + 60
        while time.monotonic() < deadline and self.proc.poll() is None:
            r, _, _ = select.select([self.proc.stdout], [], [], 1)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                line += chunk
                m = re.search(rb"Serving on port (\d+)", line)
                if m:
                    self.port = int(m.group(1))
                    break
        if self.port is None:
            self.proc.kill()
            self.proc.wait()
            die(f"serve did not start ({self.err_path}): {open(self.err_path).read()[-1500:]}")

    def stop(self):
        """SIGTERM (it drains and exits 0); returns the commits it reports, or None."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            failures.append(f"serve ({self.state}) did not stop within 60 s of SIGTERM")
            return None
        if rc != 0:
            failures.append(f"serve ({self.state}) exited {rc} after SIGTERM ({self.err_path})")
        m = re.findall(r"stopped after (\d+) commit", open(self.err_path, errors="replace").read())
        return int(m[-1]) if m else None

    def cleanup(self):
        shutil.rmtree(self.state, ignore_errors=True)


def store_check(state):
    db = sqlite3.connect(os.path.join(state, "pipeline.db"))
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        unsub = db.execute("SELECT COUNT(*) FROM readers WHERE status = 'unsubscribed'").fetchone()[0]
        confirmed = db.execute("SELECT COUNT(*) FROM readers WHERE status = 'subscribed' AND key LIKE 'p%'").fetchone()[0]
        one_click = db.execute("SELECT COUNT(*) FROM reader_events WHERE how = 'one-click'").fetchone()[0]
    finally:
        db.close()
    return {"integrity": integrity, "unsubscribed": unsub, "confirmed": confirmed, "one_click_events": one_click}


# ---- nginx: the ceiling ---------------------------------------------------------------------------
def page_of(path, method):
    """The body a real serve answers (for nginx's file): one request on a scratch store."""
    s = Serve("page")
    try:
        c = socket.create_connection(("127.0.0.1", s.port), timeout=10)
        body = b"List-Unsubscribe=One-Click" if method == "POST" else b""
        c.sendall(f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        data = b""
        while chunk := c.recv(65536):
            data += chunk
        head, _, page = data.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 200"):
            die(f"{method} {path} did not answer 200: {head[:200]!r}")
        return page, len(head) + 4
    finally:
        s.stop()
        s.cleanup()


first_unsub = open(os.path.join(work, "unsubscribe.paths")).readline().strip()
first_confirm = open(os.path.join(work, "confirm.paths")).readline().strip()
page, serve_head = page_of(first_unsub, "POST")
confirm_page, _ = page_of(first_confirm, "GET")

nginx = None
if nginx_bin:
    ng = os.path.join(work, "nginx")
    os.makedirs(os.path.join(ng, "html"))
    os.makedirs(os.path.join(ng, "tmp"))
    with open(os.path.join(ng, "html", "unsubscribed.html"), "wb") as f:
        f.write(page)
    ng_port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""  # the work folder is ours alone (0700)
    with open(os.path.join(ng, "nginx.conf"), "w") as f:
        f.write(f"""{user}worker_processes 2;
daemon off;
pid {ng}/nginx.pid;
error_log {ng}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log {ng}/access.log;
  client_body_temp_path {ng}/tmp/body; proxy_temp_path {ng}/tmp/proxy; fastcgi_temp_path {ng}/tmp/fastcgi;
  uwsgi_temp_path {ng}/tmp/uwsgi; scgi_temp_path {ng}/tmp/scgi;
  sendfile on; tcp_nopush on; types_hash_max_size 2048;
  keepalive_requests 100000000;
  default_type "text/html; charset=utf-8";
  server {{ listen 127.0.0.1:{ng_port}; root {ng}/html; }}
}}
""")
    with open(os.path.join(ng, "nginx.paths"), "w") as f:
        f.write("/unsubscribed.html\n")
    nginx = subprocess.Popen([nginx_bin, "-p", ng, "-c", os.path.join(ng, "nginx.conf"), "-e", os.path.join(ng, "error.log")],
                             stdout=open(os.path.join(results, "logs", "nginx.out"), "w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while True:
        if nginx.poll() is not None:
            die(f"nginx exited {nginx.returncode}: {open(os.path.join(ng, 'error.log')).read()[-1000:]}")
        try:
            socket.create_connection(("127.0.0.1", ng_port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                die("nginx did not start listening within 20 s")
            time.sleep(0.05)
    nginx_version = subprocess.run([nginx_bin, "-v"], capture_output=True, text=True).stderr.strip()
else:
    nginx_version = None


def wrk_version():
    out = subprocess.run([wrk_bin, "-v"], capture_output=True, text=True)
    m = re.search(r"wrk (\S+)", out.stdout + out.stderr)
    return m.group(1) if m else "?"


# ---- one measurement ------------------------------------------------------------------------------
def run_wrk(port, method, paths, conns, secs, cycle, log):
    threads = 1 if conns < 2 else 2
    cmd = [wrk_bin, f"-t{threads}", f"-c{conns}", f"-d{secs}s", "--latency", "-s", lua,
           f"http://127.0.0.1:{port}", "--", method, paths, str(threads), "1" if cycle else "0"]
    with open(log, "w") as out:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            text = p.communicate(timeout=secs + 120)[0]
        except subprocess.TimeoutExpired:
            p.kill()
            text = p.communicate()[0]
        out.write(" ".join(cmd) + "\n" + text)
    m = re.search(r"^TVJSON (.*)$", text, re.M)
    if p.returncode != 0 or not m:
        raise RuntimeError(f"wrk exited {p.returncode}: {text[-800:]}")
    r = json.loads(m.group(1))
    r["wrk_threads"] = threads
    return r


def threads_of(pid):
    """Per thread: [on-CPU s, waiting-for-a-CPU s, bytes written to storage] (schedstat, io)."""
    out = {}
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            run, wait, _ = open(f"/proc/{pid}/task/{t}/schedstat").read().split()
            io = dict(l.split(": ") for l in open(f"/proc/{pid}/task/{t}/io").read().splitlines())
            out[t] = [int(run) / 1e9, int(wait) / 1e9, int(io.get("write_bytes", 0))]
        except (OSError, ValueError):
            pass
    return out


def wrk_children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def measure(target, conns, rnd, secs=None, extra=(), state_root=None, label=None, perf_out=None):
    secs = secs or duration
    label = label or target
    name = f"{label}-c{conns}-r{rnd}".replace(" ", "_").replace("(", "").replace(")", "").replace("=", "-")
    log = os.path.join(results, "logs", f"wrk-{name}.log")
    failures_before = len(failures)
    s = None
    threads = None
    if target == "nginx":
        pids = [nginx.pid, *children(nginx.pid)]
        cpu0, busy0, wrk0 = sum(proc_cpu(p) for p in pids), machine_busy_s(), wrk_children_cpu()
        t0 = time.perf_counter()
        r = run_wrk(ng_port, "GET", os.path.join(work, "nginx", "nginx.paths"), conns, secs, True, log)
        wall = time.perf_counter() - t0
        server_cpu = sum(proc_cpu(p) for p in pids) - cpu0
        busy, wrk_cpu = machine_busy_s() - busy0, wrk_children_cpu() - wrk0
        commits = None
    else:
        s = Serve(name, state_root, extra)
        perf = None
        if perf_out and perf_bin:
            perf = subprocess.Popen([perf_bin, "record", "-e", "cpu-clock", "-F", "250", "--call-graph", "dwarf,16384",
                                     "-p", str(s.proc.pid), "-o", perf_out],
                                    stdout=subprocess.DEVNULL, stderr=open(perf_out + ".log", "w"))
            time.sleep(1)  # perf attaching is not an event we can wait on; it only costs the first samples
        th0 = threads_of(s.proc.pid)
        cpu0, busy0, wrk0 = proc_cpu(s.proc.pid), machine_busy_s(), wrk_children_cpu()
        t0 = time.perf_counter()
        method = "POST" if target == "unsubscribe" else "GET"
        try:
            r = run_wrk(s.port, method, os.path.join(work, f"{target}.paths"), conns, secs, False, log)
        except Exception:
            s.stop()
            raise
        wall = time.perf_counter() - t0
        server_cpu = proc_cpu(s.proc.pid) - cpu0
        busy, wrk_cpu = machine_busy_s() - busy0, wrk_children_cpu() - wrk0
        th1 = threads_of(s.proc.pid)
        # The writer is the thread that wrote the WAL: by far the most bytes to storage. The
        # rest that used CPU are the I/O threads (the mailer only waits: its SMTP server is down).
        d = {t: [b - a for a, b in zip(th0.get(t, [0, 0, 0]), v)] for t, v in th1.items()}
        writer = max(d, key=lambda t: d[t][2]) if d else None
        io = [v for t, v in d.items() if t != writer]
        if writer:
            w = d[writer]
            threads = {"writer_tid": writer, "writer_cpu_s": w[0], "writer_runqueue_s": w[1],
                       "writer_off_cpu_s": max(0.0, wall - w[0] - w[1]), "writer_wrote_mb": w[2] / 1e6,
                       "io_threads_cpu_s": sum(v[0] for v in io), "io_threads_runqueue_s": sum(v[1] for v in io),
                       "wall_s": wall}
        if perf:
            perf.send_signal(signal.SIGINT)
            try:
                perf.wait(120)
            except subprocess.TimeoutExpired:
                perf.kill()
        commits = s.stop()
    rps = r["requests"] / (r["duration_us"] / 1e6)
    # others: CPU used by neither the server nor wrk, per wall second (the neighbours).
    others = max(0.0, (busy - server_cpu - wrk_cpu) / wall)
    sample = {"target": target, "label": label, "connections": conns, "round": rnd, "seconds": secs,
              "requests_per_s": rps, "p50_ms": r["latency_us"]["p50"] / 1000, "p99_ms": r["latency_us"]["p99"] / 1000,
              "server_cpu_s": server_cpu, "server_cpu_ms_per_req": 1000 * server_cpu / max(1, r["requests"]),
              "wrk_cpu_s": wrk_cpu, "machine_busy_cores": busy / wall, "others_cores": others, "commits": commits,
              "requests_per_commit": (r["requests"] / commits) if commits else None, "threads": threads, "wrk": r}
    errs = sum(r["errors"].values())
    if r["exhausted"]:
        failures.append(f"{name}: the readers ran out ({r['exhausted']} requests past the last): raise --readers")
    if target != "nginx":
        chk = store_check(s.state)
        sample["store"] = chk
        stored = chk["unsubscribed"] if target == "unsubscribe" else chk["confirmed"]
        if chk["integrity"] != "ok":
            failures.append(f"{name}: PRAGMA integrity_check says {chk['integrity']!r}")
        if stored < r["ok200"]:
            failures.append(f"{name}: wrk saw {r['ok200']} acknowledged (200) but the store holds only {stored}: "
                            f"{r['ok200'] - stored} acknowledged change(s) lost")
        if target == "unsubscribe" and chk["one_click_events"] != chk["unsubscribed"]:
            failures.append(f"{name}: {chk['unsubscribed']} unsubscribed readers but {chk['one_click_events']} one-click events")
        if len(failures) == failures_before or state_root:
            s.cleanup()
        else:
            say(f"{name}: the store is left in {s.state} (removed at the end unless --keep)")
    if r["other"] or errs:
        sample["note"] = f"{r['other']} non-200, errors {r['errors']}"
    print(f"  {label:<22} c={conns:<3} round {rnd}: {rps:8.0f} req/s  p50 {sample['p50_ms']:6.2f} ms  "
          f"p99 {sample['p99_ms']:7.2f} ms  200s {r['ok200']}" + (f"  other {r['other']}" if r["other"] else "")
          + (f"  errors {r['errors']}" if errs else "")
          + (f"  {sample['requests_per_commit']:.1f} req/commit" if commits else "")
          + f"  others {others:.2f} cores", flush=True)
    return sample


# ---- the run ---------------------------------------------------------------------------------------
targets = ["unsubscribe", "confirm"] + (["nginx"] if nginx else [])
say(f"targets {', '.join(targets)}; connections {conn_levels}; {rounds} round(s) of {duration} s each; "
    f"wrk {wrk_version()}{', ' + nginx_version if nginx_version else ''}; the unsubscribe page is {len(page)} bytes "
    f"(+{serve_head} of head), the confirm page {len(confirm_page)}")
samples, diagnostics, started = [], [], utc()
try:
    say("warm-up (untimed): 2 s of each target at 16 connections")
    for t in targets:
        measure(t, 16, 0, secs=2, label=t + " (warm-up)")
    for rnd in range(1, rounds + 1):
        say(f"round {rnd}/{rounds}, load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
        for conns in conn_levels:
            k = (rnd - 1 + conn_levels.index(conns)) % len(targets)
            for t in targets[k:] + targets[:k]:
                try:
                    samples.append(measure(t, conns, rnd))
                except Exception as e:  # one broken measurement: say so, go on with the others
                    failures.append(f"{t} at {conns} connections, round {rnd}: {e}")
                    say(f"FAILED: {t} at {conns} connections, round {rnd}: {e}")
    if profile:
        say("--profile: one 64-connection unsubscribe run under perf, then the diagnostic variants")
        perf_out = os.path.join(results, "perf-unsubscribe-c64.data")
        diagnostics.append(measure("unsubscribe", 64, 1, label="unsubscribe (perf)", perf_out=perf_out if perf_bin else None))
        diagnostics.append(measure("unsubscribe", 64, 1, label="unsubscribe log=warn", extra=["--log.level=warn"]))
        if os.path.isdir("/dev/shm"):
            diagnostics.append(measure("unsubscribe", 64, 1, label="unsubscribe on tmpfs", state_root="/dev/shm"))
        diagnostics.append(measure("unsubscribe", 64, 1, label="unsubscribe again"))
except Exception as e:  # a broken step: say so, still print what was measured
    failures.append(f"a step failed: {e}")
finally:
    if nginx:
        nginx.terminate()
        try:
            nginx.wait(20)
        except subprocess.TimeoutExpired:
            nginx.kill()

# ---- the table -------------------------------------------------------------------------------------
def med(xs):
    return statistics.median(xs) if xs else None


summary = []
nginx_rps = {c: med([s["requests_per_s"] for s in samples if s["target"] == "nginx" and s["connections"] == c])
             for c in conn_levels}
for t in targets:
    for c in conn_levels:
        ss = [s for s in samples if s["target"] == t and s["connections"] == c]
        if not ss:
            continue
        rps = [s["requests_per_s"] for s in ss]
        per_round = []
        for s in ss:
            n = [x for x in samples if x["target"] == "nginx" and x["connections"] == c and x["round"] == s["round"]]
            if n:
                per_round.append(s["requests_per_s"] / n[0]["requests_per_s"])
        commits = [s["requests_per_commit"] for s in ss if s["requests_per_commit"]]
        summary.append({
            "target": t, "connections": c, "rounds": len(ss), "requests_per_s": med(rps), "min": min(rps), "max": max(rps),
            "p50_ms": med([s["p50_ms"] for s in ss]), "p99_ms": med([s["p99_ms"] for s in ss]),
            "p99_ms_max": max(s["p99_ms"] for s in ss),
            "ratio_to_nginx": (med(rps) / nginx_rps[c]) if nginx_rps.get(c) else None,
            "ratio_per_round": per_round,
            "server_cpu_ms_per_req": med([s["server_cpu_ms_per_req"] for s in ss]),
            "requests_per_commit": med(commits) if commits else None,
            "others_cores": med([s["others_cores"] for s in ss]),
            "ok200": sum(s["wrk"]["ok200"] for s in ss)})

print()
print(f"pipeline serve vs nginx, {duration} s per measurement, median of {rounds} round(s) (range); "
      f"wrk -t2 (-t1 at 1 connection) --latency on the same machine")
hdr = f"{'target':<12} {'conns':>5} {'requests/s':>10} {'(range)':>15} {'p50 ms':>7} {'p99 ms':>7} {'vs nginx':>9} {'(per round)':>17} {'CPU ms/req':>10} {'req/commit':>10}"
print(hdr)
print("-" * len(hdr))
for s in summary:
    rng = f"{s['min']:.0f}-{s['max']:.0f}"
    ratio = f"{s['ratio_to_nginx']:.2f}" if s["ratio_to_nginx"] else "-"
    pr = f"{min(s['ratio_per_round']):.2f}-{max(s['ratio_per_round']):.2f}" if s["ratio_per_round"] and s["target"] != "nginx" else ""
    rpc = f"{s['requests_per_commit']:.1f}" if s["requests_per_commit"] else "-"
    print(f"{s['target']:<12} {s['connections']:>5} {s['requests_per_s']:>10.0f} {rng:>15} {s['p50_ms']:>7.2f} "
          f"{s['p99_ms']:>7.2f} {ratio:>9} {pr:>17} {s['server_cpu_ms_per_req']:>10.3f} {rpc:>10}")
if profile and diagnostics:
    print("\ndiagnostics (one 64-connection run each, not medians):")
    for s in diagnostics:
        rpc = f"{s['requests_per_commit']:.1f}" if s["requests_per_commit"] else "-"
        print(f"  {s['label']:<24} {s['requests_per_s']:>8.0f} req/s  p50 {s['p50_ms']:6.2f}  p99 {s['p99_ms']:7.2f} ms  "
              f"CPU {s['server_cpu_ms_per_req']:.3f} ms/req  {rpc} req/commit")

target_row = next((s for s in summary if s["target"] == "unsubscribe" and s["connections"] == TARGET_CONNS), None)
verdict = None
if target_row:
    met = target_row["requests_per_s"] >= TARGET_RPS and target_row["p99_ms"] <= TARGET_P99_MS
    verdict = {"requests_per_s": target_row["requests_per_s"], "p99_ms": target_row["p99_ms"], "met": met}
    print(f"\ntarget (the issue): >= {TARGET_RPS} durable one-click unsubscribes/s at {TARGET_CONNS} connections with p99 <= "
          f"{TARGET_P99_MS:.0f} ms: {target_row['requests_per_s']:.0f}/s, p99 {target_row['p99_ms']:.1f} ms -> "
          f"{'MET' if met else 'NOT MET'}")
checked = sum(s["wrk"]["ok200"] for s in samples + (diagnostics if profile else []) if s["target"] == "unsubscribe")
checked_c = sum(s["wrk"]["ok200"] for s in samples if s["target"] == "confirm")
print(f"durability: {checked} acknowledged unsubscribes and {checked_c} confirmations checked against the store "
      f"(and integrity_check) after each run: {'all there' if not failures else 'FAILED'}")

# ---- where the server's time goes (every serve measurement: schedstat per thread) -------------
print("\nwhere the server's time goes (medians; per request: CPU of the writer thread and of the I/O threads;"
      "\nthe writer's wall time split into on a CPU / runnable but waiting for a CPU / asleep: fsync, queue empty):")
print(f"  {'target':<12} {'conns':>5} {'writer us/req':>13} {'I/O us/req':>10} {'writer on-CPU':>13} {'wait-CPU':>8} "
      f"{'asleep':>6} {'req/commit':>10} {'commits/s':>9}")
for t in ("unsubscribe", "confirm"):
    for c in conn_levels:
        ss = [x for x in samples if x["target"] == t and x["connections"] == c and x.get("threads")]
        if not ss:
            continue
        def m(f):
            return med([f(x) for x in ss])
        wus = m(lambda x: 1e6 * x["threads"]["writer_cpu_s"] / max(1, x["wrk"]["requests"]))
        ious = m(lambda x: 1e6 * x["threads"]["io_threads_cpu_s"] / max(1, x["wrk"]["requests"]))
        on = m(lambda x: x["threads"]["writer_cpu_s"] / x["threads"]["wall_s"])
        wait = m(lambda x: x["threads"]["writer_runqueue_s"] / x["threads"]["wall_s"])
        off = m(lambda x: x["threads"]["writer_off_cpu_s"] / x["threads"]["wall_s"])
        rpc = m(lambda x: x["requests_per_commit"] or 0)
        cps = m(lambda x: (x["commits"] or 0) / x["threads"]["wall_s"])
        print(f"  {t:<12} {c:>5} {wus:>13.1f} {ious:>10.1f} {on:>12.0%} {wait:>8.0%} {off:>6.0%} {rpc:>10.1f} {cps:>9.0f}")

PROFILE_ROWS = [  # (label, symbol regex): inclusive share of the server's CPU samples
    ("writer thread, all", "TID:writer"),
    ("  the batch in SQLite (Store::change_readers)", r"tv::Store::change_readers$"),
    ("    COMMIT (WAL frames + fdatasync)", r"tv::store_sql::Transaction::commit"),
    ("    fdatasync, kernel CPU", r"__x64_sys_fdatasync$"),
    ("    pwrite (WAL frames, checkpoints)", r"__x64_sys_pwrite64$"),
    ("    sqlite3_prepare (statements made per batch)", r"sqlite3_prepare_v2$"),
    ("  the answer's page, rendered on the writer (App::page)", r"tv::serve::App::page$"),
    ("  handing answers to the connections (post_reply)", r"Connection::post_reply$"),
    ("I/O threads, all", "TID:others"),
    ("  reading + Beast parsing (Connection::parse_buffer)", r"Connection::parse_buffer$"),
    ("  decoding + App::handle (finish_request)", r"Connection::finish_request$"),
    ("    the token's HMAC", r"^HMAC$"),
    ("  writing the answer (Connection::write_response)", r"Connection::write_response$"),
    ("    of which the log line (Connection::log)", r"Connection::log$"),
    ("      of which spdlog's flush after every line", r"spdlog::logger::flush_$"),
    ("    send(2) of the answer, kernel", r"__x64_sys_sendto$"),
    ("  recv(2), kernel", r"__x64_sys_recvfrom$"),
    ("  epoll_wait, kernel", r"__x64_sys_epoll_wait$"),
    ("futex (locks, the writer's queue), kernel", r"__x64_sys_futex$"),
]


def perf_breakdown(pd, writer_tid):
    out = subprocess.run([perf_bin, "report", "-i", pd, "--stdio", "--children", "-g", "none", "--sort", "sym",
                          "--percent-limit", "0.1"], capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        mm = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[.\]\s+(.*?)\s*$", line)
        if mm:
            rows.append((float(mm.group(1)), float(mm.group(2)), re.sub(r"\s*\(inlined\)$", "", mm.group(3))))
    # Per thread (exact, unlike call chains, which perf's 16 KB stack copy sometimes cuts short).
    by_tid = subprocess.run([perf_bin, "report", "-i", pd, "--stdio", "--no-children", "-g", "none", "--sort", "pid"],
                            capture_output=True, text=True).stdout
    tids = {mm.group(2): float(mm.group(1)) for mm in
            (re.match(r"\s*([\d.]+)%\s+(\d+):", l) for l in by_tid.splitlines()) if mm}
    shares = {}
    for label, rx in PROFILE_ROWS:
        if rx == "TID:writer":
            shares[label] = tids.get(str(writer_tid), 0.0)
        elif rx == "TID:others":
            shares[label] = sum(v for t, v in tids.items() if t != str(writer_tid))
        else:
            hits = [r[0] for r in rows if re.search(rx, r[2])]
            shares[label] = max(hits) if hits else 0.0
    self_out = subprocess.run([perf_bin, "report", "-i", pd, "--stdio", "--no-children", "-g", "none", "--sort", "dso"],
                              capture_output=True, text=True).stdout
    dsos = [(float(mm.group(1)), mm.group(2)) for mm in
            (re.match(r"\s*([\d.]+)%\s+(\S+)", l) for l in self_out.splitlines() if not l.startswith("#")) if mm]
    alloc = sum(r[1] for r in rows if re.fullmatch(r"(_int_malloc|malloc|_int_free|cfree@GLIBC_2.2.5|free|"
                                                   r"unlink_chunk.constprop.0|malloc_consolidate|__GI___libc_malloc|"
                                                   r"__GI___libc_free|operator new\(unsigned long\)|operator delete.*)", r[2]))
    return shares, dsos, alloc


perf_doc = None
if profile and perf_bin and os.path.exists(os.path.join(results, "perf-unsubscribe-c64.data")):
    pd = os.path.join(results, "perf-unsubscribe-c64.data")
    prof = next((x for x in diagnostics if x["label"] == "unsubscribe (perf)"), None)
    shares, dsos, alloc = perf_breakdown(pd, (prof or {}).get("threads", {}) and prof["threads"]["writer_tid"])
    perf_doc = {"file": pd, "inclusive_percent": shares, "self_percent_by_library": dict((d, p) for p, d in dsos),
                "malloc_free_self_percent": alloc}
    cpu_note = ""
    if prof and prof.get("threads"):
        th = prof["threads"]
        cpu_note = (f" (serve used {prof['server_cpu_s'] / th['wall_s']:.2f} cores: writer {th['writer_cpu_s'] / th['wall_s']:.2f}, "
                    f"I/O threads {th['io_threads_cpu_s'] / th['wall_s']:.2f}; {prof['requests_per_s']:.0f} req/s)")
    print(f"\nperf (cpu-clock, 250 Hz, dwarf call graphs), the 64-connection unsubscribe run: share of serve's CPU "
          f"samples, inclusive{cpu_note}:")
    for label, _ in PROFILE_ROWS:
        print(f"  {label:<58} {shares[label]:5.1f}%")
    print(f"  {'malloc/free, self, everywhere':<58} {alloc:5.1f}%")
    print("  by library (self): " + ", ".join(f"{d} {p:.1f}%" for p, d in dsos[:7]))
    print(f"  (perf report -i {pd} --children)")

doc = {"benchmark": "serve", "command": command_line, "started": started, "finished": utc(), "build_type": build_type,
       "settings": {"duration_s": duration, "rounds": rounds, "connections": conn_levels, "readers": readers,
                    "store_mb": round(store_mb, 1), "wrk": wrk_version(), "nginx": nginx_version,
                    "page_bytes": len(page), "confirm_page_bytes": len(confirm_page)},
       "target": {"requests_per_s": TARGET_RPS, "p99_ms": TARGET_P99_MS, "connections": TARGET_CONNS, "result": verdict},
       "summary": summary, "samples": samples, "diagnostics": diagnostics if profile else [], "perf": perf_doc,
       "binaries_seen": len(binary_seen), "checks": {"acknowledged_unsubscribes_checked": checked, "acknowledged_confirmations_checked": checked_c,
                  "failures": failures}}
try:
    doc["machine"] = json.load(open(os.path.join(results, "machine-start.json")))
except (OSError, ValueError):
    pass
with open(os.path.join(results, "serve.json"), "w") as f:
    json.dump(doc, f, indent=1)
if len(binary_seen) > 1:
    say(f"WARNING: {pipeline} was rebuilt during the run ({len(binary_seen)} versions): the rounds mixed binaries")
say(f"results in {results}/serve.json")
for msg in failures:
    print(f"serve.sh: FAIL: {msg}", file=sys.stderr)
sys.exit(1 if failures else 0)
PYEOF
"$PY" "$root/bench/machine.py" --build "$build" --workdir "$work" --json "$results/machine-end.json" >/dev/null 2>&1 || true
exit $rc
