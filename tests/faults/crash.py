#!/usr/bin/python3
"""The crash test: SIGKILL the nightly run and the digest send at random moments, rerun, check.

usage: crash.py --pipeline PATH [--source DIR] [--work DIR] [--seed S]
                [--nightly-kills N] [--digest-kills N] [--readers M] [--extra-pages K]
                [--double-kill P] [--only nightly:I|digest:I [--delays D,...]] [--keep]

Contract (tests/faults/README.md explains each check):
- Nightly part. The inbox is the repository's inbox/, the e2e case inboxes encodings/ and
  hostile/, one byte-for-byte copy of a sample page under another name (a duplicate), and K
  generated variants of the sample pages (a comment appended: new bytes, same facts). Two clean
  runs (no kill) on fresh copies are the reference: the published site, where each input went
  (archive or rejected), what `status` lists as moved aside, the store's counts, and the run's
  duration T. They must agree with each other, byte for byte, or nothing else runs.
  Each iteration: a fresh copy of the inbox and an empty state; `pipeline run` is SIGKILLed
  after a delay drawn uniformly from [0, 1.2 T] (with probability P the first rerun is killed
  too), then rerun to completion; then every check below.
- Digest part. A state made by two nights (2026-11-18, 2026-11-23: week 2026-W47 has content)
  and one SMTP server on loopback (tests/digest/smtp_server.py) for the whole part. Each
  iteration mails its own M readers (addresses tagged with the iteration) from a fresh copy of
  that state: `digest --send` is SIGKILLed after a delay uniform in [0, 1.2 T] (T: a clean
  send), then rerun to completion. At the end the server is stopped and every message it saved
  is checked again (tests/digest/check_mail.py: well formed, nobody twice).
- Every delay is a fraction drawn from random.Random("SEED/PART/I") times T, where T starts as
  the clean run's time and follows the machine: the median of the last 5 uninterrupted first
  attempts (a kill that came after the end measures it). `--only PART:I --delays D,...`
  repeats an iteration with the exact delays a failure printed (where a kill lands still
  depends on the machine: run it a few times).
- A kill only counts when the process was still running; a delay past its end is counted as
  "finished first", and a part runs iterations until it has its number of kills (at most 3x
  as many iterations).
- Prints one line per iteration and a summary line; exit 0 when every check passed, 1 when one
  failed (each failure names part, iteration, seed and delays; the iteration's folder is kept),
  2 when the setup failed (a clean run failed, or two clean runs disagree), 77 when the digest
  part is asked for and aiosmtpd is missing.
"""
import argparse
import email.parser
import hashlib
import json
import os
import pathlib
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

WEEK = "2026-W47"
NIGHTS = ("2026-11-18", "2026-11-23")
SECRET = "crash-secret-0123456789abcdef"
TIMEOUT = 600  # seconds a completing run may take before it counts as hung
CASE_INBOXES = ("tests/e2e/cases/encodings/inbox", "tests/e2e/cases/hostile/inbox")
VARIANT_SOURCES = re.compile(r"^(hf|tv-card|launchboard|blog)-.*\.html$")
DUPLICATE = ("tv-card-smollm3.html", "zz-copy-of-tv-card-smollm3.html")


class SetupError(Exception):
    """A clean run failed or two clean runs disagree: the crash checks would mean nothing."""


class Duration:
    """How long an uninterrupted run takes now: the median of the last 5 seen. The machine is
    shared, so a figure measured once (the clean run) drifts; every kill that came too late
    measures it again."""

    def __init__(self, secs):
        self.seen = [secs]

    def observe(self, secs):
        self.seen = self.seen[-4:] + [secs]

    def value(self):
        return sorted(self.seen)[len(self.seen) // 2]


# ---------------------------------------------------------------- running the pipeline

class Pipeline:
    """Builds argv for one case folder (inbox, state, rejected, outbox inside it) and runs it."""

    def __init__(self, binary, source):
        self.binary, self.source = str(binary), pathlib.Path(source)
        self.env = dict(os.environ, TV_DIGEST_SECRET=SECRET)

    def argv(self, case, *args):
        return [self.binary, f"--paths.inbox={case}/inbox", f"--paths.state={case}/state",
                f"--paths.rejected={case}/rejected", f"--paths.outbox={case}/outbox",
                f"--paths.profiles={self.source}/profiles", f"--paths.templates={self.source}/templates",
                "--inbox.min_age_seconds=0", *args]

    def run(self, argv, out):
        """Runs argv to its end, output to the file `out`; returns (exit status, seconds); the
        status is None when it did not end within TIMEOUT seconds."""
        t0 = time.monotonic()
        with open(out, "wb") as f:
            try:
                rc = subprocess.run(argv, stdout=f, stderr=subprocess.STDOUT, env=self.env, timeout=TIMEOUT).returncode
            except subprocess.TimeoutExpired:
                rc = None  # killed by subprocess.run: a hang
        return rc, time.monotonic() - t0

    def run_killed(self, argv, delay, out):
        """Starts argv and SIGKILLs it `delay` seconds later. Returns (True, None) if it was
        still running, else (False, the seconds it took)."""
        with open(out, "wb") as f:
            t0 = time.monotonic()
            p = subprocess.Popen(argv, stdout=f, stderr=subprocess.STDOUT, env=self.env)
            try:
                p.wait(timeout=delay)
                return False, time.monotonic() - t0
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                return (True, None) if p.returncode == -signal.SIGKILL else (False, time.monotonic() - t0)

    def status(self, case):
        """`pipeline status --json` of a case: (the JSON, None) or (None, what went wrong)."""
        p = subprocess.run(self.argv(case, "status", "--json"), capture_output=True, env=self.env, timeout=TIMEOUT)
        if p.returncode != 0:
            return None, f"status exited {p.returncode}: {p.stderr.decode(errors='replace').strip()[-300:]}"
        try:
            return json.loads(p.stdout), None
        except ValueError as e:
            return None, f"status --json printed no JSON ({e})"


def log_offset(case):
    log = case / "state/logs/pipeline.jsonl"
    return log.stat().st_size if log.exists() else 0


def log_messages(case, offset):
    """The log messages written after `offset`: what the killed process got to."""
    log = case / "state/logs/pipeline.jsonl"
    if not log.exists():
        return []
    with open(log, "rb") as f:
        f.seek(offset)
        lines = f.read().decode(errors="replace").splitlines()
    out = []
    for line in lines:
        try:
            out.append(json.loads(line)["msg"])
        except (ValueError, KeyError):
            pass  # a line cut by the kill
    return out


def nightly_phase(messages):
    """Where a killed `run` was, from its last log message."""
    if not messages:
        return "start-up"
    last = messages[-1]
    for prefix, phase in (("catalogue:", "panel, site data"), ("panel:", "site render/publish"),
                          ("site:", "history, digest file"), ("claimed", "reading pages"),
                          ("taking up", "claiming"), ("run ", "claiming")):
        if last.startswith(prefix):
            return "recording the end" if last.startswith("run ") and " finished " in last else phase
    return "filing"


# ---------------------------------------------------------------- files, sites, the store

def sha256(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def make_inbox(source, folder, extra_pages):
    """Writes the nightly part's inbox into `folder`; returns {name: sha256}."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for d in ("inbox", *CASE_INBOXES):
        for p in sorted((source / d).iterdir()):
            if p.is_file() and not p.name.startswith("."):
                shutil.copyfile(p, folder / p.name)
    shutil.copyfile(folder / DUPLICATE[0], folder / DUPLICATE[1])
    pages = sorted(p for p in (source / "inbox").iterdir() if VARIANT_SOURCES.match(p.name))
    for k in range(extra_pages):
        src = pages[k % len(pages)]
        (folder / f"v{k:04d}-{src.name}").write_bytes(src.read_bytes() + f"\n<!-- crash variant {k} -->\n".encode())
    return {p.name: sha256(p) for p in folder.iterdir()}


def fresh_case(case, inbox=None):
    """An empty case folder; with `inbox`, a copy of it whose files are an hour old."""
    shutil.rmtree(case, ignore_errors=True)
    case.mkdir(parents=True)
    if inbox is not None:
        shutil.copytree(inbox, case / "inbox")
        old = time.time() - 3600
        for p in (case / "inbox").iterdir():
            os.utime(p, (old, old))


def locate_inputs(case, originals):
    """Where each original input is now: ({name: [(place, path)]}, [paths of no input])."""
    found, unknown = {n: [] for n in originals}, []

    def note(place, path, name):
        (found[name].append((place, path)) if name in found else unknown.append(str(path)))

    inbox = case / "inbox"
    for p in sorted(inbox.iterdir()) if inbox.exists() else []:
        if p.name == ".processing":
            for q in sorted(p.iterdir()):
                note("claimed", q, q.name.split("~", 1)[-1])
        elif not p.name.startswith("."):
            note("inbox", p, p.name)
    for p in sorted((case / "state/archive").rglob("*")) if (case / "state/archive").exists() else []:
        if p.is_file():
            prefix, _, name = p.name.partition("-")
            note("archive", p, name) if sha256(p).startswith(prefix) else unknown.append(str(p))
    for p in sorted((case / "rejected").iterdir()) if (case / "rejected").exists() else []:
        if not p.name.endswith(".reason.txt"):
            note("rejected", p, p.name)
    return found, unknown


def check_inputs(case, originals, reference=None):
    """Each input is in exactly one place with its bytes unchanged. With `reference` ({name:
    place} of a clean run): in that same place, beside a reason file when moved aside, no
    reason file without its input, nothing left in the inbox."""
    found, unknown = locate_inputs(case, originals)
    problems = [f"a file that is no input: {p}" for p in unknown]
    for name, places in sorted(found.items()):
        if len(places) != 1:
            problems.append(f"{name}: found {len(places)} times ({', '.join(str(p) for _, p in places) or 'lost'})")
            continue
        place, path = places[0]
        if sha256(path) != originals[name]:
            problems.append(f"{name}: bytes changed ({path})")
        if reference is not None and place != reference[name]:
            problems.append(f"{name}: is in {place}, the clean run put it in {reference[name]}")
        if reference is not None and place == "rejected" and not path.with_name(path.name + ".reason.txt").exists():
            problems.append(f"{name}: moved aside without its reason file")
    if reference is not None and (case / "rejected").exists():
        for p in (case / "rejected").glob("*.reason.txt"):
            if not p.with_name(p.name[:-len(".reason.txt")]).exists():
                problems.append(f"a reason file without its input: {p.name}")
    return problems


def places(case, originals):
    """{name: place} of a finished case, for the reference."""
    found, _ = locate_inputs(case, originals)
    return {n: (p[0][0] if len(p) == 1 else "?") for n, p in found.items()}


def read_site(outbox):
    """{path: bytes} of the published generation (where outbox/site points), or None."""
    link = outbox / "site"
    if not link.is_symlink():
        return None
    root = link.resolve()
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def compare_sites(ref, got):
    """None when the two sites are equal byte for byte, else the first difference."""
    if got is None:
        return "outbox/site is not a link to a generation"
    for path in sorted(set(ref) | set(got)):
        if path not in got:
            return f"site file missing: {path}"
        if path not in ref:
            return f"site file the clean run has not: {path}"
        if ref[path] != got[path]:
            a, b = ref[path].splitlines(), got[path].splitlines()
            n = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            line = lambda ls: ls[n][:160].decode(errors="replace") if n < len(ls) else "(end of file)"
            return f"site file differs: {path} line {n + 1}: clean run {line(a)!r}, here {line(b)!r}"
    return None


def store_facts(state):
    """Integrity and counts of the state store, read from a copy (the original, maybe left with
    a hot WAL by a kill, is not touched): {"integrity", "foreign_keys", "taken_twice",
    "records", "rejected", "duplicates"}; None when there is no store yet."""
    db = state / "pipeline.db"
    if not db.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("", "-wal", "-journal"):
            if (state / f"pipeline.db{suffix}").exists():
                shutil.copyfile(state / f"pipeline.db{suffix}", f"{tmp}/pipeline.db{suffix}")
        con = sqlite3.connect(f"{tmp}/pipeline.db")
        try:
            q = lambda sql: con.execute(sql).fetchall()
            facts = {"integrity": [r[0] for r in q("PRAGMA integrity_check")],
                     "foreign_keys": len(q("PRAGMA foreign_key_check"))}
            tables = {r[0] for r in q("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "drops" in tables:
                facts["taken_twice"] = len(q("SELECT sha256 FROM drops WHERE outcome = 'taken' "
                                             "GROUP BY sha256 HAVING COUNT(*) > 1"))
                facts["rejected"] = q("SELECT COUNT(*) FROM drops WHERE outcome = 'rejected'")[0][0]
                facts["duplicates"] = q("SELECT COUNT(*) FROM drops WHERE outcome = 'duplicate'")[0][0]
                facts["records"] = q("SELECT COUNT(*) FROM records")[0][0]
            return facts
        finally:
            con.close()


def check_store(facts, reference=None):
    """Of store_facts(): PRAGMA integrity_check is 'ok' and no foreign key dangles; with
    `reference` (the clean run's facts) also: no bytes taken twice, the same records, and as
    many moved-aside and duplicate rows (no file recorded twice)."""
    if facts is None:
        return [] if reference is None else ["no state store"]
    problems = []
    if facts["integrity"] != ["ok"]:
        problems.append(f"PRAGMA integrity_check: {'; '.join(facts['integrity'][:5])}")
    if facts["foreign_keys"]:
        problems.append(f"PRAGMA foreign_key_check: {facts['foreign_keys']} row(s)")
    if reference is not None:
        for key in ("taken_twice", "records", "rejected", "duplicates"):
            if facts.get(key) != reference.get(key):
                problems.append(f"{key} = {facts.get(key)}, the clean run has {reference.get(key)}")
    return problems


# ---------------------------------------------------------------- the mail the server saved

class SmtpServer:
    """tests/digest/smtp_server.py on a loopback port, saving every message into `maildir`."""

    def __init__(self, source, folder):
        self.maildir, port_file = folder / "mail", folder / "port"
        folder.mkdir(parents=True, exist_ok=True)
        self.log = open(folder / "server.log", "wb")
        self.proc = subprocess.Popen([sys.executable, str(source / "tests/digest/smtp_server.py"), "--maildir",
                                      str(self.maildir), "--port-file", str(port_file)], stderr=self.log)
        for _ in range(300):  # waiting for the server to listen; not a pass/fail timing
            if port_file.exists() and port_file.read_text().strip():
                self.port = int(port_file.read_text())
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise SetupError(f"the SMTP server did not start (see {folder / 'server.log'})")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=60)
        self.log.close()


class Mailbox:
    """What the server saved, by envelope recipient: scan() reads the messages saved since the
    last scan (a .json is written after its .eml is complete)."""

    def __init__(self, maildir):
        self.maildir, self.seen, self.by_rcpt, self.message_ids = maildir, set(), {}, {}

    def scan(self):
        parser = email.parser.BytesHeaderParser()
        for meta in sorted(self.maildir.glob("[0-9]*.json")) if self.maildir.exists() else []:
            if meta.name in self.seen:
                continue
            self.seen.add(meta.name)
            info = json.loads(meta.read_text())
            head = parser.parse(open(meta.with_suffix(".eml"), "rb"))
            mid = str(head.get("Message-ID", "")).strip()
            self.message_ids.setdefault(mid, []).append(meta.name)
            for rcpt in info["rcpt_tos"]:
                self.by_rcpt.setdefault(rcpt.lower(), []).append((meta.name, mid, str(head.get("To", ""))))

    def count(self, address):
        return len(self.by_rcpt.get(address.lower(), []))


def readers_for(tag, n):
    return [f"r{k:02d}-{tag}@example.com" for k in range(1, n + 1)]


def write_subscribers(path, readers):
    path.write_text("email,name,status\n" + "".join(f"{r},Reader {r.split('@')[0]},subscribed\n" for r in readers))


def check_mail_once(mailbox, readers):
    """Nobody got the digest twice."""
    return [f"{r} received {mailbox.count(r)} messages: {[m[0] for m in mailbox.by_rcpt[r.lower()]]}"
            for r in readers if mailbox.count(r) > 1]


def check_ledger(status, mailbox, readers):
    """After a completed send: every reader was delivered once or is listed uncertain; the
    ledger's `sent` are exactly those delivered and not uncertain; nothing left queued,
    reserved or sending, no journal of an interrupted send. Returns (problems, uncertain)."""
    weeks = [w for w in status.get("digests", []) if w["week"] == WEEK]
    if not weeks:
        return [f"status lists no digest of {WEEK}"], set()
    counts = weeks[0]["readers"]
    uncertain = {u["email"].lower() for u in status.get("digest_uncertain", []) if u["week"] == WEEK}
    delivered = {r.lower() for r in readers if mailbox.count(r) > 0}
    everyone = {r.lower() for r in readers}
    problems = []
    if delivered | uncertain != everyone:
        problems.append(f"neither delivered nor uncertain: {sorted(everyone - delivered - uncertain)[:5]}")
    if uncertain - everyone:
        problems.append(f"uncertain but no reader of this iteration: {sorted(uncertain - everyone)[:5]}")
    if counts.get("sent", 0) != len(delivered - uncertain):
        problems.append(f"ledger says {counts.get('sent', 0)} sent, {len(delivered - uncertain)} were delivered "
                        "and not uncertain")
    left = {k: v for k, v in counts.items() if k in ("queued", "reserved", "sending") and v}
    if left:
        problems.append(f"left in the ledger after the rerun: {left}")
    if "interrupted_send" in weeks[0]:
        problems.append(f"the journal of an interrupted send is still there: {weeks[0]['interrupted_send']}")
    return problems, uncertain


# ---------------------------------------------------------------- the two parts

class Summary:
    """Counts across both parts, and the failures with what replays them."""

    def __init__(self, seed):
        self.seed, self.kills, self.reruns, self.finished_first = seed, 0, 0, 0
        self.checks, self.failed, self.uncertain, self.uncertain_delivered = 0, [], 0, 0
        self.phases, self.notes = {}, []

    def record(self, checks, where, delays):
        """Adds a list of (check name, problems); a failure names how to replay it."""
        given = ",".join(f"{d:.3f}" for d in delays)
        replay = (f" (seed {self.seed}, delays {given} s; replay: --seed {self.seed} "
                  f"--only {where.replace(' ', ':')} --delays {given})") if delays else ""
        for name, problems in checks:
            if problems:
                self.failed.append(f"{where}{replay}: {name}: " + "; ".join(problems[:5]))
                print(f"FAIL {self.failed[-1]}", flush=True)
            else:
                self.checks += 1

    def phase(self, part, phase):
        key = f"{part}: {phase}"
        self.phases[key] = self.phases.get(key, 0) + 1


def kill_and_rerun(pipeline, summary, case, argv, delays, phase_of, check_killed, duration):
    """SIGKILLs argv after each delay in turn (a delay past its end draws nothing: it finished,
    and if it was the first start its time goes to `duration`), checking the killed state each
    time, then runs it to its end. `phase_of()` is called before each start and returns what
    names the phase from the killed process's log messages. Returns (rerun status, phases
    killed, checks of the killed states)."""
    phases, checks = [], []
    for n, delay in enumerate(delays):
        offset, phase = log_offset(case), phase_of()
        killed, secs = pipeline.run_killed(argv, delay, case / f"killed-{n}.out")
        if killed:
            summary.kills += 1
            phases.append(phase(log_messages(case, offset)))
            checks.extend((f"after kill {n + 1}: {name}", p) for name, p in check_killed())
        else:
            summary.finished_first += 1
            phases.append("finished first")
            if n == 0:
                duration.observe(secs)
        if n > 0:
            summary.reruns += 1
    rc, _ = pipeline.run(argv, case / "rerun.out")
    summary.reruns += 1
    return rc, phases, checks


def nightly_reference(pipeline, work, inbox, originals):
    """Two clean runs: the reference (site, places, moved-aside list, store facts) and T."""
    refs = []
    for n in (1, 2):
        case = work / f"nightly-clean-{n}"
        fresh_case(case, inbox)
        rc, secs = pipeline.run(pipeline.argv(case, f"--run.date={NIGHTS[0]}", "run"), case / "run.out")
        if rc not in (0, 10):
            raise SetupError(f"the clean run exited {rc} (see {case / 'run.out'})")
        status, problem = pipeline.status(case)
        if problem:
            raise SetupError(f"clean run: {problem}")
        refs.append({"site": read_site(case / "outbox"), "places": places(case, originals), "secs": secs,
                     "moved_aside": sorted(m["file"] for m in status["moved_aside"]),
                     "store": store_facts(case / "state"), "problems": check_inputs(case, originals)})
    a, b = refs
    diff = compare_sites(a["site"], b["site"])
    unfiled = [n for n, p in a["places"].items() if p not in ("archive", "rejected")]
    problems = ([f"the sites differ: {diff}"] if diff else []) + a["problems"] + b["problems"] \
        + [f"the {k} differ: {a[k]} / {b[k]}" for k in ("places", "moved_aside", "store") if a[k] != b[k]] \
        + ([f"inputs left unfiled: {unfiled}"] if unfiled else [])
    if problems:
        raise SetupError("the two clean runs are no reference: " + "; ".join(problems[:5]))
    a["secs"] = min(a["secs"], b["secs"])  # the first one may pay for a cold page cache
    for n in (1, 2):
        shutil.rmtree(work / f"nightly-clean-{n}")
    return a


def draw_delays(args, part, i, secs):
    """The kill delays of one iteration: uniform in [0, 1.2 secs], a second one with chance
    args.double_kill; or those given with --delays."""
    if args.delays:
        return [float(d) for d in args.delays.split(",")]
    rng = random.Random(f"{args.seed}/{part}/{i}")
    delays = [rng.uniform(0, 1.2 * secs)]
    if rng.random() < args.double_kill:
        delays.append(rng.uniform(0, 1.2 * secs))
    return delays


def nightly_iteration(pipeline, summary, args, i, inbox, originals, ref, duration):
    """One nightly crash: kill(s), rerun, the checks. Returns True when all passed."""
    delays = draw_delays(args, "nightly", i, duration.value())
    case = args.work / f"nightly-{i:03d}"
    fresh_case(case, inbox)
    argv = pipeline.argv(case, f"--run.date={NIGHTS[0]}", "run")
    killed = lambda: [("inputs all somewhere, bytes unchanged", check_inputs(case, originals)),
                      ("store", check_store(store_facts(case / "state")))]
    rc, phases, checks = kill_and_rerun(pipeline, summary, case, argv, delays, lambda: nightly_phase, killed,
                                        duration)
    for p in phases:
        summary.phase("nightly", p)
    status, problem = pipeline.status(case)
    diff = compare_sites(ref["site"], read_site(case / "outbox"))
    facts = store_facts(case / "state")
    checks += [("rerun exit status", check_exit(rc, case)),
               ("inputs accounted for", check_inputs(case, originals, ref["places"])),
               ("site equals the clean run's", [diff] if diff else []),
               ("store", check_store(facts, ref["store"])),
               ("status", [problem] if problem else check_nightly_status(status, ref, case))]
    return finish_iteration(summary, args, case, f"nightly {i}", delays, phases, checks, f"rerun exit {rc}")


def check_exit(rc, case):
    """A completing rerun exits 0 or 10 (some inputs moved aside / some readers not mailed)."""
    if rc in (0, 10):
        return []
    return [f"{'did not end within %d s' % TIMEOUT if rc is None else f'exited {rc}'} (see {case / 'rerun.out'})"]


def check_nightly_status(status, ref, case):
    """status --json: nothing waiting or claimed, the same files listed as moved aside. A file
    in rejected/ that status does not list is named as the gap docs/design.md admits."""
    problems = []
    inbox = status["inbox"]
    if inbox["ready"] or inbox["claimed"]:
        problems.append(f"inbox not empty: {inbox}")
    listed = sorted(m["file"] for m in status["moved_aside"])
    unlisted = sorted(set(ref["moved_aside"]) - set(listed))
    unrecorded = [n for n in unlisted if (case / "rejected" / n).exists()]
    if unrecorded:
        problems.append(f"in rejected/ but not recorded, so neither status nor the report lists them: {unrecorded} "
                        "(the known gap of docs/design.md: a kill between moving a file aside and the batch commit)")
    differ = sorted(set(listed) ^ set(ref["moved_aside"]))
    if differ != unrecorded:
        problems.append(f"moved aside per status: {differ} differ from the clean run")
    return problems


def finish_iteration(summary, args, case, where, delays, phases, checks, outcome):
    """Records the checks, prints the iteration's line, removes its folder if all passed."""
    before = len(summary.failed)
    summary.record(checks, where, delays)
    ok = len(summary.failed) == before
    kills = ", ".join(f"{d:.3f} s ({p})" for d, p in zip(delays, phases))
    verdict = f"{len(checks)} checks ok" if ok else f"FAILED, kept {case}"
    print(f"{where:>10}: killed at {kills}; {outcome}; {verdict}", flush=True)
    if ok and not args.keep:
        shutil.rmtree(case, ignore_errors=True)
    return ok


def digest_argv(pipeline, case, port):
    return pipeline.argv(case, f"--run.date={NIGHTS[1]}", f"--digest.subscribers={case}/subscribers.csv",
                         f"--smtp.url=smtp://127.0.0.1:{port}", "--smtp.tls=none", "--smtp.rate_per_second=0",
                         "--smtp.retry_delay_ms=20", "--smtp.retries=2", "--smtp.max_connection_failures=3",
                         "--smtp.connect_timeout_seconds=10", "--smtp.response_timeout_seconds=60",
                         "digest", "--week", WEEK, "--send")


def digest_week_state(pipeline, source, work):
    """Two nights of the sample inbox, so week 2026-W47 has content; returns the case folder."""
    case = work / "digest-week"
    inbox = work / "digest-inbox"
    shutil.rmtree(inbox, ignore_errors=True)
    inbox.mkdir(parents=True)
    for p in (source / "inbox").iterdir():
        if p.is_file() and not p.name.startswith("."):
            shutil.copyfile(p, inbox / p.name)
    fresh_case(case, inbox)
    for night in NIGHTS:
        rc, _ = pipeline.run(pipeline.argv(case, f"--run.date={night}", "run"), case / f"{night}.out")
        if rc not in (0, 10):
            raise SetupError(f"night {night} exited {rc} (see {case / f'{night}.out'})")
    return case


def digest_case(week, case, tag, n):
    """A fresh copy of the week's state and outbox with its own `n` tagged readers."""
    fresh_case(case)
    for d in ("state", "outbox"):
        shutil.copytree(week / d, case / d)
    (case / "inbox").mkdir()
    readers = readers_for(tag, n)
    write_subscribers(case / "subscribers.csv", readers)
    return readers


def digest_clean_send(pipeline, args, week, server, mailbox):
    """One send with no kill: it must mail every reader once. Returns its duration."""
    case = args.work / "digest-clean"
    readers = digest_case(week, case, "clean", args.readers)
    rc, secs = pipeline.run(digest_argv(pipeline, case, server.port), case / "send.out")
    mailbox.scan()
    got = sum(mailbox.count(r) for r in readers)
    if rc != 0 or got != len(readers):
        raise SetupError(f"the clean send exited {rc} and mailed {got} of {len(readers)} (see {case / 'send.out'})")
    shutil.rmtree(case)
    return secs


def digest_phase(mailbox, readers):
    """Called before a send starts: returns where the send was when killed, from its log and how
    many readers the server got from it."""
    delivered = lambda: sum(1 for r in readers if mailbox.count(r))
    mailbox.scan()
    before = delivered()

    def phase(messages):
        mailbox.scan()
        got = delivered() - before
        if not any(m.startswith(f"digest {WEEK}: sending") for m in messages):
            return "start-up"
        if got == 0:
            return "sending, none delivered by it"
        return "after its last message" if before + got == len(readers) else "mid-send"
    return phase


def digest_iteration(pipeline, summary, args, i, week, server, mailbox, duration):
    """One digest crash: kill(s), rerun, then nobody twice, the ledger, the store."""
    delays = draw_delays(args, "digest", i, duration.value())
    case = args.work / f"digest-{i:03d}"
    readers = digest_case(week, case, f"i{i:03d}", args.readers)
    argv = digest_argv(pipeline, case, server.port)
    killed = lambda: [("nobody twice", check_mail_once(mailbox, readers)),
                      ("store", check_store(store_facts(case / "state")))]
    rc, phases, checks = kill_and_rerun(pipeline, summary, case, argv, delays,
                                           lambda: digest_phase(mailbox, readers), killed, duration)
    for p in phases:
        summary.phase("digest", p)
    mailbox.scan()
    status, problem = pipeline.status(case)
    ledger, uncertain = check_ledger(status, mailbox, readers) if status else ([problem], set())
    delivered = sum(1 for u in uncertain if mailbox.count(u))
    summary.uncertain += len(uncertain)
    summary.uncertain_delivered += delivered
    checks += [("rerun exit status", check_exit(rc, case)),
               ("nobody twice", check_mail_once(mailbox, readers)),
               ("delivered once or uncertain", ledger),
               ("store", check_store(store_facts(case / "state")))]
    outcome = f"rerun exit {rc}; uncertain {len(uncertain)} ({delivered} of them delivered)"
    return finish_iteration(summary, args, case, f"digest {i}", delays, phases, checks, outcome)


def check_all_mail(source, maildir, summary):
    """After the server stopped: every saved message passes check_mail.py (nobody twice)."""
    p = subprocess.run([sys.executable, str(source / "tests/digest/check_mail.py"), "--maildir", str(maildir),
                        "--base-url", "https://www.tool-verdicts.example", "--from", "digest@tool-verdicts.example",
                        "--list-id", "weekly.tool-verdicts.example"], capture_output=True)
    problems = p.stderr.decode(errors="replace").splitlines()[:5] if p.returncode else []
    summary.record([("every saved message (check_mail.py)", problems)], "digest all", [])
    return json.loads(p.stdout)["messages"] if p.returncode == 0 else 0


# ---------------------------------------------------------------- main

def iterations(args, part, target, summary, run_one):
    """Runs iterations of a part until it has `target` kills (at most 3x as many iterations)."""
    if args.only:
        name, _, i = args.only.partition(":")
        if name == part:
            run_one(int(i))
        return
    start, i = summary.kills, 0
    while summary.kills - start < target and i < 3 * target:
        run_one(i)
        i += 1


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pipeline", required=True, type=pathlib.Path)
    ap.add_argument("--source", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parents[2])
    ap.add_argument("--work", type=pathlib.Path, help="a folder for the cases (default: a new temporary one)")
    ap.add_argument("--seed", type=int, default=int(time.time() * 1000) % 1000000)
    ap.add_argument("--nightly-kills", type=int, default=30)
    ap.add_argument("--digest-kills", type=int, default=22)
    ap.add_argument("--readers", type=int, default=30)
    ap.add_argument("--extra-pages", type=int, default=0)
    ap.add_argument("--double-kill", type=float, default=0.25, help="chance that the first rerun is killed too")
    ap.add_argument("--only", help="one iteration: nightly:I or digest:I")
    ap.add_argument("--delays", help="with --only: these kill delays (seconds, comma-separated)")
    ap.add_argument("--keep", action="store_true", help="keep every iteration's folder")
    return ap.parse_args()


def run_nightly_part(pipeline, args, summary):
    inbox = args.work / "nightly-inbox"
    originals = make_inbox(args.source, inbox, args.extra_pages)
    ref = nightly_reference(pipeline, args.work, inbox, originals)
    print(f"nightly: {len(originals)} inputs ({sum(p == 'rejected' for p in ref['places'].values())} moved aside); "
          f"a clean run takes {ref['secs']:.2f} s; {len(ref['site'])} site files", flush=True)
    duration = Duration(ref["secs"])
    iterations(args, "nightly", args.nightly_kills, summary,
               lambda i: nightly_iteration(pipeline, summary, args, i, inbox, originals, ref, duration))


def run_digest_part(pipeline, args, summary):
    week = digest_week_state(pipeline, args.source, args.work)
    server = SmtpServer(args.source, args.work / "smtp")
    try:
        mailbox = Mailbox(server.maildir)
        duration = Duration(digest_clean_send(pipeline, args, week, server, mailbox))
        print(f"digest: {args.readers} readers an iteration; a clean send takes {duration.value():.2f} s", flush=True)
        iterations(args, "digest", args.digest_kills, summary,
                   lambda i: digest_iteration(pipeline, summary, args, i, week, server, mailbox, duration))
    finally:
        server.stop()
    mailbox.scan()  # anything saved after an iteration's check
    twice = [f"{r}: {len(m)}" for r, m in mailbox.by_rcpt.items() if len(m) > 1]
    summary.record([("nobody twice, all iterations", twice)], "digest all", [])
    n = check_all_mail(args.source, server.maildir, summary)
    print(f"digest: the server saved {n} messages, all well formed, nobody twice" if n else "digest: see FAIL above",
          flush=True)


def main():
    args = parse_args()
    want_digest = args.digest_kills > 0 and (not args.only or args.only.startswith("digest:"))
    if want_digest and subprocess.run([sys.executable, "-c", "import aiosmtpd"], capture_output=True).returncode:
        print(f"SKIP: python3-aiosmtpd is not installed for {sys.executable} (make test installs it)")
        return 77
    temporary = args.work is None
    args.work = pathlib.Path(tempfile.mkdtemp(prefix="tv-crash.") if temporary else args.work).resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline(args.pipeline.resolve(), args.source.resolve())
    summary = Summary(args.seed)
    print(f"crash test: seed {args.seed}, work {args.work}", flush=True)
    t0 = time.monotonic()
    try:
        if args.nightly_kills > 0 and (not args.only or args.only.startswith("nightly:")):
            run_nightly_part(pipeline, args, summary)
        if want_digest:
            run_digest_part(pipeline, args, summary)
    except SetupError as e:
        print(f"SETUP FAILED (seed {args.seed}): {e}")
        return 2
    print_summary(summary, time.monotonic() - t0)
    if temporary and not summary.failed and not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    return 1 if summary.failed else 0


def print_summary(summary, secs):
    for key, n in sorted(summary.phases.items()):
        print(f"  {n:4d}  {key}")
    for note in summary.notes:
        print(f"  note: {note}")
    print(f"crash test: {summary.kills} kills, {summary.finished_first} finished before the kill, "
          f"{summary.reruns} reruns, {summary.checks} checks passed, {len(summary.failed)} failed, "
          f"{summary.uncertain} uncertain reader(s) ({summary.uncertain_delivered} of them delivered), "
          f"{secs:.0f} s, seed {summary.seed}")
    for f in summary.failed:
        print(f"FAILED: {f}")


if __name__ == "__main__":
    sys.exit(main())
