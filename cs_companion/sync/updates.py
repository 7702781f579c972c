"""Team script updates: fetch a team library, validate it fully, and only then install it.

``UpdateService.check`` is the one entry point the window (from a worker
thread) and ``cs-companion update`` call. It never raises: every outcome is an
``UpdateResult`` whose status is ``updated``, ``unchanged`` or ``failed``. A
failure leaves the cached team library exactly as it was and carries one
line saying why, so a broken push or a network hiccup never takes scripts
away from agents.

A library is only installed when it loads without errors (schema, YAML,
duplicate ids; scenarios checked against the built-in catalogue) *and* has
no compliance findings: a team update that asks agents to offer 好评返现 is
refused outright, because it would reach every agent at once.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from enum import Enum

from cs_companion.core.compliance import check_library
from cs_companion.core.diff import LibraryDiff, diff_libraries
from cs_companion.core.libtree import shown_path
from cs_companion.core.loader import load_sources
from cs_companion.core.models import Layer, Library, LibraryInfo
from cs_companion.core.problems import Problem, Severity
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.secrets import get_token
from cs_companion.sync.feed import (
    Fetcher,
    FetchError,
    FetchResponse,
    SourceError,
    TeamSource,
    UrllibFetcher,
    parse_source,
    redact_url,
)
from cs_companion.sync.folder import FolderError, LibraryFile, fingerprint, read_library, unparsable
from cs_companion.sync.teamcache import FEED_FILE_NAME, CachedTeam, CacheMetadata, TeamCache

log = logging.getLogger(__name__)

TokenProvider = Callable[[], "str | None"]


class UpdateStatus(str, Enum):
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


class FailureKind(str, Enum):
    """Why an update failed, for callers that react differently (e.g. retry a half-written file)."""

    SOURCE = "source"  # bad setting, folder missing/unreadable, refused redirect
    NETWORK = "network"
    HTTP = "http"  # 401, 404, 500, ...
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TRUNCATED = "truncated"
    UNPARSABLE = "unparsable"  # YAML does not parse (on a share: maybe still being written)
    INVALID = "invalid"  # parses, but schema errors
    COMPLIANCE = "compliance"
    EMPTY = "empty"  # valid but has no scripts
    STORAGE = "storage"  # cannot write the cache
    NO_SOURCE = "no_source"  # no team source configured (F5 before any was set): nothing is wrong
    UNEXPECTED = "unexpected"


_FETCH_KINDS = {
    FetchError.NETWORK: FailureKind.NETWORK,
    FetchError.HTTP: FailureKind.HTTP,
    FetchError.TIMEOUT: FailureKind.TIMEOUT,
    FetchError.TOO_LARGE: FailureKind.TOO_LARGE,
    FetchError.TRUNCATED: FailureKind.TRUNCATED,
    FetchError.SOURCE: FailureKind.SOURCE,
}


@dataclass(frozen=True)
class UpdateResult:
    """The outcome of one check. ``library`` is the team layer in effect afterwards (new or kept)."""

    status: UpdateStatus
    source: str
    reason: str = ""
    failure: FailureKind | None = None
    changes: LibraryDiff = field(default_factory=LibraryDiff)
    library: Library | None = None
    metadata: CacheMetadata | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status is not UpdateStatus.FAILED

    @property
    def updated(self) -> bool:
        return self.status is UpdateStatus.UPDATED

    @property
    def maybe_incomplete(self) -> bool:
        """True when a shared-folder file did not parse: it may still be being saved; retry after a pause."""
        return self.failure is FailureKind.UNPARSABLE and not self.source.lower().startswith(("http:", "https:"))

    @property
    def info(self) -> LibraryInfo:
        """Name/version/date of the team library in effect (new after an update, else the kept one)."""
        if self.library is not None and self.library.info != LibraryInfo():
            return self.library.info
        return self.metadata.info if self.metadata else LibraryInfo()

    def message(self) -> str:
        """One line for a status bar or the CLI."""
        version = self.info.describe()
        suffix = f" ({version})" if version else ""
        if self.status is UpdateStatus.UPDATED:
            return f"team library updated{suffix}: {self.changes.summary()}"
        if self.status is UpdateStatus.UNCHANGED:
            return f"team library unchanged{suffix}"
        return f"team update failed, keeping the current library: {self.reason}"


@dataclass(frozen=True)
class Validation:
    """A candidate team library after every check; ``library`` is None if it must not be installed."""

    library: Library | None
    problems: tuple[Problem, ...]
    failure: FailureKind | None = None
    reason: str = ""


def validate_team_files(files: Sequence[LibraryFile], builtin: Library | None) -> Validation:
    """Load ``files`` as a team layer and run compliance; any error, parse or compliance, blocks it."""
    known = [s.id for s in builtin.scenarios] if builtin else []
    platforms = {p.id: p.values for p in builtin.platforms} if builtin else {}
    result = load_sources([(f.shown, f.data) for f in files], Layer.TEAM, known, platforms)
    problems = list(result.problems)
    if result.library is None:
        errors = [p for p in problems if p.is_error]
        kind = FailureKind.UNPARSABLE if unparsable(list(files)) else FailureKind.INVALID
        return Validation(None, tuple(problems), kind, _first_of(errors))
    extra = builtin.forbidden_phrases if builtin else ()
    allow = builtin.compliance_allow if builtin else ()
    findings = check_library(result.library, extra, Severity.ERROR, allow)
    problems.extend(findings)
    blocking = [p for p in findings if p.is_error]  # warnings (e.g. a promise) are shown, not refused
    if blocking:
        return Validation(None, tuple(problems), FailureKind.COMPLIANCE, _first_of(blocking))
    if not result.library.scripts:
        where = files[0].shown if files else "the team library"
        return Validation(None, tuple(problems), FailureKind.EMPTY, f"{where}: the team library has no scripts")
    return Validation(result.library, tuple(problems))


def _first_of(errors: Sequence[Problem]) -> str:
    if not errors:
        return "the team library is invalid"
    more = len(errors) - 1
    return str(errors[0]) + (f" (and {more} more error{'s' if more > 1 else ''})" if more else "")


def source_id(source: TeamSource) -> str:
    """A stable key for "same source as the cached copy" that stores nothing secret."""
    return hashlib.sha256((source.url or str(source.path)).encode("utf-8")).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


class UpdateService:
    """Checks a team source and keeps the cached team layer; one instance per app, thread-safe.

    ``http_client`` and ``token_provider`` are injected so tests (and an
    embedding app) can replace the network and the keyring. ``check`` calls
    are serialised; ``load_cached`` may run concurrently with a check.
    """

    def __init__(
        self,
        paths: AppPaths,
        builtin_library: Library | None,
        http_client: Fetcher | None = None,
        token_provider: TokenProvider | None = get_token,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.paths = paths
        self.builtin = builtin_library
        self.http: Fetcher = http_client if http_client is not None else UrllibFetcher()
        self.token_provider = token_provider
        self.clock = clock
        self.cache = TeamCache(paths.team_cache_dir)
        self._check_lock = threading.Lock()
        self._memo: tuple[tuple[str, str, str], CachedTeam] | None = None

    @property
    def known_scenarios(self) -> list[str]:
        return [s.id for s in self.builtin.scenarios] if self.builtin else []

    def load_cached(self) -> CachedTeam:
        """The last good team library (for start-up; works offline). ``library`` is None if there is none.

        Parsing a 10,000-script cache takes seconds, and every poll needs it, so
        the result is kept while the cache's fingerprint and install time stay
        the same (only this class installs into the cache).
        """
        meta = self.cache.metadata()
        key = (meta.fingerprint, meta.fetched_at, meta.source_id) if meta is not None else None
        memo = self._memo
        if key is not None and memo is not None and memo[0] == key:
            return replace(memo[1], metadata=meta)
        cached = self.cache.load(self.known_scenarios)
        self._memo = (key, cached) if key is not None and cached.library is not None else None
        return cached

    def cached_metadata(self) -> CacheMetadata | None:
        """Source, validators and version of the cached library (``fingerprint`` feeds ``probe_folder``)."""
        return self.cache.metadata()

    def check(self, source: str | TeamSource) -> UpdateResult:
        """Fetch or read ``source`` once, validate it, and install it if it is new and clean. Never raises."""
        token: str | None = None
        shown = source.display if isinstance(source, TeamSource) else _display(source)
        with self._check_lock:
            try:
                src = source if isinstance(source, TeamSource) else parse_source(source)
                shown = src.display
                if src.is_url and self.token_provider is not None:
                    token = safe_token(self.token_provider)
                result = self._check(src, token)
            except SourceError as exc:
                result = self._failed(shown, FailureKind.SOURCE, str(exc))
            except Exception as exc:  # the worker thread must always get a result
                if token is None:  # a traceback could quote the token; only log one when there is none
                    log.debug("unexpected error in team update", exc_info=True)
                result = self._failed(shown, FailureKind.UNEXPECTED, f"unexpected error: {type(exc).__name__}: {exc}")
        result = _scrub(result, token)
        if result.status is UpdateStatus.FAILED:  # expected (offline, bad push): the caller shows it, so info only
            log.info("team update from %s failed: %s", result.source, result.reason)
        elif result.updated:
            log.info("team library updated from %s: %s", result.source, result.changes.summary())
        return result

    def known_fingerprint(self, source: str | TeamSource) -> str:
        """Fingerprint of the cached copy if it came from ``source`` (for ``probe_folder``), else ""."""
        try:
            src = source if isinstance(source, TeamSource) else parse_source(source)
        except SourceError:
            return ""
        meta = self.cached_metadata()
        return meta.fingerprint if meta is not None and meta.source_id == source_id(src) else ""

    def _check(self, src: TeamSource, token: str | None) -> UpdateResult:
        shown = src.display
        current = self.load_cached()
        meta = current.metadata if current.library is not None else None
        same_source = meta is not None and meta.source_id == source_id(src)
        response: FetchResponse | None = None
        try:
            if src.is_url:
                known = meta if same_source else None
                response = self.http.fetch(
                    src.url,
                    etag=known.etag if known else "",
                    last_modified=known.last_modified if known else "",
                    token=token,
                )
                if response.not_modified:
                    if not (same_source and meta):
                        reason = f"{shown} answered 'not modified' but nothing is cached"
                        return self._failed(shown, FailureKind.HTTP, reason)
                    return self._unchanged(shown, current, meta, response)
                files = [LibraryFile(FEED_FILE_NAME, shown, response.body)]
            else:
                assert src.path is not None
                files = read_library(src.path)
        except SourceError as exc:
            return self._failed(shown, FailureKind.SOURCE, str(exc))
        except FetchError as exc:
            return self._failed(shown, _FETCH_KINDS.get(exc.kind, FailureKind.NETWORK), str(exc))
        except FolderError as exc:
            return self._failed(shown, FailureKind.SOURCE, str(exc))
        digest = fingerprint(files)
        if same_source and meta is not None and digest == meta.fingerprint:
            return self._unchanged(shown, current, meta, response)
        validation = validate_team_files(files, self.builtin)
        if validation.library is None:
            reason = validation.reason
            if response is not None and response.content_type == "text/html":
                reason = f"{shown} sent a web page, not a YAML library (a login page?): {reason}"
            return self._failed(shown, validation.failure or FailureKind.INVALID, reason, validation.problems)
        now = self.clock().isoformat(timespec="seconds")
        info = validation.library.info
        metadata = CacheMetadata(
            source=shown,
            source_id=source_id(src),
            kind="url" if src.is_url else "path",
            etag=response.etag if response else "",
            last_modified=response.last_modified if response else "",
            fetched_at=now,
            checked_at=now,
            fingerprint=digest,
            library_name=info.name,
            library_version=info.version,
            library_updated=info.updated,
            scripts=len(validation.library.scripts),
        )
        try:
            self.cache.install(files, metadata)
        except OSError as exc:
            reason = f"cannot save the team library in {self.paths.team_cache_dir}: {exc.strerror or exc}"
            return self._failed(shown, FailureKind.STORAGE, reason, validation.problems)
        # The validated library is what the cache now holds: remember it for the next poll.
        installed = CachedTeam(validation.library, metadata, tuple(validation.problems))
        self._memo = ((metadata.fingerprint, metadata.fetched_at, metadata.source_id), installed)
        changes = diff_libraries(current.library, validation.library)
        return UpdateResult(
            UpdateStatus.UPDATED, shown, "", None, changes, validation.library, metadata, validation.problems
        )

    def _unchanged(
        self, shown: str, current: CachedTeam, meta: CacheMetadata, response: FetchResponse | None
    ) -> UpdateResult:
        """Record the check time (and any new validators) without touching the library files."""
        updated = replace(meta, checked_at=self.clock().isoformat(timespec="seconds"))
        if response is not None and not response.not_modified:
            updated = replace(updated, etag=response.etag, last_modified=response.last_modified)
        try:
            self.cache.update_metadata(updated)
        except OSError as exc:  # cosmetic: the library itself is fine
            log.warning("cannot record the update check time: %s", exc.strerror or exc)
            updated = meta
        return UpdateResult(UpdateStatus.UNCHANGED, shown, library=current.library, metadata=updated)

    def _failed(self, shown: str, kind: FailureKind, reason: str, problems: Sequence[Problem] = ()) -> UpdateResult:
        """A failure result that still reports the kept library, so the UI can show what is in effect."""
        try:
            kept = self.load_cached()
        except OSError:
            kept = CachedTeam()
        return UpdateResult(
            UpdateStatus.FAILED, shown, reason, kind, LibraryDiff(), kept.library, kept.metadata, tuple(problems)
        )


def _display(raw: str) -> str:
    text = shown_path((raw or "").strip())  # printable even if the path is not UTF-8
    return redact_url(text) if "://" in text else text


def safe_token(provider: TokenProvider) -> str | None:
    """The stored access token, or None when there is none or the keyring fails (then fetch without it)."""
    try:
        return provider() or None
    except Exception as exc:
        log.info("cannot read the access token (%s); fetching without it", type(exc).__name__)
        return None


def _scrub(result: UpdateResult, token: str | None) -> UpdateResult:
    """Make the reason one line and, belt and braces, remove the token should any text echo it."""
    reason = " ".join(result.reason.split())
    if token and len(token) >= 4:
        reason = reason.replace(token, "***")
    return result if reason == result.reason else replace(result, reason=reason)
