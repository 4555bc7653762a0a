#!/usr/bin/env python3
"""The machine a benchmark runs on: one line for the terminal, or a JSON document for
bench/report.py. Every bench script describes the machine through this file (bench/lib.sh's
tv_machine_line, bench/summarize.py, bench/run), so they all say the same thing.

    python3 bench/machine.py [--build BUILD] [--workdir DIR] [--json FILE] [--line] [--short]

--line (the default without --json) prints one line: cores, CPU model, memory, kernel, distro,
load average. --short prints cores and load average only. --json FILE writes everything,
including the compiler and build type of BUILD (its CMakeCache.txt), the versions of the
libraries we build on and of the peers we measure against (gumbo, pugixml, libcurl, SQLite,
utf8proc, Hugo, Postfix), the file system of DIR and the date. Anything that cannot be found
is "?"; this never fails.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys


def _read(path: str) -> str:
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def _run(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "?"


def virtualised() -> str:
    """"VM" when the CPU flags carry `hypervisor`, else "" (bare metal or unknown)."""
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("flags"):
            return "VM" if " hypervisor" in line else ""
    return ""


def mem_total_gib() -> float:
    m = re.search(r"^MemTotal:\s+(\d+) kB", _read("/proc/meminfo"), re.M)
    return int(m.group(1)) / 1024 / 1024 if m else 0.0


def distro() -> str:
    m = re.search(r'^PRETTY_NAME="?([^"\n]*)"?', _read("/etc/os-release"), re.M)
    return m.group(1) if m else "?"


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def nproc() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def pkg_version(pc: str, *debs: str) -> str:
    """The version we compile against (pkg-config), else the Debian package's, else "?"."""
    v = _run(["pkg-config", "--modversion", pc]) if pc and shutil.which("pkg-config") else ""
    if v:
        return v
    for deb in debs:
        v = _run(["dpkg-query", "-W", "-f=${Version}", deb])
        if v:
            return v
    return "?"


def hugo_version() -> str:
    if not shutil.which("hugo"):
        return "not installed"
    out = _run(["hugo", "version"]).split()
    return out[1].lstrip("v").split("+")[0] if len(out) > 1 else "?"


def postfix_version() -> str:
    tools = [shutil.which(t, path=os.environ.get("PATH", "") + ":/usr/sbin:/usr/local/sbin")
             for t in ("smtp-source", "smtp-sink")]
    if not all(tools):
        return "not installed"
    postconf = shutil.which("postconf", path=os.environ.get("PATH", "") + ":/usr/sbin:/usr/local/sbin")
    v = _run([postconf, "-d", "-h", "mail_version"]) if postconf else ""
    return v or _run(["dpkg-query", "-W", "-f=${Version}", "postfix"]) or "?"


def build_info(build: pathlib.Path | None) -> dict:
    info = {"dir": str(build) if build else "?", "type": "?", "compiler": "?", "flags": "?"}
    if not build:
        return info
    cache = _read(str(build / "CMakeCache.txt"))
    get = lambda key: (re.search(rf"^{key}:[A-Z]*=(.*)$", cache, re.M) or [None, ""])[1].strip()
    btype = get("CMAKE_BUILD_TYPE")
    if btype:
        info["type"] = btype
        info["flags"] = " ".join(x for x in (get("CMAKE_CXX_FLAGS"), get(f"CMAKE_CXX_FLAGS_{btype.upper()}")) if x)
    cxx = get("CMAKE_CXX_COMPILER")
    if cxx:
        first = _run([cxx, "--version"]).splitlines()
        info["compiler"] = first[0] if first else cxx
    return info


def filesystem(path: pathlib.Path | None) -> str:
    if not path:
        return "?"
    rows = _run(["df", "-T", str(path)]).splitlines()
    if len(rows) > 1 and len(rows[1].split()) > 1:
        return f"{rows[1].split()[1]} ({rows[1].split()[-1]})"
    return "?"


def describe(build: pathlib.Path | None = None, workdir: pathlib.Path | None = None) -> dict:
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "nproc": nproc(),
        "cpu_count": os.cpu_count(),
        "cpu": cpu_model(),
        "virtual": virtualised(),
        "mem_gib": round(mem_total_gib(), 1),
        "kernel": f"{platform.system()} {platform.release()}",
        "distro": distro(),
        "load_average": load_average(),
        "workdir_fs": filesystem(workdir),
        "build": build_info(build),
        "python": platform.python_version(),
        "versions": {
            "gumbo": pkg_version("gumbo", "libgumbo1", "libgumbo2"),
            "pugixml": pkg_version("pugixml", "libpugixml1v5"),
            "libcurl": pkg_version("libcurl", "libcurl4"),
            "sqlite": pkg_version("sqlite3", "libsqlite3-0"),
            "utf8proc": pkg_version("libutf8proc", "libutf8proc2", "libutf8proc3"),
            "hugo": hugo_version(),
            "postfix": postfix_version(),
        },
    }


def line(d: dict | None = None) -> str:
    d = d or describe()
    virt = f" ({d['virtual']})" if d.get("virtual") else ""
    load = " ".join(f"{x:.2f}" for x in d["load_average"]) or "?"
    return (f"{d['nproc']} cores (nproc), {d['cpu']}{virt}, {d['mem_gib']:.1f} GiB RAM, {d['kernel']}, "
            f"{d['distro']}; load average {load}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", type=pathlib.Path, default=None, help="a CMake build folder (compiler, build type)")
    ap.add_argument("--workdir", type=pathlib.Path, default=None, help="the folder the benchmark writes into")
    ap.add_argument("--json", type=pathlib.Path, default=None, help="write the whole description here")
    ap.add_argument("--line", action="store_true", help="print one line (the default without --json)")
    ap.add_argument("--short", action="store_true", help="print cores and load average only")
    a = ap.parse_args()
    if a.short:
        load = " ".join(f"{x:.2f}" for x in load_average()) or "?"
        print(f"{nproc()} cores, load average {load}")
        return 0
    d = describe(a.build, a.workdir) if a.json else None
    if a.json:
        a.json.write_text(json.dumps(d, indent=2) + "\n")
    if a.line or not a.json:
        print(line(d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
