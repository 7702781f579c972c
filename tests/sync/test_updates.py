"""Team updates against a real HTTP server on 127.0.0.1 and real shared-folder edits.

The server is a ``ThreadingHTTPServer`` on an ephemeral port, so the whole
urllib path runs (conditional requests, timeouts, short bodies, redirects,
auth headers); nothing here talks to the internet or the real keyring.
"""

from __future__ import annotations

import http.server
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from conftest import BUILTIN_LIBRARY
from fake_keyring import MemoryKeyring

from cs_companion.core.layers import load_stack
from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library
from cs_companion.storage import secrets
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.personal import PersonalStore
from cs_companion.sync.feed import (
    FetchResponse,
    SourceError,
    UrllibFetcher,
    is_loopback,
    parse_source,
    redact_url,
)
from cs_companion.sync.folder import FolderState, folder_fingerprint, probe_folder
from cs_companion.sync.teamcache import META_NAME
from cs_companion.sync.updates import FailureKind, UpdateService, UpdateStatus

TOKEN = "s3cr3t-Team-Token-9f8e7d"

TEAM_V1 = """\
schema: 1
library: {name: 团队话术, version: "1", updated: 2026-12-01}
scripts:
  - id: team.delay
    scenario: logistics.delay
    title: 团队 · 物流延迟说明
    fields: [{name: eta, label: 预计时间, type: eta}]
    body: 亲，您的包裹预计{{eta}}送达，请耐心等待～
  - id: team.greeting
    scenario: general.greeting
    title: 团队 · 欢迎
    body: 亲，您好！这里是官方旗舰店～
"""

TEAM_V2 = """\
schema: 1
library: {name: 团队话术, version: "2", updated: 2026-12-08}
scripts:
  - id: team.greeting
    scenario: general.greeting
    title: 团队 · 欢迎
    body: 亲，您好！欢迎来到官方旗舰店，有什么可以帮您？
  - id: team.closing
    scenario: general.closing
    title: 团队 · 结束语
    body: 感谢您的耐心，祝您生活愉快～
"""

BAD_YAML = """\
schema: 1
scripts:
  - id: team.broken
    scenario: general.greeting
    title: [unclosed
    body: 亲
"""

NON_COMPLIANT = """\
schema: 1
scripts:
  - id: team.review
    scenario: review.invite
    title: 邀请好评
    body: 亲，收到货给个五星好评，截图找客服领取好评返现3元哦～
"""


# ----- a real HTTP server -------------------------------------------------------------------


@dataclass
class Route:
    """How the test server answers one path."""

    body: bytes = b""
    status: int = 200
    etag: str = ""
    content_type: str = "application/yaml; charset=utf-8"
    delay: float = 0.0
    declared_length: int | None = None  # send this Content-Length (lie about the size)
    no_length: bool = False  # stream until close, no Content-Length
    trickle: bool = False  # a few bytes every 0.2 s, forever
    require_token: str = ""
    location: str = ""


@dataclass
class FeedServer:
    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def headers_for(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        feed = self.server.feed
        feed.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = feed.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if route.delay and feed.stop.wait(route.delay):
            return
        if route.require_token and self.headers.get("Authorization") != f"Bearer {route.require_token}":
            self._plain(401, b"token required")
            return
        if route.location:
            self.send_response(302)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        if route.status != 200:
            self._plain(route.status, b"server trouble")
            return
        self.send_response(200)
        self.send_header("Content-Type", route.content_type)
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.declared_length is not None:
            self.send_header("Content-Length", str(route.declared_length))
        elif not (route.no_length or route.trickle):
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        if route.trickle:
            for _ in range(15):  # at most 3 s, even if the client never gives up
                if feed.stop.wait(0.2):
                    return
                self.wfile.write(b"# .....\n")
                self.wfile.flush()
            return
        self.wfile.write(route.body)

    def _plain(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    feed: FeedServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on slow/oversized routes is the point of those tests


@pytest.fixture
def server() -> Iterator[FeedServer]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.feed = FeedServer(httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd.feed
    finally:
        httpd.feed.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


# ----- keyring and service helpers ---------------------------------------------------------


@pytest.fixture(autouse=True)
def no_real_keyring() -> Iterator[None]:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(scope="module")
def builtin() -> Library:
    result = load_path(BUILTIN_LIBRARY, Layer.BUILTIN)
    assert result.library is not None
    return result.library


@pytest.fixture
def paths(isolated_profile: Path) -> AppPaths:
    return AppPaths.under(isolated_profile)


def make_service(paths: AppPaths, builtin: Library, **kwargs: object) -> UpdateService:
    kwargs.setdefault("http_client", UrllibFetcher(timeout=2, total_timeout=5))
    kwargs.setdefault("token_provider", None)
    return UpdateService(paths, builtin, **kwargs)  # type: ignore[arg-type]


def cached_ids(service: UpdateService) -> list[str]:
    cached = service.load_cached()
    assert cached.library is not None
    return [s.id for s in cached.library.scripts]


def cache_bytes(paths: AppPaths) -> dict[str, bytes]:
    root = paths.team_cache_dir
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# ----- URL sources ---------------------------------------------------------------------------


def test_first_fetch_installs_then_etag_gives_unchanged(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode(), etag='"v1"')
    service = make_service(paths, builtin)

    first = service.check(server.url("/team.yaml"))
    assert first.status is UpdateStatus.UPDATED, first.reason
    assert [c.id for c in first.changes.added] == ["team.delay", "team.greeting"]
    assert first.info.version == "1"
    assert cached_ids(service) == ["team.delay", "team.greeting"]
    meta = service.cached_metadata()
    assert meta is not None and meta.etag == '"v1"' and meta.library_version == "1" and meta.fetched_at
    assert meta.source == server.url("/team.yaml")
    assert "if-none-match" not in server.headers_for("/team.yaml")[0]

    second = service.check(server.url("/team.yaml"))
    assert second.status is UpdateStatus.UNCHANGED
    assert server.headers_for("/team.yaml")[1]["if-none-match"] == '"v1"'
    assert second.changes.empty and second.library is not None
    assert "unchanged" in second.message()


def test_polls_of_an_unchanged_source_do_not_reparse_the_cache(
    server: FeedServer, paths: AppPaths, builtin: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode(), etag='"v1"')
    service = make_service(paths, builtin)
    assert service.check(server.url("/team.yaml")).updated
    loads = []
    original = service.cache.load
    monkeypatch.setattr(service.cache, "load", lambda *a, **k: loads.append(1) or original(*a, **k))
    for _ in range(3):
        result = service.check(server.url("/team.yaml"))
        assert result.status is UpdateStatus.UNCHANGED and result.library is not None
    assert loads == []  # a 10,000-script cache takes seconds to parse; polls must not pay that
    fresh = make_service(paths, builtin)  # a new process has to read it once
    assert fresh.load_cached().library is not None


def test_new_version_reports_what_changed(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode(), etag='"v1"')
    service = make_service(paths, builtin)
    assert service.check(server.url("/team.yaml")).updated
    server.routes["/team.yaml"] = Route(TEAM_V2.encode(), etag='"v2"')

    result = service.check(server.url("/team.yaml"))

    assert result.updated, result.reason
    assert [c.title for c in result.changes.added] == ["团队 · 结束语"]
    assert [c.title for c in result.changes.changed] == ["团队 · 欢迎"]
    assert result.changes.changed[0].parts == ("body",)
    assert [c.title for c in result.changes.removed] == ["团队 · 物流延迟说明"]
    assert result.message() == "team library updated (团队话术 · v2 · 2026-12-08): 1 added, 1 changed, 1 removed"
    assert cached_ids(service) == ["team.greeting", "team.closing"]


def test_same_content_without_validators_is_unchanged(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode())
    service = make_service(paths, builtin)
    assert service.check(server.url("/team.yaml")).updated
    assert service.check(server.url("/team.yaml")).status is UpdateStatus.UNCHANGED


@pytest.mark.parametrize("status", [401, 404, 500])
def test_http_error_keeps_last_good(server: FeedServer, paths: AppPaths, builtin: Library, status: int) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode())
    service = make_service(paths, builtin)
    assert service.check(server.url("/team.yaml")).updated
    before = cache_bytes(paths)
    server.routes["/team.yaml"] = Route(status=status)

    result = service.check(server.url("/team.yaml"))

    assert result.status is UpdateStatus.FAILED
    assert result.failure is FailureKind.HTTP
    assert result.reason.startswith(f"HTTP {status} ")
    assert server.url("/team.yaml") in result.reason
    assert "\n" not in result.reason
    assert cache_bytes(paths) == before
    assert result.library is not None and [s.id for s in result.library.scripts] == ["team.delay", "team.greeting"]
    assert result.message().startswith("team update failed, keeping the current library: HTTP")


def test_slow_server_times_out(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/slow.yaml"] = Route(TEAM_V1.encode(), delay=5)
    service = make_service(paths, builtin, http_client=UrllibFetcher(timeout=0.5, total_timeout=2))

    started = time.monotonic()
    result = service.check(server.url("/slow.yaml"))

    assert time.monotonic() - started < 2
    assert result.failure is FailureKind.TIMEOUT
    assert result.reason == f"timed out after 0.5 s waiting for {server.url('/slow.yaml')}"
    assert service.load_cached().library is None


def test_trickling_server_hits_total_timeout(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/trickle.yaml"] = Route(trickle=True)
    service = make_service(paths, builtin, http_client=UrllibFetcher(timeout=0.5, total_timeout=1))

    started = time.monotonic()
    result = service.check(server.url("/trickle.yaml"))

    assert time.monotonic() - started < 2.5
    assert result.failure is FailureKind.TIMEOUT
    assert "timed out after 1 s downloading" in result.reason


def test_truncated_body_fails(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    body = TEAM_V1.encode()
    server.routes["/team.yaml"] = Route(body, declared_length=len(body) + 500)
    result = make_service(paths, builtin).check(server.url("/team.yaml"))

    assert result.failure is FailureKind.TRUNCATED
    assert f"got {len(body):,} of {len(body) + 500:,} bytes" in result.reason
    assert not paths.team_cache_dir.exists()


def test_oversized_body_fails_by_header_and_while_streaming(
    server: FeedServer, paths: AppPaths, builtin: Library
) -> None:
    big = b"# filler\n" * 20_000  # 180 kB against a 64 kB limit
    server.routes["/declared.yaml"] = Route(big)
    server.routes["/streamed.yaml"] = Route(big, no_length=True)
    service = make_service(paths, builtin, http_client=UrllibFetcher(timeout=2, total_timeout=5, max_bytes=64 * 1024))

    for path in ("/declared.yaml", "/streamed.yaml"):
        result = service.check(server.url(path))
        assert result.failure is FailureKind.TOO_LARGE, path
        assert "larger than the 65,536 byte limit" in result.reason
    assert not paths.team_cache_dir.exists()


def test_invalid_yaml_fails_with_location_and_keeps_last_good(
    server: FeedServer, paths: AppPaths, builtin: Library
) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode(), etag='"v1"')
    service = make_service(paths, builtin)
    assert service.check(server.url("/team.yaml")).updated
    before = cache_bytes(paths)
    server.routes["/team.yaml"] = Route(BAD_YAML.encode(), etag='"bad"')

    result = service.check(server.url("/team.yaml"))

    assert result.failure is FailureKind.UNPARSABLE
    assert re.match(rf"^{re.escape(server.url('/team.yaml'))}:\d+:\d+: YAML syntax error", result.reason), result.reason
    assert not result.maybe_incomplete  # only shared folders may be "still being written"
    assert cache_bytes(paths) == before
    assert cached_ids(service) == ["team.delay", "team.greeting"]


def test_schema_errors_fail(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    text = TEAM_V1.replace("body: 亲，您好！这里是官方旗舰店～", "body: 亲，{{name}}您好")
    server.routes["/team.yaml"] = Route(text.encode())
    result = make_service(paths, builtin).check(server.url("/team.yaml"))
    assert result.failure is FailureKind.INVALID
    assert re.search(r":\d+:\d+: placeholder '\{\{name\}\}' in script 'team.greeting' has no field", result.reason)


def test_html_login_page_is_named(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/team.yaml"] = Route(b"<html><body>Please sign in</body></html>", content_type="text/html")
    result = make_service(paths, builtin).check(server.url("/team.yaml"))
    assert result.failure is FailureKind.INVALID
    assert "sent a web page, not a YAML library" in result.reason


def test_compliance_violation_blocks_update(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/team.yaml"] = Route(TEAM_V1.encode())
    service = make_service(paths, builtin)
    assert service.check(server.url("/team.yaml")).updated
    server.routes["/team.yaml"] = Route(NON_COMPLIANT.encode())

    result = service.check(server.url("/team.yaml"))

    assert result.failure is FailureKind.COMPLIANCE
    assert "team.review" in result.reason and "[review_reward]" in result.reason
    assert cached_ids(service) == ["team.delay", "team.greeting"]


def test_builtin_forbidden_phrase_blocks_update(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    text = TEAM_V1.replace("请耐心等待～", "爱要不要～")
    server.routes["/team.yaml"] = Route(text.encode())
    result = make_service(paths, builtin).check(server.url("/team.yaml"))
    assert result.failure is FailureKind.COMPLIANCE
    assert "爱要不要" in result.reason


def test_library_without_scripts_is_refused(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/team.yaml"] = Route(b"schema: 1\nscripts: []\n")
    result = make_service(paths, builtin).check(server.url("/team.yaml"))
    assert result.failure is FailureKind.EMPTY


def test_unreachable_server_fails(paths: AppPaths, builtin: Library) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = make_service(paths, builtin).check(f"http://127.0.0.1:{port}/team.yaml")
    assert result.failure is FailureKind.NETWORK
    assert result.reason.startswith(f"cannot reach http://127.0.0.1:{port}/team.yaml: ")


# ----- tokens --------------------------------------------------------------------------------


def test_token_feed_401_without_token_then_200_with_it(
    server: FeedServer,
    paths: AppPaths,
    builtin: Library,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("DEBUG")
    server.routes["/private.yaml"] = Route(TEAM_V1.encode(), etag='"p1"', require_token=TOKEN)
    service = make_service(paths, builtin, token_provider=secrets.get_token)

    denied = service.check(server.url("/private.yaml"))
    assert denied.failure is FailureKind.HTTP and denied.reason.startswith("HTTP 401")
    assert "authorization" not in server.headers_for("/private.yaml")[0]

    secrets.set_token(TOKEN)
    assert memory_keyring.values == {("cs-companion", "team-feed-token"): TOKEN}
    allowed = service.check(server.url("/private.yaml"))

    assert allowed.updated, allowed.reason
    assert server.headers_for("/private.yaml")[1]["authorization"] == f"Bearer {TOKEN}"
    for result in (denied, allowed):
        assert TOKEN not in repr(result)
    assert TOKEN not in caplog.text
    for data in cache_bytes(paths).values():
        assert TOKEN.encode() not in data
    for file in paths.config.parent.rglob("*"):
        if file.is_file():
            assert TOKEN.encode() not in file.read_bytes(), file


def test_token_not_sent_to_other_host_on_redirect(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/open.yaml"] = Route(TEAM_V1.encode())
    server.routes["/moved-away.yaml"] = Route(location=server.url("/open.yaml", host="localhost"))
    server.routes["/moved-here.yaml"] = Route(location="/open.yaml")
    service = make_service(paths, builtin, token_provider=lambda: TOKEN)

    away = service.check(server.url("/moved-away.yaml"))
    assert away.updated, away.reason
    assert server.headers_for("/moved-away.yaml")[0]["authorization"] == f"Bearer {TOKEN}"
    assert "authorization" not in server.headers_for("/open.yaml")[0]

    here = make_service(AppPaths.under(paths.config.parent / "other"), builtin, token_provider=lambda: TOKEN)
    assert here.check(server.url("/moved-here.yaml")).updated
    assert server.headers_for("/open.yaml")[1]["authorization"] == f"Bearer {TOKEN}"


def test_redirect_to_plain_http_elsewhere_is_refused(server: FeedServer, paths: AppPaths, builtin: Library) -> None:
    server.routes["/evil.yaml"] = Route(location="http://example.com/team.yaml")
    result = make_service(paths, builtin, token_provider=lambda: TOKEN).check(server.url("/evil.yaml"))
    assert result.failure is FailureKind.SOURCE
    assert "redirect" in result.reason and "http://" in result.reason
    assert TOKEN not in result.reason


def test_token_echoed_by_a_fetcher_is_scrubbed(
    paths: AppPaths, builtin: Library, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")

    class EchoingFetcher:
        def fetch(
            self, url: str, *, etag: str = "", last_modified: str = "", token: str | None = None
        ) -> FetchResponse:
            raise RuntimeError(f"boom while sending {token}\nsecond line")

    result = make_service(paths, builtin, http_client=EchoingFetcher(), token_provider=lambda: TOKEN).check(
        "https://feed.example.com/team.yaml"
    )
    assert result.failure is FailureKind.UNEXPECTED
    assert TOKEN not in result.reason and "***" in result.reason and "\n" not in result.reason
    assert "boom while sending ***" in caplog.text and TOKEN not in caplog.text


def test_fake_fetcher_receives_validators_and_token(paths: AppPaths, builtin: Library) -> None:
    calls: list[dict[str, object]] = []

    class FakeFetcher:
        def fetch(
            self, url: str, *, etag: str = "", last_modified: str = "", token: str | None = None
        ) -> FetchResponse:
            calls.append({"url": url, "etag": etag, "last_modified": last_modified, "token": token})
            if etag:
                return FetchResponse(304)
            return FetchResponse(200, TEAM_V1.encode(), etag='"e"', last_modified="Mon, 01 Dec 2026 08:00:00 GMT")

    service = make_service(paths, builtin, http_client=FakeFetcher(), token_provider=lambda: "tok")
    assert service.check("https://feed.example.com/team.yaml").updated
    assert service.check("https://feed.example.com/team.yaml").status is UpdateStatus.UNCHANGED
    assert calls[1] == {
        "url": "https://feed.example.com/team.yaml",
        "etag": '"e"',
        "last_modified": "Mon, 01 Dec 2026 08:00:00 GMT",
        "token": "tok",
    }
    # A different source must not reuse the cached validators.
    service.check("https://other.example.com/team.yaml")
    assert calls[2]["etag"] == "" and calls[2]["last_modified"] == ""


# ----- source parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "https://feed.example.com/team.yaml",
        "http://127.0.0.1:8080/t.yaml",
        "http://127.8.9.1/t",
        "http://[::1]/t",
        "http://localhost/t",
    ],
)
def test_allowed_urls(text: str) -> None:
    assert parse_source(text).url == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("http://example.com/team.yaml", "plain http:// is only allowed for this computer"),
        ("http://10.0.0.5/team.yaml", "plain http:// is only allowed for this computer"),
        ("http://127.0.0.1.example.com/t", "plain http:// is only allowed"),
        ("ftp://example.com/team.yaml", "not 'ftp:'"),
        ("https://user:pw@example.com/team.yaml", "do not put a user name or password"),
        ("https:///team.yaml", "has no host name"),
        ("   ", "no team source is set"),
    ],
)
def test_rejected_sources(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=re.escape(message)):
        parse_source(text)


def test_http_to_non_loopback_is_rejected_without_network(paths: AppPaths, builtin: Library) -> None:
    class ExplodingFetcher:
        def fetch(self, *args: object, **kwargs: object) -> FetchResponse:
            raise AssertionError("must not fetch")

    result = make_service(paths, builtin, http_client=ExplodingFetcher()).check("http://intranet.example.com/t.yaml")
    assert result.failure is FailureKind.SOURCE
    assert "only allowed for this computer" in result.reason
    with pytest.raises(Exception, match="only allowed"):
        UrllibFetcher().fetch("http://intranet.example.com/t.yaml")


def test_paths_and_redaction(tmp_path: Path) -> None:
    assert parse_source(str(tmp_path)).path == tmp_path
    assert parse_source("C:\\share\\team").path is not None
    assert parse_source(tmp_path.as_uri()).path == tmp_path
    assert redact_url("https://h.example.com/f.yaml?token=abc&v=2") == "https://h.example.com/f.yaml?token=***&v=2"
    assert is_loopback("127.0.0.53") and is_loopback("::1") and not is_loopback("192.168.1.1")


# ----- folder sources ------------------------------------------------------------------------


@pytest.fixture
def share(tmp_path: Path) -> Path:
    folder = tmp_path / "share" / "team"
    folder.mkdir(parents=True)
    (folder / "00_library.yaml").write_text("schema: 1\nlibrary: {name: 共享话术, version: '7'}\n", encoding="utf-8")
    (folder / "10_scripts.yaml").write_text(TEAM_V1, encoding="utf-8")
    return folder


def test_folder_source_installs_a_copy(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    result = service.check(str(share))
    assert result.updated, result.reason
    assert result.info.name == "共享话术"
    assert sorted(cache_bytes(paths)) == sorted([META_NAME, "00_library.yaml", "10_scripts.yaml"])
    meta = service.cached_metadata()
    assert meta is not None and meta.fingerprint == folder_fingerprint(share) and meta.kind == "path"

    # A broken edit on the share afterwards never breaks what agents load.
    (share / "10_scripts.yaml").write_text(BAD_YAML, encoding="utf-8")
    assert cached_ids(make_service(paths, builtin)) == ["team.delay", "team.greeting"]
    assert service.check(str(share)).status is UpdateStatus.FAILED


def test_folder_edit_is_detected_and_installed(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    assert service.check(str(share)).updated
    known = service.known_fingerprint(str(share))
    assert known and service.known_fingerprint(str(share / "other")) == ""
    assert probe_folder(share, known).state is FolderState.UNCHANGED
    assert service.check(str(share)).status is UpdateStatus.UNCHANGED

    (share / "10_scripts.yaml").write_text(TEAM_V2, encoding="utf-8")
    probe = probe_folder(share, known)
    assert probe.state is FolderState.CHANGED and probe.fingerprint != known

    result = service.check(str(share))
    assert result.updated and result.changes.summary() == "1 added, 1 changed, 1 removed"


def test_rename_save_and_editor_temp_files(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    assert service.check(str(share)).updated
    known = service.cached_metadata().fingerprint  # type: ignore[union-attr]

    temp = share / ".10_scripts.yaml.tmp"
    temp.write_text(TEAM_V2, encoding="utf-8")
    (share / "10_scripts.yaml~").write_text("garbage: [", encoding="utf-8")
    (share / ".#10_scripts.yaml").write_text("garbage: [", encoding="utf-8")
    assert probe_folder(share, known).state is FolderState.UNCHANGED

    os.replace(temp, share / "10_scripts.yaml")
    assert probe_folder(share, known).state is FolderState.CHANGED
    result = service.check(str(share))
    assert result.updated, result.reason
    assert cached_ids(service) == ["team.greeting", "team.closing"]


def test_deleted_file_and_empty_folder(share: Path, paths: AppPaths, builtin: Library) -> None:
    (share / "20_more.yaml").write_text(TEAM_V2.replace("team.", "more."), encoding="utf-8")
    service = make_service(paths, builtin)
    assert service.check(str(share)).updated

    (share / "20_more.yaml").unlink()
    result = service.check(str(share))
    assert result.updated
    assert {c.id for c in result.changes.removed} == {"more.greeting", "more.closing"}
    assert cached_ids(service) == ["team.delay", "team.greeting"]

    # Documented choice: an emptied folder is a failure (share offline or mid-sync), not "no team scripts".
    for file in share.iterdir():
        file.unlink()
    emptied = service.check(str(share))
    assert emptied.failure is FailureKind.SOURCE and "no .yaml or .yml library files" in emptied.reason
    assert probe_folder(share).state is FolderState.UNAVAILABLE
    assert cached_ids(service) == ["team.delay", "team.greeting"]


def test_half_written_file_is_invalid_and_last_good_kept(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    assert service.check(str(share)).updated
    known = service.cached_metadata().fingerprint  # type: ignore[union-attr]
    before = cache_bytes(paths)

    half = TEAM_V2[: TEAM_V2.index("title: 团队 · 结束语") + 5] + "[团队"
    (share / "10_scripts.yaml").write_text(half, encoding="utf-8")

    probe = probe_folder(share, known)
    assert probe.state is FolderState.INVALID
    assert re.match(rf"^{re.escape(str(share / '10_scripts.yaml'))}:\d+:\d+: YAML syntax error", probe.reason)
    result = service.check(str(share))
    assert result.failure is FailureKind.UNPARSABLE and result.maybe_incomplete
    assert cache_bytes(paths) == before

    (share / "10_scripts.yaml").write_text(TEAM_V2, encoding="utf-8")  # the save completes
    assert service.check(str(share)).updated


def test_single_file_source(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    assert service.check(str(share / "10_scripts.yaml")).updated
    assert sorted(cache_bytes(paths)) == sorted([META_NAME, "10_scripts.yaml"])


def test_missing_folder_fails(tmp_path: Path, paths: AppPaths, builtin: Library) -> None:
    result = make_service(paths, builtin).check(str(tmp_path / "nowhere"))
    assert result.failure is FailureKind.SOURCE and "does not exist" in result.reason


def test_personal_scripts_survive_team_updates(share: Path, paths: AppPaths, builtin: Library) -> None:
    mine = PersonalStore(paths.personal_library_file, builtin)
    copy = mine.copy_to_mine(builtin.scripts[0])
    own_before = paths.personal_library_file.read_bytes()
    service = make_service(paths, builtin)
    assert service.check(str(share)).updated

    (share / "10_scripts.yaml").write_text(TEAM_V2, encoding="utf-8")
    result = service.check(str(share))
    assert result.updated and result.changes.removed and result.changes.changed

    assert paths.personal_library_file.read_bytes() == own_before
    stack = load_stack(BUILTIN_LIBRARY, paths.team_cache_dir, paths.personal_library_file)
    assert stack.library.script(copy.id) is not None
    assert stack.library.script("team.closing") is not None and stack.library.script("team.delay") is None
    assert stack.layers[Layer.PERSONAL].scripts[0].id == copy.id


# ----- cache robustness and threads ----------------------------------------------------------


def test_interrupted_swap_is_recovered(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    assert service.check(str(share)).updated
    os.replace(paths.team_cache_dir, paths.cache / ".team_library.old-crash")  # died between the two renames
    assert cached_ids(make_service(paths, builtin)) == ["team.delay", "team.greeting"]
    assert not list(paths.cache.glob(".team_library.*"))


def test_concurrent_checks_leave_a_valid_cache(share: Path, paths: AppPaths, builtin: Library) -> None:
    service = make_service(paths, builtin)
    results = []

    def worker() -> None:
        results.append(service.check(str(share)))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(r.status.value for r in results) == ["unchanged", "unchanged", "unchanged", "updated"]
    assert cached_ids(service) == ["team.delay", "team.greeting"]
