"""The egress proxy Chromium connects through, so rendered pages obey the
egress policy (``egress``) like plain downloads.

Chromium resolves names itself and would load whatever a page asks for:
scripts, images, ``fetch()``, frames and navigations to any address. So the
renderer starts it with ``--proxy-server`` pointing here (and
``--proxy-bypass-list=<-loopback>``, since Chromium otherwise connects to
loopback directly), and this proxy, on the worker's event loop, resolves each
host once through the crawler's resolver (``SCRAPEJET_RESOLVE`` pins, the
DNS cache and the policy check), then connects to that address. A refused
host gets a 403 with the reason, and nothing is connected to.

HTTP/1.1 forward proxying, both forms Chromium uses: ``CONNECT host:port``
for HTTPS and WebSockets (a tunnel: TLS stays between Chromium and the site,
with its own name in SNI and the certificate check), and absolute-form
requests for plain HTTP (sent on in origin form with ``Connection: close``:
one request per connection to the site, which Chromium handles as any
closed keep-alive connection). It listens on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlsplit

from .egress import AddressRefused, EgressPolicy, checked_address

logger = logging.getLogger(__name__)

HEAD_LIMIT = 64 * 1024
HOP_HEADERS = frozenset({b"proxy-connection", b"proxy-authorization", b"connection", b"keep-alive", b"te",
                         b"trailer", b"upgrade"})
CONNECT_TIMEOUT_S = 30.0


class EgressProxy:
    def __init__(self, policy: EgressPolicy):
        self.policy = policy
        self._server: asyncio.AbstractServer | None = None
        self._clients: set[asyncio.Task] = set()
        self.port: int | None = None
        self.refused = 0  # connections refused by the policy (for logs and tests)

    async def start(self) -> EgressProxy:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, limit=HEAD_LIMIT)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._clients):
                task.cancel()
            await self._server.wait_closed()
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._clients.add(task)
        try:
            await self._handle(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.CancelledError):
            pass
        except Exception:
            logger.exception("egress proxy: request failed")
        finally:
            self._clients.discard(task)
            writer.close()

    async def _handle(self, reader, writer) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        request_line, *header_lines = head[:-4].split(b"\r\n")
        try:
            method, target, version = request_line.split(b" ")
            if method == b"CONNECT":
                host, port = _split_host_port(target.decode("ascii"), None)
                path = None
            else:
                parts = urlsplit(target.decode("ascii"))
                if parts.scheme != "http" or not parts.hostname:
                    raise ValueError(target)
                host, port = parts.hostname, parts.port or 80
                path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        except (ValueError, UnicodeDecodeError):
            await _answer(writer, 400, "Bad Request", "not a proxy request")
            return
        try:
            address = await checked_address(self.policy, host)
        except AddressRefused as exc:
            self.refused += 1
            logger.warning("Chromium: %s", exc)
            await _answer(writer, 403, "Forbidden", str(exc))
            return
        except OSError as exc:
            await _answer(writer, 502, "Bad Gateway", f"{host}: lookup failed ({exc})")
            return
        try:
            up_reader, up_writer = await asyncio.wait_for(asyncio.open_connection(address, port), CONNECT_TIMEOUT_S)
        except (OSError, asyncio.TimeoutError) as exc:
            await _answer(writer, 502, "Bad Gateway", f"{host}:{port}: {exc or 'timed out'}")
            return
        try:
            if path is None:
                writer.write(b"HTTP/1.1 200 Connection Established\r\n\r\n")
            else:
                kept = [line for line in header_lines if line.split(b":", 1)[0].strip().lower() not in HOP_HEADERS]
                up_writer.write(b"\r\n".join([b"%s %s %s" % (method, path.encode("ascii"), version), *kept,
                                              b"Connection: close", b"", b""]))
            # done when the site is done: a plain request's answer ends with
            # its connection, and a tunnel with the site closing it
            upstream = asyncio.ensure_future(_pipe(reader, up_writer))
            try:
                await _pipe(up_reader, writer)
            finally:
                upstream.cancel()
        finally:
            up_writer.close()


def _split_host_port(authority: str, default: int | None) -> tuple[str, int]:
    if authority.startswith("["):
        host, _, rest = authority[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port = authority.rpartition(":") if ":" in authority else (authority, "", "")
    if not host or not (port or default):
        raise ValueError(authority)
    return host, int(port) if port else default


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()
    except (ConnectionError, OSError):
        writer.close()


async def _answer(writer: asyncio.StreamWriter, status: int, phrase: str, text: str) -> None:
    body = (text + "\n").encode()
    writer.write(b"HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n"
                 b"Connection: close\r\n\r\n%s" % (status, phrase.encode(), len(body), body))
    await writer.drain()
