"""One window per profile: a second launch asks the first to show itself, then exits.

The instance is decided by a lock file (``QLockFile``), not by who manages to
listen on the local socket. The socket alone had a race: two windows started
at the same moment could each fail to listen, each remove "the stale socket"
(which was the other's live one) and both keep running on one profile. Now
only the holder of the lock listens, and only the holder may remove a socket
left by a crashed instance. ``QLockFile`` notices a holder that died (kill -9,
power cut): its lock is taken over at the next start.

The lock file sits in the same place as the socket (the temp folder) under the
same per-profile name, so it never needs a writable profile.
"""

from __future__ import annotations

import contextlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
MESSAGE = b"show\n"
TIMEOUT_MS = 500
REACH_SECONDS = 5.0
"""How long a second launch keeps trying to reach the first, which may hold the lock but not yet listen."""


PRIMARY, NOTIFIED, UNREACHABLE = "primary", "notified", "unreachable"


def default_lock_file(name: str) -> Path:
    return Path(QDir.tempPath()) / f"{name}.lock"


class SingleInstance(QObject):
    """Owns the profile's lock and local server.

    Signals:
        activated(): another launch asked this instance to come forward.
    """

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None, lock_file: Path | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.lock_file = lock_file or default_lock_file(name)
        self._lock = QLockFile(str(self.lock_file))
        # Never treat a live holder's lock as stale by age (the window runs for days);
        # a dead holder is still detected by its process id.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    @staticmethod
    def notify_running(name: str) -> bool:
        """True if an instance is running under ``name`` and got our message."""
        socket = QLocalSocket()
        socket.connectToServer(name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    @classmethod
    def notify_running_within(cls, name: str, seconds: float = REACH_SECONDS) -> bool:
        """``notify_running``, retried: the lock holder may be a moment away from listening."""
        deadline = time.monotonic() + seconds
        while True:
            if cls.notify_running(name):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)

    def listen(self) -> bool:
        """Become the instance: take the lock, then serve. False if another live instance holds the lock.

        Serving is best effort: with the lock held the window runs even if the
        socket cannot be opened (a second launch then cannot bring it forward).
        If the lock file cannot be written at all (a read-only temp folder),
        the window runs unlocked rather than not at all.
        """
        if not self._lock.isLocked() and not self._take_lock():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # We hold the lock, so a socket under this name was left by a crashed instance.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("cannot listen on %s: %s", self.name, server.errorString())
                return True
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def claim(self, reach_seconds: float = REACH_SECONDS) -> str:
        """Decide this launch: ``PRIMARY`` (run the window), ``NOTIFIED`` (the running one was asked to come
        forward; exit) or ``UNREACHABLE`` (another live launch holds the profile but does not answer; exit)."""
        if self.listen():
            return PRIMARY
        return NOTIFIED if self.notify_running_within(self.name, reach_seconds) else UNREACHABLE

    def _take_lock(self) -> bool:
        with contextlib.suppress(OSError):
            self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False  # a live instance holds it
        log.warning("cannot create the instance lock %s (%s); running without it", self.lock_file, self._lock.error())
        return True

    def holder_pid(self) -> int | None:
        """Process id of the instance holding the lock, if it can be read (for messages)."""
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname); pid 0 when unknown
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else None

    def _on_connection(self) -> None:
        """Read the one short message synchronously: no per-socket lambdas outliving sockets."""
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            data = b""
            if socket.bytesAvailable() or socket.waitForReadyRead(TIMEOUT_MS):
                data = bytes(socket.readAll().data())
            socket.disconnectFromServer()
            socket.deleteLater()
            if data.startswith(MESSAGE.strip()):
                self.activated.emit()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
