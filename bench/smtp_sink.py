#!/usr/bin/env python3
"""A minimal SMTP sink for bench/run_digest.sh when Postfix's smtp-sink is not installed.

    python3 bench/smtp_sink.py 127.0.0.1:PORT [BACKLOG]

Accepts any number of sessions, answers EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT with
success, throws every message away, and after each message prints `mesg=N` (the running
count, as smtp-sink -c does) on stdout. No TLS, no AUTH, no pipelining. It exists so our side of
the digest benchmark can still be timed without Postfix; it is not a peer to compare against:
it is slower than smtp-sink and competes with the client for the same cores. Stops on SIGTERM.
"""
from __future__ import annotations

import asyncio
import signal
import sys

count = 0


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    global count
    writer.write(b"220 sink.invalid ESMTP bench sink\r\n")
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb == b"EHLO":
                writer.write(b"250-sink.invalid\r\n250-8BITMIME\r\n250 SIZE 104857600\r\n")
            elif verb == b"DATA":
                writer.write(b"354 end data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                await reader.readuntil(b"\r\n.\r\n")
                count += 1
                sys.stdout.write(f"mesg={count}\n")
                sys.stdout.flush()
                writer.write(b"250 2.0.0 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 2.0.0 bye\r\n")
                await writer.drain()
                break
            elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                writer.write(b"250 2.0.0 ok\r\n")
            else:
                writer.write(b"502 5.5.2 not implemented\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main() -> int:
    if len(sys.argv) < 2 or ":" not in sys.argv[1]:
        print(__doc__, file=sys.stderr)
        return 64
    host, port = sys.argv[1].rsplit(":", 1)
    backlog = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    server = await asyncio.start_server(session, host, int(port), backlog=backlog, limit=64 << 20)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
