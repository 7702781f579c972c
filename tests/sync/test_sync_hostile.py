"""Hostile feeds and shared folders: slow servers, huge files, unreadable or odd folders.

Each test stands for one way a real server or share made ``update`` hang,
read too much, or install a partial library. Servers run on 127.0.0.1 and
stop by themselves; big files are sparse, so nothing here is slow or large.
"""

from __future__ import annotations

import builtins
import io
import os
import pathlib
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BUILTIN_LIBRARY

from cs_companion.cli import main
from cs_companion.core import libtree
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library
from cs_companion.core.yamlsafe import MAX_FILE_BYTES
from cs_companion.storage.paths import AppPaths
from cs_companion.sync.feed import FetchError, UrllibFetcher
from cs_companion.sync.folder import FolderError, FolderState, probe_folder, read_library
from cs_companion.sync.updates import FailureKind, UpdateService, UpdateStatus

TEAM = """\
schema: 1
library: {name: 团队话术, version: "1"}
scripts:
  - id: team.greeting
    scenario: general.greeting
    title: 团队 · 欢迎
    body: 亲，您好！这里是官方旗舰店～
"""

MORE = TEAM.replace("team.greeting", "more.greeting").replace('library: {name: 团队话术, version: "1"}\n', "")


@pytest.fixture(scope="module")
def builtin() -> Library:
    result = load_path(BUILTIN_LIBRARY, Layer.BUILTIN)
    assert result.library is not None
    return result.library


@pytest.fixture
def paths(isolated_profile: Path) -> AppPaths:
    return AppPaths.under(isolated_profile)


def service(paths: AppPaths, builtin: Library, fetcher: UrllibFetcher | None = None) -> UpdateService:
    return UpdateService(
        paths, builtin, http_client=fetcher or UrllibFetcher(timeout=2, total_timeout=5), token_provider=None
    )


# ----- a server that trickles its status line and headers ------------------------------------


class TricklingServer:
    """Answers each connection with one byte or header every ``gap`` seconds, at most ``pieces`` of them.

    It never keeps a gap long enough for a per-read socket timeout to fire, so
    only a deadline for the whole exchange can stop the client. It stops by
    itself: after ``pieces`` sends, when the client hangs up, or at close().
    """

    def __init__(
        self,
        status: str = "200 OK",
        gap: float = 0.25,
        pieces: int = 40,
        per_byte: bool = False,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.tls = tls
        self.status = status
        self.gap = gap
        self.pieces = pieces
        self.per_byte = per_byte
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.hung_up_after: list[float] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/team.yaml"

    def _serve(self) -> None:
        deadline = time.monotonic() + 30  # the server's own bound, whatever the client does
        while not self.stop.is_set() and time.monotonic() < deadline:
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        started = time.monotonic()
        conn.settimeout(2)
        if self.tls is not None:
            try:
                conn = self.tls.wrap_socket(conn, server_side=True)
            except OSError:
                conn.close()
                return
        with conn:
            request = b""
            while b"\r\n\r\n" not in request and len(request) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            if self.per_byte:
                pieces = [bytes([b]) for b in f"HTTP/1.1 {self.status}\r\n".encode()]
            else:
                conn.sendall(f"HTTP/1.1 {self.status}\r\n".encode())
                pieces = [f"X-Slow-{i}: {'x' * 10}\r\n".encode() for i in range(self.pieces)]
            for piece in pieces[: self.pieces]:
                if self.stop.wait(self.gap):
                    return
                try:
                    conn.sendall(piece)
                except OSError:  # the client gave up: what the test wants
                    self.hung_up_after.append(time.monotonic() - started)
                    return
            try:
                conn.sendall(b"Content-Length: 0\r\n\r\n")
            except OSError:
                self.hung_up_after.append(time.monotonic() - started)

    def close(self) -> None:
        self.stop.set()
        self.listener.close()
        self.thread.join(5)


@pytest.fixture
def trickler() -> Iterator[type[TricklingServer]]:
    servers: list[TricklingServer] = []

    def make(**kwargs: object) -> TricklingServer:
        server = TricklingServer(**kwargs)  # type: ignore[arg-type]
        servers.append(server)
        return server

    yield make  # type: ignore[misc]
    for server in servers:
        server.close()


@pytest.mark.parametrize("status", ["200 OK", "401 Unauthorized", "304 Not Modified"])
def test_headers_trickled_one_by_one_hit_the_total_deadline(
    trickler, paths: AppPaths, builtin: Library, status: str
) -> None:  # type: ignore[no-untyped-def]
    server = trickler(status=status, gap=0.25, pieces=40)  # 10 s of headers if nobody stops it
    svc = service(paths, builtin, UrllibFetcher(timeout=1, total_timeout=2))

    started = time.monotonic()
    result = svc.check(server.url)
    elapsed = time.monotonic() - started

    assert elapsed < 3.5, elapsed
    assert result.status is UpdateStatus.FAILED and result.failure is FailureKind.TIMEOUT, result.reason
    assert result.reason == f"timed out after 2 s downloading {server.url}"
    assert svc.load_cached().library is None


def test_status_line_trickled_byte_by_byte_hits_the_total_deadline(trickler) -> None:  # type: ignore[no-untyped-def]
    server = trickler(per_byte=True, gap=0.2, pieces=100)
    fetcher = UrllibFetcher(timeout=1, total_timeout=1.5)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url)
    assert time.monotonic() - started < 3
    assert str(caught.value) == f"timed out after 1.5 s downloading {server.url}"


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a test certificate")
def test_https_headers_trickled_hit_the_total_deadline(
    trickler, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
    command += ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        timeout=60,
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    monkeypatch.setattr(ssl, "_create_default_https_context", lambda: ssl.create_default_context(cafile=str(cert)))
    server = trickler(tls=server_context, gap=0.25, pieces=40)
    fetcher = UrllibFetcher(timeout=1, total_timeout=2)

    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url)
    assert time.monotonic() - started < 3.5
    assert (
        caught.value.kind == FetchError.TIMEOUT and str(caught.value) == f"timed out after 2 s downloading {server.url}"
    )

    quick = trickler(tls=server_context, status="404 Not Found", gap=0.01, pieces=2)  # TLS itself still works
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(quick.url)


def test_a_quick_answer_is_not_affected_by_the_deadline(trickler, paths: AppPaths, builtin: Library) -> None:  # type: ignore[no-untyped-def]
    server = trickler(status="404 Not Found", gap=0.01, pieces=3)
    result = service(paths, builtin, UrllibFetcher(timeout=1, total_timeout=2)).check(server.url)
    assert result.failure is FailureKind.HTTP and result.reason.startswith("HTTP 404")


# ----- sizes are checked before reading ------------------------------------------------------


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "00_team.yaml").write_text(TEAM, encoding="utf-8")
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of files opened through any Python-level API while the test runs."""
    names: list[str] = []
    real_open, real_io_open = builtins.open, io.open
    real_read_bytes = pathlib.Path.read_bytes

    def spy_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        names.append(os.fsdecode(file) if isinstance(file, (str, bytes, os.PathLike)) else repr(file))
        return real_open(file, *args, **kwargs)

    def spy_io_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        names.append(os.fsdecode(file) if isinstance(file, (str, bytes, os.PathLike)) else repr(file))
        return real_io_open(file, *args, **kwargs)

    def spy_read_bytes(self: pathlib.Path) -> bytes:
        names.append(str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_io_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", spy_read_bytes)
    return names


def test_huge_file_on_the_share_is_refused_without_being_read(
    share: Path, paths: AppPaths, builtin: Library, opened: list[str]
) -> None:
    huge = share / "10_huge.yaml"
    with open(huge, "wb") as stream:
        stream.truncate(1_500_000_000)  # sparse: 1.5 GB by size, nothing on disk
    opened.clear()

    with pytest.raises(FolderError, match=r"10_huge\.yaml is 1,500,000,000 bytes; the limit is 5,242,880"):
        read_library(share)
    assert str(huge) not in opened
    assert str(share / "00_team.yaml") not in opened  # nothing is read before every size is known

    result = service(paths, builtin).check(str(share))
    assert result.failure is FailureKind.SOURCE and "1,500,000,000 bytes" in result.reason
    assert str(huge) not in opened
    assert probe_folder(share).state is FolderState.UNAVAILABLE


def test_file_growing_after_stat_is_read_only_up_to_the_limit(
    share: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    grown = share / "10_grown.yaml"
    with open(grown, "wb") as stream:
        stream.truncate(MAX_FILE_BYTES * 20)
    real_stat = pathlib.Path.stat

    def small_stat(self: pathlib.Path, **kwargs: object) -> os.stat_result:
        result = real_stat(self, **kwargs)  # type: ignore[arg-type]
        if self == grown:  # what stat said a moment before the file grew
            return os.stat_result((result.st_mode, *result[1:6], 100, *result[7:]))
        return result

    monkeypatch.setattr(pathlib.Path, "stat", small_stat)
    reads: list[int] = []
    real_buffered_read = io.BufferedReader.read

    class CountingReader(io.BufferedReader):
        def read(self, size: int | None = -1, /) -> bytes:
            data = real_buffered_read(self, size)
            reads.append(len(data))
            return data

    real_open = builtins.open

    def counting_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fsdecode(file) == str(grown) and mode == "rb":
            return CountingReader(io.FileIO(file, "rb"))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    with pytest.raises(FolderError, match=r"10_grown\.yaml is larger than the 5,242,880 byte limit"):
        read_library(share)
    assert reads == [MAX_FILE_BYTES + 1]


def test_total_size_is_checked_before_reading(share: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]) -> None:
    for i in range(11):
        with open(share / f"{i + 10}_part.yaml", "wb") as stream:
            stream.truncate(MAX_FILE_BYTES)
    opened.clear()
    with pytest.raises(FolderError, match="larger than 52,428,800 bytes in all"):
        read_library(share)
    assert opened == []


# ----- unreadable sub-folders refuse the update -----------------------------------------------


def make_unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Listing ``folder`` fails as it does on a share without permission (root in CI ignores chmod)."""
    real_scandir = os.scandir

    def scandir(path=".", /):  # type: ignore[no-untyped-def]
        if not isinstance(path, int) and os.fsdecode(path) == str(folder):
            raise PermissionError(13, "Permission denied", str(folder))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_sub_folder_refuses_the_update_and_names_it(
    share: Path, paths: AppPaths, builtin: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = share / "售后"
    sub.mkdir()
    (sub / "more.yaml").write_text(MORE, encoding="utf-8")
    svc = service(paths, builtin)
    assert svc.check(str(share)).updated
    assert sorted(s.id for s in svc.load_cached().library.scripts) == ["more.greeting", "team.greeting"]  # type: ignore[union-attr]

    make_unreadable(monkeypatch, sub)
    result = svc.check(str(share))
    assert result.failure is FailureKind.SOURCE
    assert result.reason == f"{sub}: cannot read this folder: Permission denied"
    assert sorted(s.id for s in svc.load_cached().library.scripts) == ["more.greeting", "team.greeting"]  # type: ignore[union-attr]
    assert probe_folder(share).state is FolderState.UNAVAILABLE

    validated = load_path(share, Layer.TEAM)  # validate agrees
    assert validated.library is None
    assert [str(p) for p in validated.problems] == [f"{sub}:1:1: cannot read this folder: Permission denied"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="chmod does not stop root (CI) or Windows")
def test_chmod_000_sub_folder_refuses_the_update(share: Path, paths: AppPaths, builtin: Library) -> None:
    sub = share / "locked"
    sub.mkdir()
    (sub / "more.yaml").write_text(MORE, encoding="utf-8")
    sub.chmod(0)
    try:
        result = service(paths, builtin).check(str(share))
    finally:
        sub.chmod(0o755)
    assert result.failure is FailureKind.SOURCE and str(sub) in result.reason
    assert paths.team_cache_dir.exists() is False or not any(paths.team_cache_dir.iterdir())


def test_hidden_unreadable_folders_are_still_ignored(
    share: Path, paths: AppPaths, builtin: Library, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    hidden = share / ".git"
    hidden.mkdir()
    make_unreadable(monkeypatch, hidden)
    assert service(paths, builtin).check(str(share)).updated


# ----- odd names and deep trees ------------------------------------------------------------------


needs_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="only Linux file systems accept names that are not UTF-8"
)


@needs_bytes_names
def test_non_utf8_file_name_is_a_clear_refusal_everywhere(
    share: Path, paths: AppPaths, builtin: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = os.fsencode(share) + b"/\xff\xfe.yaml"
    with open(bad, "w", encoding="utf-8") as stream:
        stream.write(MORE)
    shown = f"{share}/\\xff\\xfe.yaml"
    expected = f"{shown}: the file or folder name is not valid UTF-8 text; rename it"

    with pytest.raises(FolderError) as caught:
        read_library(share)
    assert str(caught.value) == expected
    probe = probe_folder(share)
    assert probe.state is FolderState.UNAVAILABLE and probe.reason == expected

    result = service(paths, builtin).check(str(share))
    assert result.failure is FailureKind.SOURCE and result.reason == expected

    assert main(["validate", str(share)]) == 1  # validate agrees, with the same words
    assert capsys.readouterr().out.splitlines() == [
        f"{shown}:1:1: error: the file or folder name is not valid UTF-8 text; rename it"
    ]


@needs_bytes_names
def test_non_utf8_names_outside_the_library_do_not_matter(share: Path, paths: AppPaths, builtin: Library) -> None:
    with open(os.fsencode(share) + b"/\xff-notes.txt", "w") as stream:
        stream.write("not a library file")
    os.mkdir(os.fsencode(share) + b"/.\xff-hidden")
    assert service(paths, builtin).check(str(share)).updated


@needs_bytes_names
def test_update_source_that_is_not_utf8_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = os.fsencode(tmp_path) + b"/\xff\xfeteam"
    os.mkdir(folder)
    with open(folder + b"/team.yaml", "w", encoding="utf-8") as stream:
        stream.write(TEAM)
    assert main(["update", "--source", os.fsdecode(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"cs-companion: update failed, nothing was replaced: team source {tmp_path}/\\xff\\xfeteam "
        "is not valid UTF-8 text; rename the folder or use another path"
    )


def deep_tree(root: Path, levels: int) -> Path:
    """``levels`` nested folders under ``root`` without recursion (os.makedirs recurses)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        leaf = os.open("x.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(leaf, MORE.encode())
        os.close(leaf)
    finally:
        os.close(fd)
    return root / "d"


def remove_deep_tree(root: Path, levels: int) -> None:
    """Undo ``deep_tree`` bottom-up (shutil.rmtree recurses too, and the full path is too long for the OS)."""
    fds = [os.open(root, os.O_RDONLY)]
    try:
        for _ in range(levels):
            fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
        os.unlink("x.yaml", dir_fd=fds[-1])
        while len(fds) > 1:
            os.close(fds.pop())
            os.rmdir("d", dir_fd=fds[-1])
    finally:
        for fd in fds:
            os.close(fd)


@pytest.mark.skipif(sys.platform == "win32", reason="dir_fd is not available on Windows")
def test_3000_nested_folders_are_too_deep_not_a_crash(
    share: Path, paths: AppPaths, builtin: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    deep_tree(share, 3000)
    message = f"folders are nested more than {libtree.MAX_FOLDER_DEPTH} levels deep below {share}"
    try:
        with pytest.raises(FolderError, match=message):
            read_library(share)
        result = service(paths, builtin).check(str(share))
        assert result.failure is FailureKind.SOURCE and result.reason.endswith(message)
        assert main(["validate", str(share)]) == 1
        assert capsys.readouterr().out.strip().endswith(message)
    finally:
        remove_deep_tree(share, 3000)
    assert not (share / "d").exists()


def test_nesting_up_to_the_limit_is_fine(share: Path, paths: AppPaths, builtin: Library) -> None:
    folder = share
    for _ in range(libtree.MAX_FOLDER_DEPTH):
        folder = folder / "d"
    folder.mkdir(parents=True)
    (folder / "x.yaml").write_text(MORE, encoding="utf-8")
    result = service(paths, builtin).check(str(share))
    assert result.updated, result.reason
    assert sorted(s.id for s in result.library.scripts) == ["more.greeting", "team.greeting"]  # type: ignore[union-attr]


def test_walk_order_matches_the_old_sorted_rglob(tmp_path: Path) -> None:
    names = ["b.yaml", "a/z.yml", "a/b/c.yaml", "a.yaml", "A.YAML", "a b.yaml", "a-b/x.yaml", ".h/x.yaml", "~t.yaml"]
    names += ["n/.x.yaml", "x.yaml~", "note.txt", "ab.yaml", "a/.git/y.yaml"]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("schema: 1\n", encoding="utf-8")
    old = []
    for candidate in sorted(tmp_path.rglob("*")):
        if any(part.startswith((".", "~")) for part in candidate.relative_to(tmp_path).parts):
            continue
        if candidate.suffix.lower() in (".yaml", ".yml") and candidate.is_file():
            old.append(candidate)
    assert libtree.library_files(tmp_path) == old
    assert len(old) == 8


def test_watch_targets_never_raise(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cs_companion.sync.folder import watch_targets

    (share / "sub").mkdir()
    (share / "sub" / "a.yaml").write_text(MORE, encoding="utf-8")
    (share / ".git").mkdir()
    assert sorted(watch_targets(share)) == sorted(
        [share, share / "sub", share / "00_team.yaml", share / "sub" / "a.yaml"]
    )
    assert watch_targets(share / "00_team.yaml") == [share / "00_team.yaml", share]
    make_unreadable(monkeypatch, share / "sub")
    assert watch_targets(share) == [share]
