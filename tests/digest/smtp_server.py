#!/usr/bin/python3
"""A real SMTP server on loopback for the `pipeline digest --send` tests (aiosmtpd 1.4.3).

usage: smtp_server.py --maildir DIR --port-file FILE [--host 127.0.0.1]
                      [--starttls-cert CERT --starttls-key KEY | --smtps-cert CERT --smtps-key KEY]
                      [--auth USER:PASSWORD]
                      [--refuse ADDR]... [--tempfail-once ADDR]...
                      [--drop-after-data ADDR]... [--drop-once] [--stall-after N]

Contract:
- Listens on an ephemeral port of --host; once listening, writes "PORT\\n" to --port-file
  atomically (temp file + rename), so a shell test can wait for the file to appear.
- --starttls-cert/--starttls-key: offers STARTTLS and requires it before MAIL (aiosmtpd's
  require_starttls: every command but NOOP, EHLO, STARTTLS and QUIT gets
  "530 Must issue a STARTTLS command first").
- --smtps-cert/--smtps-key: implicit TLS (smtps://): the TLS handshake comes first, before the
  greeting; no STARTTLS.
- --auth USER:PASSWORD: AUTH PLAIN/LOGIN required before MAIL ("530 5.7.0 Authentication
  required"); with TLS configured, AUTH is offered and accepted only after STARTTLS
  ("538 5.7.11 ..." before). Wrong credentials: "535 5.7.8 ...". Without --auth no AUTH is
  advertised.
- --refuse ADDR: RCPT TO:<ADDR> (case-insensitive) gets "550 5.1.1 <ADDR>: mailbox unavailable".
- --tempfail-once ADDR: the first RCPT TO:<ADDR> ever gets "451 4.3.0 try again later"; later
  ones are accepted.
- --drop-after-data ADDR: a message with ADDR among its recipients is read up to the final
  dot, saved with "dropped": true, then the connection is closed with no reply at all.
  --drop-once: only the first such message per ADDR is dropped, later ones are accepted.
- --stall-after N: once N messages are saved, the next message is read up to the final dot and
  never answered (not saved either); DIR/stalled is created when that happens, so a test can
  kill the client while it is certainly mid-send. Later connections are served normally.
- Each message (accepted or dropped) is saved as DIR/NNNNNN.eml (envelope.original_content:
  the raw bytes after dot-unstuffing) and DIR/NNNNNN.json {"mail_from", "rcpt_tos",
  "connection" (1-based TCP connection index), "tls", "auth_user", "dropped"}; the .json is
  written last (atomically), so a .json means its .eml is complete.
- DIR/connections.json {"connections": TCP connections accepted so far, "transactions":
  MAIL commands accepted so far} is rewritten atomically on every connect, MAIL and
  disconnect.
- One log line per SMTP event on stderr; exits 0 on SIGTERM/SIGINT; client misbehaviour never
  stops the server (handler errors become "451 4.3.0 ..." replies and a logged traceback).
"""
import argparse
import asyncio
import functools
import json
import logging
import os
import signal
import ssl
import sys
import time
import traceback
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

LOG = logging.getLogger("smtp_server")


def atomic_write(path, data):
    """Writes bytes to path through a temp file in the same folder and a rename."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def write_json(path, obj):
    atomic_write(path, (json.dumps(obj, indent=1, sort_keys=True) + "\n").encode())


class State:
    """What all connections share: options, counters, the mail folder."""

    def __init__(self, args):
        self.maildir = args.maildir
        self.refuse = {a.lower() for a in args.refuse}
        self.tempfail = {a.lower() for a in args.tempfail_once}
        self.tempfailed = set()
        self.drop = {a.lower() for a in args.drop_after_data}
        self.drop_once = args.drop_once
        self.dropped_once = set()
        self.auth = None
        if args.auth:
            user, _, password = args.auth.partition(":")
            self.auth = (user.encode(), password.encode())
        self.connections = 0
        self.transactions = 0
        self.seq = 0
        self.live = set()  # protocols with an open connection, closed on shutdown
        self.stall_after = args.stall_after
        self.stalled = False

    def write_counts(self):
        write_json(os.path.join(self.maildir, "connections.json"),
                   {"connections": self.connections, "transactions": self.transactions})

    def save(self, envelope, conn, tls, auth_user, dropped):
        """Saves one message as NNNNNN.eml + NNNNNN.json; returns NNNNNN."""
        self.seq += 1
        name = f"{self.seq:06d}"
        atomic_write(os.path.join(self.maildir, name + ".eml"), envelope.original_content)
        write_json(os.path.join(self.maildir, name + ".json"), {
            "mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos),
            "connection": conn, "tls": tls, "auth_user": auth_user, "dropped": dropped})
        return name


class Handler:
    """aiosmtpd handler hooks: the per-address behaviours and the saving."""

    def __init__(self, state):
        self.state = state

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # The 5-argument hook replaces aiosmtpd's own bookkeeping: it must set host_name.
        session.host_name = hostname
        if self.state.auth is None:
            responses = [r for r in responses if not r[4:].upper().startswith("AUTH")]
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.state.transactions += 1
        self.state.write_counts()
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        key = address.lower()
        if key in self.state.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        if key in self.state.tempfail and key not in self.state.tempfailed:
            self.state.tempfailed.add(key)
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        st = self.state
        to_drop = {r.lower() for r in envelope.rcpt_tos} & st.drop
        if st.drop_once:
            to_drop -= st.dropped_once
        auth_user = None
        if session.authenticated and isinstance(session.auth_data, LoginPassword):
            auth_user = session.auth_data.login.decode("utf-8", "replace")
        # STARTTLS sets session.ssl; implicit TLS (--smtps-*) shows on the transport only.
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        if st.stall_after is not None and st.seq >= st.stall_after and not st.stalled:
            st.stalled = True
            atomic_write(os.path.join(st.maildir, "stalled"), b"")
            server.log_event(f"DATA after {st.seq} messages: stalled, no reply")
            await asyncio.Event().wait()
        name = st.save(envelope, server.conn_no, tls, auth_user, bool(to_drop))
        if not to_drop:
            return f"250 OK queued as {name}"
        st.dropped_once |= to_drop
        server.log_event(f"DATA {name} saved as dropped; closing without a reply")
        # Close the transport (TLS close_notify + FIN when STARTTLS is on) and never return:
        # connection_lost() cancels the session task, so aiosmtpd's smtp_DATA never gets to
        # push a reply.
        server.transport.close()
        await asyncio.Event().wait()

    async def handle_exception(self, error):
        LOG.error("handler error: %s", "".join(traceback.format_exception(error)).strip())
        return "451 4.3.0 server error: " + type(error).__name__


class TestSMTP(SMTP):
    """aiosmtpd's SMTP with connection counting and one log line per command."""

    def __init__(self, state, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.state = state
        self.conn_no = None
        self._current = None  # the command being handled, for the log
        self._gone = False
        self._greeted = False
        # Wrap every smtp_* method so replies can be logged next to their command
        # (functools.wraps keeps the __smtp_syntax__ attributes HELP looks at).
        self._smtp_methods = {name: self._logged(name, m)
                              for name, m in self._smtp_methods.items()}

    def _logged(self, name, method):
        @functools.wraps(method)
        async def wrapper(arg):
            shown = arg or ""
            if name == "AUTH" and shown:
                shown = shown.split()[0] + (" ***" if len(shown.split()) > 1 else "")
            self._current = f"{name} {shown}".strip()
            try:
                return await method(arg)
            finally:
                self._current = None
        return wrapper

    def log_event(self, text):
        LOG.info("conn %s: %s", self.conn_no, text)

    async def push(self, status):
        text = status.decode("utf-8", "replace") if isinstance(status, bytes) else status
        if text[3:4] != "-":  # log the last line of a multi-line reply only
            what = self._current or ("(before dispatch)" if self._greeted else "greeting")
            self.log_event(f"{what} -> {text}")
        self._greeted = True
        await super().push(status)

    def connection_made(self, transport):
        first = self.transport is None  # STARTTLS calls this again with the TLS transport
        super().connection_made(transport)
        if first:
            self.state.connections += 1
            self.conn_no = self.state.connections
            self.state.live.add(self)
            self.state.write_counts()
            self.log_event(f"connect from {self.session.peer}")

    def connection_lost(self, error):
        super().connection_lost(error)
        if not self._gone:
            self._gone = True
            self.state.live.discard(self)
            self.state.write_counts()
            self.log_event("disconnect" + (f" ({error})" if error else ""))


def make_authenticator(state):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and (auth_data.login, auth_data.password) == state.auth)
        server.log_event(f"AUTH {mechanism} {'accepted' if ok else 'rejected'}")
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return authenticator


def loop_exception_handler(loop, context):
    """Logs what asyncio would otherwise print as a traceback; the server keeps going."""
    exc = context.get("exception")
    LOG.warning("asyncio: %s%s", context.get("message"), f" ({exc!r})" if exc else "")


async def serve(args):
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(loop_exception_handler)
    state = State(args)
    os.makedirs(args.maildir, exist_ok=True)
    state.write_counts()

    tls_context = None
    if args.starttls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.starttls_cert, args.starttls_key)
    handler = Handler(state)
    options = dict(hostname="smtp.test.localhost", tls_context=tls_context,
                   require_starttls=tls_context is not None, loop=loop)
    if state.auth:
        options.update(auth_required=True, auth_require_tls=tls_context is not None,
                       authenticator=make_authenticator(state))

    smtps = None
    if args.smtps_cert:
        smtps = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        smtps.load_cert_chain(args.smtps_cert, args.smtps_key)
    server = await loop.create_server(lambda: TestSMTP(state, handler, **options),
                                      host=args.host, port=0, ssl=smtps)
    port = server.sockets[0].getsockname()[1]
    atomic_write(args.port_file, f"{port}\n".encode())
    LOG.info("listening on %s:%d (starttls=%s, smtps=%s, auth=%s) maildir %s", args.host, port,
             "required" if tls_context else "no", "yes" if smtps else "no",
             "required" if state.auth else "no", args.maildir)

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    LOG.info("stopping: %d connections, %d transactions, %d messages saved",
             state.connections, state.transactions, state.seq)
    server.close()
    for proto in list(state.live):
        if proto.transport is not None:
            proto.transport.close()
    await asyncio.sleep(0.05)  # let connection_lost() run


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--maildir", required=True)
    p.add_argument("--port-file", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--starttls-cert")
    p.add_argument("--starttls-key")
    p.add_argument("--smtps-cert")
    p.add_argument("--smtps-key")
    p.add_argument("--auth", metavar="USER:PASSWORD")
    p.add_argument("--refuse", action="append", default=[], metavar="ADDR")
    p.add_argument("--tempfail-once", action="append", default=[], metavar="ADDR")
    p.add_argument("--drop-after-data", action="append", default=[], metavar="ADDR")
    p.add_argument("--drop-once", action="store_true")
    p.add_argument("--stall-after", type=int, metavar="N")
    args = p.parse_args()
    if bool(args.starttls_cert) != bool(args.starttls_key):
        p.error("--starttls-cert and --starttls-key go together")
    if bool(args.smtps_cert) != bool(args.smtps_key):
        p.error("--smtps-cert and --smtps-key go together")
    if args.smtps_cert and args.starttls_cert:
        p.error("--smtps-* and --starttls-* exclude each other")
    if args.auth is not None and ":" not in args.auth:
        p.error("--auth takes USER:PASSWORD")

    logging.Formatter.converter = time.gmtime
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s.%(msecs)03dZ smtp_server: %(message)s",
                        datefmt="%H:%M:%S")
    aiosmtpd_log = logging.getLogger("mail.log")
    aiosmtpd_log.setLevel(logging.WARNING)  # aiosmtpd's own chatter: warnings and errors only
    # aiosmtpd itself sets the deprecated Session.login_data after every successful AUTH.
    aiosmtpd_log.addFilter(lambda r: "login_data is deprecated" not in r.getMessage())
    # AUTH without TLS is what --auth without --starttls-* asks for; don't warn about it.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    asyncio.run(serve(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
