"""One window per profile: a second launch asks the first to show itself, then exits."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"show\n"
TIMEOUT_MS = 500


class SingleInstance(QObject):
    """Owns the local server for a profile.

    Signals:
        activated(): another launch asked this instance to come forward.
    """

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
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

    def listen(self) -> bool:
        """Start serving; removes a stale socket left by a crashed instance."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

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
