#!/usr/bin/python3
"""A static file server on loopback for the site checks, on a free port.

    serve.py SITE_DIR [--log FILE] [--max-seconds N]

Binds 127.0.0.1 on a port the kernel picks, prints the port alone on the first line of
stdout (and flushes), then serves SITE_DIR like a plain static host: `/` and
`/compare/x/` answer with their index.html, so root-relative links (`/style.css`) resolve
as they will in production. With --log, each request is one line `STATUS PATH` in FILE, so
a caller can see a page's missing style sheet (a 404). It stops by itself after
--max-seconds (default 300): a forgotten server does not outlive its test.
"""
import argparse
import functools
import http.server
import sys
import threading


class Handler(http.server.SimpleHTTPRequestHandler):
    log_file = None

    def log_request(self, code="-", size="-"):
        if self.log_file:
            try:
                code = int(code)  # an HTTPStatus
            except (TypeError, ValueError):
                pass
            self.log_file.write(f"{code} {self.path}\n")
            self.log_file.flush()

    def log_message(self, format, *args):  # quiet: no stderr line per request
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site_dir")
    ap.add_argument("--log")
    ap.add_argument("--max-seconds", type=float, default=300)
    args = ap.parse_args()
    if args.log:
        Handler.log_file = open(args.log, "a", encoding="utf-8")
    handler = functools.partial(Handler, directory=args.site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    stopper = threading.Timer(args.max_seconds, server.shutdown)
    stopper.daemon = True
    stopper.start()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
