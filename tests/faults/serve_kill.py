#!/usr/bin/python3
"""The serve kill test: SIGKILL `pipeline serve` at random moments under a load of one-click
unsubscribes, restart it, and check that no acknowledged unsubscribe was lost.

usage: serve_kill.py --pipeline PATH [--source DIR] [--work DIR] [--seed S] [--kills K]
                     [--readers N] [--clients C] [--signups F] [--max-delay SECONDS]
                     [--startup-kills P] [--keep]

Contract:
- A store of N readers (default 40,000) imported as subscribed (`pipeline subscribers import`),
  used until too few are left for another kill's load; then its end checks (below) and a fresh
  store, so a long form (--kills 300) never runs out of readers.
  Every unsubscribe link is computed here from the formula in docs/serve.md (Python's hmac, not
  our code): base64url(HMAC-SHA256(secret, "unsubscribe\\n" + list_id + "\\n" + key))[0:32].
- Each iteration starts `pipeline serve` on it (port 0; the "Serving on port N" line is the
  start), runs C client threads (http.client, kept-alive connections), each POSTing RFC 8058
  one-click unsubscribes (body List-Unsubscribe=One-Click) for the next reader of a shared
  queue, and SIGKILLs serve after a delay drawn from random.Random("SEED/K") in
  [0, --max-delay] seconds from the first request sent. With probability P (default 0.2) a
  restart is first killed within 50 ms of its start, while it opens and recovers the store.
  A request answered 200 is acknowledged; one that got no answer (in flight at the kill) is
  unknown and goes back to the front of the queue, so the next iteration sends it again (as a
  mail client retries). A share F (default 0.1) of the requests are sign-ups instead (POST
  /subscribe of a new address; serve.signups_per_client_per_hour lifted): a 303 promises a
  pending reader and a queued confirmation mail (the SMTP server is unreachable: the mail
  waits in the store). Any other answer but 503, or a connection failing while serve was still
  running, is a failure.
- After every kill, on a copy of pipeline.db and its WAL (so the check does not recover the
  store for serve): PRAGMA integrity_check is ok; every reader ever acknowledged is
  `unsubscribed`; every sign-up answered 303 is `pending` with a confirmation row; every
  unsubscribed reader was sent a request; nobody has two one-click events (a retried request
  finds the reader unsubscribed and changes nothing); no imported reader is gone, and every
  other reader was signed up by a request.
- At each store's end: serve started once more and stopped with SIGTERM (exit 0); the same
  checks on the real store, PRAGMA foreign_key_check, and `pipeline subscribers list --json`
  (the product's own reading) agreeing that every acknowledged reader is unsubscribed.
- Waits are on events (the start line, answers, the process's exit), each bounded; the kill
  delay is the test's input, not a synchronisation.
- Exit status: 0 every check passed; 1 a check failed (the work folder is kept, the seed and the
  iteration printed); 2 the setup failed (import, serve did not start).
"""
import argparse
import base64
import collections
import hashlib
import hmac
import http.client
import itertools
import json
import os
import pathlib
import random
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SECRET = "serve-kill-secret-0123456789abcdef"  # TV_DIGEST_SECRET
LIST_ID = "weekly.tool-verdicts.example"        # digest.list_id's default
START_TIMEOUT = 30   # seconds serve may take to print its start line
ANSWER_TIMEOUT = 15  # seconds a client waits for an answer (the server's reply_timeout is 30)


class SetupError(Exception):
    pass


def token(key):
    mac = hmac.new(SECRET.encode(), f"unsubscribe\n{LIST_ID}\n{key}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")[:32]


def email(i):
    return f"reader{i}@example.org"


def run_binary(start, patience=120):
    """start() (Popen or run), again every 2 s while the binary cannot be executed: in a shared
    checkout a rebuild may be replacing it (ETXTBSY, EACCES, ENOENT for a moment)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return start()
        except OSError as exc:
            if time.monotonic() > deadline:
                raise SetupError(f"cannot run the pipeline binary: {exc}") from exc
            time.sleep(2)


class Serve:
    """One `pipeline serve` process on the test's store."""

    def __init__(self, args, work, state, n):
        self.err_path = state.parent / f"serve-{n}.err"
        env = dict(os.environ, TV_DIGEST_SECRET=SECRET)
        argv = [str(args.pipeline), f"--paths.state={state}", f"--paths.templates={args.source / 'templates'}",
                "--serve.listen=127.0.0.1:0", "--smtp.url=smtp://127.0.0.1:9", "--smtp.tls=none",
                "--serve.signups_per_client_per_hour=100000000", "serve"]
        self.proc = run_binary(lambda: subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=open(self.err_path, "wb"),
                                                        env=env, cwd=work))
        self.port = None
        seen, deadline = b"", time.monotonic() + START_TIMEOUT
        while self.port is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(self.proc.stdout.fileno(), 4096)
            if not chunk:  # serve exited before it listened
                break
            seen += chunk
            m = re.search(rb"Serving on port (\d+)", seen)
            if m:
                self.port = int(m.group(1))
        if self.port is None:
            self.proc.kill()
            self.proc.wait()
            raise SetupError(f"serve did not print its start line within {START_TIMEOUT} s (exit "
                             f"{self.proc.returncode}): {self.err_path.read_text(errors='replace')[-1500:]}")

    def alive(self):
        return self.proc.poll() is None


class Load:
    """C client threads sending one-click unsubscribes until told to stop or the queue is empty."""

    def __init__(self, port, queue, clients, signups=0.0, seed="", newcomers=None):
        self.port, self.queue = port, queue
        self.lock = threading.Lock()
        self.acked, self.unanswered, self.sent = [], [], set()
        # Sign-ups (POST /subscribe of a new address): a 303 promises a pending reader and a
        # queued confirmation mail. A share `signups` of the requests, new addresses each.
        self.signups, self.newcomers = signups, newcomers
        self.signed_up, self.signup_sent = [], set()
        self.problems = []
        self.first_sent = threading.Event()
        self.finished = threading.Event()  # every client has ended (the queue ran dry)
        self.active = clients
        self.killed = False  # set before the kill: an error after it is the kill's, not a bug
        self.threads = [threading.Thread(target=self.client, args=(random.Random(f"{seed}/client/{c}"),), daemon=True)
                        for c in range(clients)]

    def start(self):
        for t in self.threads:
            t.start()

    def take(self):
        with self.lock:
            return self.queue.popleft() if self.queue and not self.killed else None

    def client(self, rng):
        conn = None
        while True:
            signup = self.newcomers is not None and rng.random() < self.signups
            if signup:
                with self.lock:
                    if self.killed:
                        break
                    e = f"new{next(self.newcomers)}@example.net"
                    self.signup_sent.add(e)
                path, body, want = "/subscribe", f"email={e.replace('@', '%40')}&website=", 303
            else:
                i = self.take()
                if i is None:
                    break
                e = email(i)
                with self.lock:
                    self.sent.add(i)
                path, body, want = f"/unsubscribe?email={e.replace('@', '%40')}&token={token(e)}", \
                    "List-Unsubscribe=One-Click", 200
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=ANSWER_TIMEOUT)
                self.first_sent.set()
                conn.request("POST", path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
                resp = conn.getresponse()
                resp.read()
            except (OSError, http.client.HTTPException) as exc:
                with self.lock:
                    if not signup:
                        self.unanswered.append(i)
                    if not self.killed:
                        self.problems.append(f"{e}: the connection failed while serve was running: {exc!r}")
                break
            with self.lock:
                if resp.status == want:
                    (self.signed_up.append(e) if signup else self.acked.append(i))
                elif resp.status == 503:  # "nothing was changed": an unsubscribe is tried again later
                    if not signup:
                        self.unanswered.append(i)
                else:
                    self.problems.append(f"POST {path.split('?')[0]} for {e}: answered {resp.status}, not {want}")
            if resp.will_close:
                conn.close()
                conn = None
        if conn is not None:
            conn.close()
        with self.lock:
            self.active -= 1
            if self.active == 0:
                self.finished.set()

    def join(self, timeout):
        deadline = time.monotonic() + timeout
        for t in self.threads:
            t.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self.threads)


def check_store(db_path, n, acked, ever_sent, signed_up=(), signup_sent=()):
    """The checks on one store file (with its WAL beside it); returns (failures, unsubscribed)."""
    bad = []
    db = sqlite3.connect(f"file:{db_path}?mode=rw", uri=True)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            bad.append(f"PRAGMA integrity_check: {integrity[:5]}")
        status = dict(db.execute("SELECT key, status FROM readers"))
        doubled = db.execute("SELECT key, COUNT(*) FROM reader_events WHERE how = 'one-click' GROUP BY key "
                             "HAVING COUNT(*) > 1 LIMIT 5").fetchall()
        mails = dict(db.execute("SELECT key, COUNT(*) FROM confirmations GROUP BY key"))
    finally:
        db.close()
    imported = {email(i) for i in range(n)}
    missing = imported - status.keys()
    if missing:
        bad.append(f"{len(missing)} imported reader(s) gone from the store: {sorted(missing)[:5]}")
    strangers = [k for k in status.keys() - imported if k not in signup_sent]
    if strangers:
        bad.append(f"{len(strangers)} reader(s) in the store nobody signed up: {strangers[:5]}")
    lost_signups = [e for e in signed_up if status.get(e) != "pending" or not mails.get(e)]
    if lost_signups:
        bad.append(f"{len(lost_signups)} acknowledged sign-up(s) LOST (answered 303, not pending with a confirmation "
                   "mail queued): " + ", ".join(f"{e} ({status.get(e, 'absent')}, {mails.get(e, 0)} mail(s))"
                                                for e in lost_signups[:10]))
    lost = [email(i) for i in sorted(acked) if status.get(email(i)) != "unsubscribed"]
    if lost:
        bad.append(f"{len(lost)} acknowledged unsubscribe(s) LOST (answered 200, not unsubscribed in the store): "
                   + ", ".join(f"{e} ({status.get(e, 'absent')})" for e in lost[:10]))
    sent_keys = {email(i) for i in ever_sent}
    spurious = [k for k, s in status.items() if k in imported and s != "subscribed" and k not in sent_keys]
    if spurious:
        bad.append(f"{len(spurious)} reader(s) changed without a request: {spurious[:5]}")
    if doubled:
        bad.append(f"readers with two one-click events (a retry changed something again): {doubled}")
    return bad, sum(1 for s in status.values() if s == "unsubscribed")


def import_readers(args, state, n, work):
    """A fresh store at `state` holding n subscribed readers."""
    csv = work / "readers.csv"
    with open(csv, "w") as f:
        f.write("email,name,status\n")
        for i in range(n):
            f.write(f"{email(i)},Reader {i},subscribed\n")
    imp = run_binary(lambda: subprocess.run(
        [str(args.pipeline), f"--paths.state={state}", "subscribers", "import", str(csv)],
        capture_output=True, text=True, env=dict(os.environ, TV_DIGEST_SECRET=SECRET), cwd=work))
    if imp.returncode != 0:
        raise SetupError(f"subscribers import exited {imp.returncode}: {imp.stderr[-1500:]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pipeline", required=True, type=pathlib.Path)
    ap.add_argument("--source", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[2])
    ap.add_argument("--work", type=pathlib.Path, help="a folder for the test (default: a new temporary one)")
    ap.add_argument("--seed", type=int, default=int(time.time() * 1000) % 1000000)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--readers", type=int, default=40000, help="readers per store (a new store when they run low)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--signups", type=float, default=0.1, help="the share of requests that are sign-ups (303)")
    ap.add_argument("--max-delay", type=float, default=2.5, help="kill delays are uniform in [0, this] seconds")
    ap.add_argument("--startup-kills", type=float, default=0.2,
                    help="chance that a restart is first killed while it starts (before it listens)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder even when every check passed")
    args = ap.parse_args()
    args.pipeline = args.pipeline.resolve()
    args.source = args.source.resolve()
    n = args.readers
    t_start = time.monotonic()

    if args.work:
        work = args.work.resolve()
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
    else:
        work = pathlib.Path(tempfile.mkdtemp(prefix="tv-serve-kill."))
    print(f"serve_kill: seed {args.seed}, {args.kills} kills, {n} readers per store, {args.clients} clients, "
          f"kill delays in [0, {args.max_delay}] s; work folder {work}", flush=True)

    failures = []
    totals = collections.Counter()
    sent_per_s = 3000.0  # requests per second of load, measured as it goes: when a store's readers run low

    def fail(msg):
        failures.append(msg)
        print(f"serve_kill: FAIL: {msg}", flush=True)

    k, epoch = 0, 0
    try:
        while k < args.kills and not failures:
            # ---- one store: N subscribed readers, used until too few are left for one more kill
            epoch += 1
            state = work / f"store-{epoch}" / "state"
            import_readers(args, state, n, work)
            order = list(range(n))
            random.Random(f"{args.seed}/order/{epoch}").shuffle(order)
            queue = collections.deque(order)
            acked, ever_sent = set(), set()
            signed_up, signup_sent, newcomers = set(), set(), itertools.count()
            check_dir = work / f"store-{epoch}" / "check"
            print(f"  store {epoch}: {n} subscribed readers", flush=True)
            while k < args.kills and len(queue) > max(4 * args.clients, 1.5 * sent_per_s * args.max_delay):
                k += 1
                rng = random.Random(f"{args.seed}/{k}")
                delay = rng.uniform(0, args.max_delay)
                if k > 1 and rng.random() < args.startup_kills:
                    # A restart killed while it opens and recovers the store, before it listens.
                    early = rng.uniform(0, 0.05)
                    argv = [str(args.pipeline), f"--paths.state={state}",
                            f"--paths.templates={args.source / 'templates'}", "--serve.listen=127.0.0.1:0",
                            "--smtp.url=smtp://127.0.0.1:9", "--smtp.tls=none", "serve"]
                    env = dict(os.environ, TV_DIGEST_SECRET=SECRET)
                    p = run_binary(lambda: subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                                                            stderr=subprocess.DEVNULL, env=env, cwd=work))
                    try:
                        p.wait(early)  # the delay is the input; it ends early only if serve exits
                    except subprocess.TimeoutExpired:
                        pass
                    if p.poll() is None:
                        p.kill()
                        totals["startup kills"] += 1
                    p.wait(30)
                    if p.returncode != -signal.SIGKILL:
                        fail(f"kill {k}: serve exited {p.returncode} by itself within {early:.3f} s of its start")
                        break
                serve = Serve(args, work, state, k)
                load = Load(serve.port, queue, args.clients, args.signups, f"{args.seed}/{k}", newcomers)
                load.start()
                load.first_sent.wait(10)
                t0 = time.monotonic()
                # The kill delay is the input drawn from the seed; the wait ends early only if the
                # load does (the queue ran dry: the kill then lands on an idle server).
                load.finished.wait(delay)
                loaded = time.monotonic() - t0
                if load.finished.is_set():
                    totals["idle kills"] += 1
                if not serve.alive():
                    fail(f"kill {k}: serve exited by itself with {serve.proc.returncode} ({serve.err_path})")
                    break
                with load.lock:
                    load.killed = True
                serve.proc.send_signal(signal.SIGKILL)
                serve.proc.wait(30)
                totals["kills"] += 1
                if not load.join(ANSWER_TIMEOUT + 5):
                    fail(f"kill {k}: client threads still waiting {ANSWER_TIMEOUT + 5} s after the kill")
                    break
                if loaded > 0.2:
                    sent_per_s = max(sent_per_s * 0.5, len(load.sent) / loaded)
                acked.update(load.acked)
                ever_sent.update(load.sent)
                signed_up.update(load.signed_up)
                signup_sent.update(load.signup_sent)
                # Unanswered requests go back to the front of the queue: sent again next time.
                totals["retried"] += len(load.unanswered)
                queue.extendleft(reversed(load.unanswered))
                for prob in load.problems:
                    fail(f"kill {k} (seed {args.seed}, delay {delay:.3f} s): {prob}")
                # The checks, on a copy of the killed store: serve recovers the real one on restart.
                shutil.rmtree(check_dir, ignore_errors=True)
                check_dir.mkdir()
                for suffix in ("", "-wal"):
                    src = state / f"pipeline.db{suffix}"
                    if src.exists():
                        shutil.copyfile(src, check_dir / src.name)
                bad, unsub = check_store(check_dir / "pipeline.db", n, acked, ever_sent, signed_up, signup_sent)
                for b in bad:
                    fail(f"kill {k} (seed {args.seed}, delay {delay:.3f} s): {b}")
                print(f"  kill {k:>3}/{args.kills}: after {delay:.3f} s of load; {len(load.acked)} unsubscribes "
                      f"answered 200, {len(load.unanswered)} unanswered (sent again next), {len(load.signed_up)} sign-ups "
                      f"answered 303; store: {'ok' if not bad else 'BAD'}, {len(acked)} + {len(signed_up)} acknowledged "
                      f"so far, {unsub} unsubscribed", flush=True)
                if bad or load.problems:
                    break
            if failures:
                break
            # ---- the store's end: serve once more (it recovers the store), a clean stop, the checks
            serve = Serve(args, work, state, f"{epoch}-final")
            serve.proc.send_signal(signal.SIGTERM)
            try:
                rc = serve.proc.wait(30)
            except subprocess.TimeoutExpired:
                serve.proc.kill()
                rc = "none within 30 s"
            if rc != 0:
                fail(f"store {epoch}: the final serve stopped with {rc} after SIGTERM, not 0 ({serve.err_path})")
            bad, unsub = check_store(state / "pipeline.db", n, acked, ever_sent, signed_up, signup_sent)
            for b in bad:
                fail(f"store {epoch}, at the end: {b}")
            db = sqlite3.connect(state / "pipeline.db")
            fk = db.execute("PRAGMA foreign_key_check").fetchall()
            db.close()
            if fk:
                fail(f"store {epoch}: PRAGMA foreign_key_check: {fk[:5]}")
            listed = run_binary(lambda: subprocess.run(
                [str(args.pipeline), f"--paths.state={state}", "subscribers", "list", "--json"],
                capture_output=True, text=True, cwd=work, env=dict(os.environ, TV_DIGEST_SECRET=SECRET)))
            try:
                by_key = {r["key"]: r["status"] for r in json.loads(listed.stdout)}
                wrong = [email(i) for i in acked if by_key.get(email(i)) != "unsubscribed"]
                wrong += [e for e in signed_up if by_key.get(e) != "pending"]
                if wrong:
                    fail(f"store {epoch}: `subscribers list --json`: {len(wrong)} acknowledged reader(s) not "
                         f"unsubscribed (or, signed up, not pending): {wrong[:10]}")
            except (ValueError, KeyError, TypeError) as exc:
                fail(f"store {epoch}: `subscribers list --json` exited {listed.returncode}, unreadable: {exc!r} "
                     f"{listed.stderr[-500:]}")
            totals["acknowledged"] += len(acked)
            totals["signed up"] += len(signed_up)
            if not failures:
                shutil.rmtree(work / f"store-{epoch}", ignore_errors=True)  # passed: its space back
    except SetupError as exc:
        print(f"serve_kill: SETUP FAILED: {exc}")
        return 2

    took = time.monotonic() - t_start
    if failures:
        print(f"serve_kill: FAILED ({len(failures)} problem(s)), seed {args.seed}; rerun: {sys.argv[0]} --pipeline "
              f"{args.pipeline} --seed {args.seed} --kills {args.kills}; work folder kept: {work}")
        return 1
    print(f"serve_kill: ok: {totals['kills']} kills in {took:.1f} s (seed {args.seed}), {epoch} store(s); "
          f"{totals['acknowledged']} acknowledged unsubscribes and {totals['signed up']} sign-ups checked after every "
          f"kill and at the end, none lost; {totals['retried']} unanswered request(s) sent again; {totals['idle kills']} kill(s) on "
          f"an idle server; {totals['startup kills']} restart(s) killed while starting; integrity_check ok")
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
