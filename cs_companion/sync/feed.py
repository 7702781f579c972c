"""Where a team library comes from, and fetching it over HTTP without surprises.

A team source is either a path (a file or folder, often on a shared drive) or
an ``https://`` URL. Plain ``http://`` is refused except for loopback
addresses, so a feed can never be read (or tampered with) on the wire, while
tests and local previews still work against ``http://127.0.0.1``.

``UrllibFetcher`` is the default HTTP client. It is synchronous and keeps no
state between calls, so the window can run it on a worker thread and tests can
swap in a fake through the ``Fetcher`` protocol. It sends conditional
requests (ETag / Last-Modified), caps time and size while streaming, treats a
short body as a failure, and sends the access token only to the origin it was
configured for: a redirect to another host never sees it. Error messages name
the URL (credentials and secret-looking query values removed) and never the
token.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cs_companion import APP_NAME, __version__
from cs_companion.core.libtree import is_utf8_name, shown_path
from cs_companion.core.yamlsafe import MAX_FILE_BYTES
from cs_companion.sync.deadline import Deadline, DeadlineHTTPHandler, DeadlineHTTPSHandler

MAX_FEED_BYTES = MAX_FILE_BYTES
"""A feed is one library file, so it has the same 5 MiB limit as a file on disk."""

DEFAULT_TIMEOUT = 15.0
"""Seconds to connect, and the longest the server may stay silent while sending."""

DEFAULT_TOTAL_TIMEOUT = 60.0
"""Seconds for the whole download; a server trickling bytes cannot hold a worker forever."""

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_SECRET_QUERY_KEYS = re.compile(r"token|key|secret|sig|signature|password|passwd|auth|credential", re.IGNORECASE)
_HEADER_VALUE = re.compile(r"^[\x20-\x7e]{1,1024}$")


class SourceError(ValueError):
    """The team source setting cannot be used; the message says why in one line."""


class FetchError(Exception):
    """A download failed; ``kind`` is one of the ``FetchError.*`` constants, the message is one line."""

    NETWORK = "network"
    HTTP = "http"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TRUNCATED = "truncated"
    SOURCE = "source"

    def __init__(self, message: str, kind: str = NETWORK, status: int | None = None) -> None:
        super().__init__(" ".join(message.split()))
        self.kind = kind
        self.status = status


@dataclass(frozen=True)
class TeamSource:
    """A parsed team source: a URL or a local/shared path, plus a safe name for messages."""

    raw: str
    url: str = ""
    path: Path | None = None

    @property
    def is_url(self) -> bool:
        return bool(self.url)

    @property
    def display(self) -> str:
        """How the source is named in messages and metadata: no credentials, no secret query values."""
        return redact_url(self.url) if self.url else str(self.path)


@dataclass(frozen=True)
class FetchResponse:
    """What a fetch produced: 200 with a body, or 304 (``not_modified``) with none."""

    status: int
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    url: str = ""
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher(Protocol):
    """Anything that can GET a URL; the update service only talks to this."""

    def fetch(self, url: str, *, etag: str = "", last_modified: str = "", token: str | None = None) -> FetchResponse:
        """Return a 200 or 304 response, or raise FetchError for everything else."""
        ...


def parse_source(text: str) -> TeamSource:
    """Turn the team source setting into a TeamSource, or raise SourceError with a clear reason."""
    raw = (text or "").strip()
    if not raw:
        raise SourceError("no team source is set")
    if not is_utf8_name(raw):  # e.g. a GBK-named folder on a share mounted without a charset option
        raise SourceError(
            f"team source {shown_path(raw)} is not valid UTF-8 text; rename the folder or use another path"
        )
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if len(scheme) <= 1 or raw.startswith(("\\\\", "//")):  # C:\share\lib, \\server\share, /mnt/share
        return TeamSource(raw, path=Path(raw).expanduser())
    if scheme == "file":
        share = f"//{parts.netloc}" if parts.netloc not in ("", "localhost") else ""
        return TeamSource(raw, path=Path(urllib.request.url2pathname(share + parts.path)))
    if scheme not in ("http", "https"):
        raise SourceError(f"team source must be an https:// address or a file/folder path, not '{scheme}:'")
    check_url(raw)
    return TeamSource(raw, url=raw)


def check_url(url: str) -> None:
    """Refuse URLs we must not fetch: non-HTTP schemes, plain http off loopback, embedded credentials."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        raise SourceError(f"team source {redact_url(url)} is not a valid address") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(f"refusing to fetch from '{scheme}:' addresses")
    if not host:
        raise SourceError(f"team source {redact_url(url)} has no host name")
    if parts.username or parts.password:
        raise SourceError("do not put a user name or password in the team address; store an access token instead")
    if scheme == "http" and not is_loopback(host):
        raise SourceError(f"plain http:// is only allowed for this computer (127.0.0.1); use https://{host}")


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1: the only hosts plain http is allowed to reach."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redact_url(url: str) -> str:
    """The URL without user info and with secret-looking query values replaced by ``***``."""
    try:
        parts = urlsplit(url)
        netloc = parts.hostname or ""
        if ":" in netloc:
            netloc = f"[{netloc}]"
        if parts.port is not None:
            netloc = f"{netloc}:{parts.port}"
    except ValueError:
        return "<invalid address>"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, "***" if _SECRET_QUERY_KEYS.search(k) else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


def _clean_header(value: str | None) -> str:
    """A validator we will echo back later: printable ASCII only, or nothing (no header injection)."""
    value = (value or "").strip()
    return value if _HEADER_VALUE.match(value) else ""


class _GuardedRedirect(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to allowed URLs, and re-attaches the token only on the same origin."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        try:
            check_url(newurl)
        except SourceError as exc:
            fp.close()
            raise FetchError(f"redirect from {redact_url(req.full_url)} refused: {exc}", FetchError.SOURCE) from None
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is None:
            return None
        auth = req.unredirected_hdrs.get("Authorization")
        if auth and _origin(newurl) == _origin(req.full_url):
            new.add_unredirected_header("Authorization", auth)
        return new


class UrllibFetcher:
    """Default HTTP client (standard library only); safe to share between threads.

    ``timeout`` bounds connecting and each silent gap while reading;
    ``total_timeout`` bounds the whole exchange: connecting, TLS, status line,
    headers, redirects and body (see ``Deadline``). DNS look-ups are not
    covered by either: call this from a worker thread, never the UI thread.
    """

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
        max_bytes: int = MAX_FEED_BYTES,
    ) -> None:
        self.timeout = timeout
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes

    def fetch(self, url: str, *, etag: str = "", last_modified: str = "", token: str | None = None) -> FetchResponse:
        try:
            check_url(url)
        except SourceError as exc:
            raise FetchError(str(exc), FetchError.SOURCE) from None
        shown = redact_url(url)
        request = urllib.request.Request(url, method="GET")
        request.add_header("User-Agent", f"{APP_NAME}/{__version__}")
        request.add_header("Accept", "application/yaml, text/yaml, text/plain;q=0.9, */*;q=0.5")
        request.add_header("Accept-Encoding", "identity")
        if etag := _clean_header(etag):
            request.add_header("If-None-Match", etag)
        if last_modified := _clean_header(last_modified):
            request.add_header("If-Modified-Since", last_modified)
        if token:
            # Unredirected: urllib drops it on redirects; _GuardedRedirect re-adds it on the same origin only.
            request.add_unredirected_header("Authorization", f"Bearer {token}")
        deadline = Deadline(self.total_timeout)
        handlers: list[urllib.request.BaseHandler] = [
            _GuardedRedirect(),
            DeadlineHTTPHandler(deadline),
            DeadlineHTTPSHandler(deadline),
        ]
        if is_loopback(urlsplit(url).hostname or ""):
            handlers.append(urllib.request.ProxyHandler({}))  # never send local traffic through a proxy
        opener = urllib.request.build_opener(*handlers)
        timed_out = FetchError(f"timed out after {self.total_timeout:g} s downloading {shown}", FetchError.TIMEOUT)
        with deadline:
            try:
                result = self._exchange(opener, request, shown, deadline)
            except FetchError:
                if deadline.expired:  # the watchdog cut the connection: whatever broke, the cause is time
                    raise timed_out from None
                raise
        if deadline.expired:  # cut mid-headers or mid-body, the rest can look like a short but "complete" answer
            raise timed_out
        return result

    def _exchange(
        self, opener: urllib.request.OpenerDirector, request: urllib.request.Request, shown: str, deadline: Deadline
    ) -> FetchResponse:
        """Send the request and read the answer; every failure becomes a FetchError."""
        url = request.full_url
        try:
            with opener.open(request, timeout=min(self.timeout, self.total_timeout)) as response:
                return self._read(response, shown, deadline.ends)
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the connection; an unclosed one would leak a socket per poll
            if exc.code == 304:
                return FetchResponse(304, url=exc.geturl() or url)
            raise FetchError(_http_message(exc.code, exc.reason, shown), FetchError.HTTP, exc.code) from None
        except FetchError:
            raise
        except urllib.error.URLError as exc:
            raise _network_error(exc.reason, shown, self.timeout) from None
        except TimeoutError:
            raise FetchError(f"timed out after {self.timeout:g} s waiting for {shown}", FetchError.TIMEOUT) from None
        except http.client.IncompleteRead:
            raise FetchError(f"download from {shown} was cut off before the end", FetchError.TRUNCATED) from None
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise _network_error(exc, shown, self.timeout) from None

    def _read(self, response: http.client.HTTPResponse, shown: str, deadline: float) -> FetchResponse:
        """Stream the body, enforcing the size cap, the total deadline and the announced length."""
        headers = response.headers
        declared = headers.get("Content-Length")
        expected: int | None = None
        if declared is not None and declared.strip().isdigit():
            expected = int(declared.strip())
            if expected > self.max_bytes:
                raise FetchError(_too_large(shown, self.max_bytes), FetchError.TOO_LARGE)
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {self.total_timeout:g} s downloading {shown}", FetchError.TIMEOUT)
            chunk = response.read1(_CHUNK)  # read() would wait for a full chunk and defeat the deadline
            if not chunk:
                break
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(_too_large(shown, self.max_bytes), FetchError.TOO_LARGE)
            chunks.append(chunk)
        if expected is not None and size < expected:
            raise FetchError(
                f"download from {shown} was cut off: got {size:,} of {expected:,} bytes", FetchError.TRUNCATED
            )
        return FetchResponse(
            status=response.status,
            body=b"".join(chunks),
            etag=_clean_header(headers.get("ETag")),
            last_modified=_clean_header(headers.get("Last-Modified")),
            url=response.geturl(),
            content_type=(headers.get("Content-Type") or "").split(";")[0].strip().lower(),
        )


def _too_large(shown: str, limit: int) -> str:
    return f"team library at {shown} is larger than the {limit:,} byte limit"


def _http_message(code: int, reason: object, shown: str) -> str:
    hint = {
        401: " (access token missing or not accepted; set one with 'cs-companion token set')",
        403: " (access denied; check the access token)",
        404: " (check the team address)",
    }.get(code, "")
    return f"HTTP {code} {reason or ''} from {shown}{hint}".replace("  ", " ")


def _network_error(reason: object, shown: str, timeout: float) -> FetchError:
    if isinstance(reason, TimeoutError):
        return FetchError(f"timed out after {timeout:g} s waiting for {shown}", FetchError.TIMEOUT)
    if isinstance(reason, FetchError):
        return reason
    text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
    text = text or type(reason).__name__
    return FetchError(f"cannot reach {shown}: {text}", FetchError.NETWORK)
