#!/usr/bin/python3
"""A full-page screenshot with headless Chromium, over the DevTools protocol on a pipe.

    fullpage.py URL OUT.png WIDTH USER_DATA_DIR [--max-height PX]

Chromium's `--screenshot` flag captures the window only. This opens a tab WIDTH CSS px wide,
loads URL, waits for the load event, reads the page's content height
(Page.getLayoutMetrics), resizes the viewport to it (at most --max-height, default 16384,
Chromium's texture limit) and captures that. The profile in USER_DATA_DIR decides the
rest (screenshot.sh puts JavaScript off there), so this and the flag path see the same page.

The protocol runs over `--remote-debugging-pipe`: Chromium reads commands from its fd 3
and writes replies to its fd 4, one JSON object each, ended by a NUL byte. No port, no
websocket, nothing else listening. Exit status: 0 written; 1 Chromium failed or timed out
(the caller's `timeout` bounds it too).
"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import time

DEADLINE_SECONDS = 50


class Browser:
    """One headless Chromium and its DevTools pipe; commands are synchronous."""

    def __init__(self, user_data_dir):
        cmd_r, cmd_w = os.pipe()
        rep_r, rep_w = os.pipe()
        # Move the child's ends above 4 so that placing them at 3 and 4 cannot clobber each
        # other, then put them there between fork and exec.
        hi_cmd_r = fcntl.fcntl(cmd_r, fcntl.F_DUPFD_CLOEXEC, 10)
        hi_rep_w = fcntl.fcntl(rep_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(cmd_r)
        os.close(rep_w)

        def place_fds():
            os.dup2(hi_cmd_r, 3)
            os.dup2(hi_rep_w, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
             "--hide-scrollbars", "--no-first-run", "--disable-sync",
             "--disable-component-update", "--force-device-scale-factor=1",
             "--remote-debugging-pipe",
             f"--user-data-dir={user_data_dir}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=place_fds)
        os.close(hi_cmd_r)
        os.close(hi_rep_w)
        self.out = os.fdopen(cmd_w, "wb")
        self.inp = os.fdopen(rep_r, "rb")
        self.buf = b""
        self.next_id = 0
        self.events = []

    def _read_message(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.inp.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.out.write(json.dumps(msg).encode() + b"\0")
        self.out.flush()
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, session, deadline):
        while time.monotonic() < deadline:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method and ev.get("sessionId") == session:
                    del self.events[i]
                    return ev
            self.events.append(self._read_message())
        raise RuntimeError(f"timed out waiting for {method}")

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError, ValueError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def main():
    args = sys.argv[1:]
    max_height = 16384
    if "--max-height" in args:
        i = args.index("--max-height")
        max_height = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    url, out_png, width, user_data_dir = args[0], args[1], int(args[2]), args[3]
    deadline = time.monotonic() + DEADLINE_SECONDS
    browser = Browser(user_data_dir)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget",
                               {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        metrics = {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False}
        browser.send("Emulation.setDeviceMetricsOverride", metrics, session)
        browser.send("Page.navigate", {"url": url}, session)
        browser.wait_event("Page.loadEventFired", session, deadline)
        layout = browser.send("Page.getLayoutMetrics", session=session)
        size = layout.get("cssContentSize") or layout["contentSize"]
        height = max(1, min(int(size["height"] + 0.999), max_height))
        metrics["height"] = height
        browser.send("Emulation.setDeviceMetricsOverride", metrics, session)
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
        with open(out_png, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        clipped = " (clipped)" if size["height"] > max_height else ""
        print(f"fullpage: {width}x{height}{clipped} {url}")
        return 0
    except (RuntimeError, OSError, ValueError, KeyError) as e:
        print(f"fullpage: {e}", file=sys.stderr)
        return 1
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
