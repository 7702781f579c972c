"""One time limit for a whole HTTP exchange: connect, status line, headers and body.

Socket timeouts only bound each silent gap between bytes, so a server that
trickles one header every few seconds could hold the single update worker for
ever. ``Deadline`` ends the exchange when its time is up, whatever stage it is in.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.request
from collections.abc import Callable


class Deadline:
    """One time limit for a whole exchange, enforced by shutting its sockets down when it passes.

    Socket timeouts only bound each silent gap, so a server sending one header
    every 5 s kept ``update`` (and the window's single update worker) busy
    for ever. Every connection of the exchange (redirects included) is opened
    through ``create_connection``, which keeps a duplicate of the socket; a
    timer shuts those down when time is up, which ends any read in progress
    at once, plain or TLS. Duplicates belong to us, so the timer can never
    hit a descriptor the OS has reused for something else; they are closed
    when the exchange ends.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._lock = threading.Lock()
        self._watched: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            watched, self._watched = self._watched, []
        for sock in watched:
            sock.close()

    def create_connection(
        self, address: tuple[str, int], timeout: object = None, source_address: tuple[str, int] | None = None
    ) -> socket.socket:
        """``socket.create_connection`` that never waits past the deadline and registers the socket."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise TimeoutError("the time for this download is up")
        limit = min(timeout, left) if isinstance(timeout, (int, float)) else left
        sock = socket.create_connection(address, limit, source_address)
        try:
            watch = sock.dup()
        except OSError:  # no duplicate: this connection keeps only the per-gap timeout and the body check
            return sock
        with self._lock:
            self._watched.append(watch)
            expired = self.expired
        if expired:
            shutdown(watch)
        return sock

    def wrap(self, connection_class: type[http.client.HTTPConnection]) -> Callable[..., http.client.HTTPConnection]:
        """A factory for ``connection_class`` whose sockets are opened through ``create_connection``."""

        def make(host: str, **kwargs: object) -> http.client.HTTPConnection:
            connection = connection_class(host, **kwargs)  # type: ignore[arg-type]
            connection._create_connection = self.create_connection  # type: ignore[attr-defined]
            return connection

        return make

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            watched = list(self._watched)
        for sock in watched:
            shutdown(sock)


def shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        sock.shutdown(socket.SHUT_RDWR)


class DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def do_open(self, http_class, req, **http_conn_args):  # type: ignore[no-untyped-def]
        return super().do_open(self._deadline.wrap(http_class), req, **http_conn_args)


class DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def do_open(self, http_class, req, **http_conn_args):  # type: ignore[no-untyped-def]
        return super().do_open(self._deadline.wrap(http_class), req, **http_conn_args)
