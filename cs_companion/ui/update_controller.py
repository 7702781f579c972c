"""Runs team-library updates and library reloads off the UI thread.

Checks happen at start, every ``poll_minutes`` for URL sources, on demand
("检查更新"), and within about a second of a change in a folder source
(QFileSystemWatcher plus a debounce; half-written files are probed again
before they are validated). The update logic itself is ``sync.updates``;
this class only schedules it and hands results back to the UI thread.

One change is one job on the worker: probe the folder, validate and install
the update, build the new index from the layers just validated (nothing is
parsed twice), and list what to watch next. The UI thread never touches the
file system (a share may be offline and block for seconds), and every job
that fails reaches the agent as a banner via ``worker_failed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer, Library
from cs_companion.storage.paths import AppPaths
from cs_companion.storage.resources import builtin_library_dir
from cs_companion.storage.settings import Settings
from cs_companion.storage.stack import LoadedLibrary
from cs_companion.sync.feed import SourceError, parse_source
from cs_companion.sync.folder import FolderState, probe_folder, watch_targets
from cs_companion.sync.updates import FailureKind, UpdateResult, UpdateService, UpdateStatus

log = logging.getLogger(__name__)
DEBOUNCE_MS = 800
INCOMPLETE_RETRY_MS = 1500
INCOMPLETE_RETRIES = 4


class UpdateController(QObject):
    """Schedules team updates and library reloads on one worker thread.

    Signals:
        update_finished(object, bool): an UpdateResult, and whether the agent asked for it.
        library_ready(object): a freshly loaded LoadedLibrary to show.
        folder_unavailable(str): a folder source cannot be read (reason).
        worker_failed(str): a background job failed unexpectedly (the detail is in the log).
    """

    update_finished = Signal(object, bool)
    library_ready = Signal(object)
    folder_unavailable = Signal(str)
    worker_failed = Signal(str)
    _job_done = Signal(object)

    def __init__(
        self,
        paths: AppPaths,
        load_library: Callable[..., LoadedLibrary],
        service: UpdateService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._load_library = load_library
        self._service = service
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cs-updates")
        self._source = ""
        self._folder: Path | None = None
        self._retries = 0
        self._pending: list[Future[object]] = []
        self.debounce_ms, self.retry_ms, self.max_retries = DEBOUNCE_MS, INCOMPLETE_RETRY_MS, INCOMPLETE_RETRIES
        self.poll_timer = QTimer(self)
        self.poll_timer.timeout.connect(lambda: self.check_now(manual=False))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self._probe_folder)
        self.jobs_run = 0  # background jobs started (tests count round trips)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_fs_change)
        self._watcher.fileChanged.connect(self._on_fs_change)
        self._job_done.connect(self._run_callback)

    @Slot(object)
    def _run_callback(self, callback: Callable[[], None]) -> None:
        """Runs on the UI thread: the queued half of a background job."""
        callback()

    # ------------------------------------------------------------ configuration
    @property
    def source(self) -> str:
        return self._source

    def apply_settings(self, settings: Settings, check: bool = True) -> None:
        """Follow the configured source and interval; a new source is checked at once."""
        changed = settings.team_source.strip() != self._source
        self._source = settings.team_source.strip()
        self.poll_timer.setInterval(max(1, settings.poll_minutes) * 60_000)
        self._folder = None
        self._unwatch()
        if not self._source:
            self.poll_timer.stop()
            return
        try:
            parsed = parse_source(self._source)
        except SourceError as exc:
            self.poll_timer.stop()
            failed = UpdateResult(UpdateStatus.FAILED, self._source, str(exc), FailureKind.SOURCE)
            self.update_finished.emit(failed, True)
            return
        if parsed.path is not None:
            self._folder = parsed.path
        self.poll_timer.start()  # folders are polled too: watchers miss changes on some network shares
        if check and (changed or not self._pending):
            self.check_now(manual=False)
        elif self._folder is not None:
            folder = self._folder

            def list_targets() -> Callable[[], None]:
                targets = self._targets(folder)
                return lambda: self._watch(targets)

            self._submit(list_targets)

    def _unwatch(self) -> None:
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)

    def _watch(self, targets: list[Path]) -> None:
        """Watch the folder (new/renamed files) and each file in it (in-place saves).

        ``targets`` were listed on the worker (``watch_targets``); adding a path
        that vanished since only makes the watcher skip it.
        """
        current = set(self._watcher.files() + self._watcher.directories())
        new = [str(p) for p in targets if str(p) not in current]
        if new:
            self._watcher.addPaths(new)

    def _targets(self, folder: Path | None) -> list[Path]:
        """On the worker: what to watch for ``folder`` (nothing for URL sources)."""
        return watch_targets(folder) if folder is not None else []

    # ------------------------------------------------------------------- work
    def _submit(self, work: Callable[[], Callable[[], None]]) -> None:
        """Run ``work`` on the worker; the callback it returns runs on the UI thread."""

        def run() -> object:
            try:
                callback = work()
            except Exception as exc:  # a bug must not kill the worker silently, nor hide from the agent
                log.exception("background job failed")
                reason = f"{type(exc).__name__}: {exc}"
                self._job_done.emit(lambda: self.worker_failed.emit(reason))
                return None
            self._job_done.emit(callback)
            return None

        self.jobs_run += 1
        future = self._executor.submit(run)
        self._pending.append(future)
        future.add_done_callback(lambda f: self._pending.remove(f) if f in self._pending else None)

    def _ensure_service(self) -> UpdateService:
        if self._service is None:
            builtin = load_path(builtin_library_dir(), Layer.BUILTIN).library
            self._service = UpdateService(self.paths, builtin)
        return self._service

    def check_now(self, manual: bool = True) -> None:
        """Fetch/read the team source once; reload the library if it changed."""
        source = self._source
        if not source:
            if manual:
                reason = "no team library source is set"
                self.update_finished.emit(UpdateResult(UpdateStatus.FAILED, "", reason, FailureKind.NO_SOURCE), True)
            return

        folder = self._folder

        def work() -> Callable[[], None]:
            result, loaded = self._check_and_load(source)
            targets = self._targets(folder)
            return lambda: self._deliver(result, loaded, manual, targets)

        self._submit(work)

    def _check_and_load(self, source: str) -> tuple[UpdateResult, LoadedLibrary | None]:
        """On the worker: one check, and after an install the new library built from the validated layers."""
        service = self._ensure_service()
        result = service.check(source)
        if not result.updated:
            return result, None
        preloaded: dict[Layer, Library] = {}
        if service.builtin is not None:
            preloaded[Layer.BUILTIN] = service.builtin
        if result.library is not None:
            preloaded[Layer.TEAM] = result.library
        return result, self._load_library(preloaded=preloaded)

    def reload_library(self) -> None:
        """Reload all layers (after the agent changed their own scripts)."""

        def work() -> Callable[[], None]:
            loaded = self._load_library()
            return lambda: self.library_ready.emit(loaded)

        self._submit(work)

    def _deliver(self, result: UpdateResult, loaded: LoadedLibrary | None, manual: bool, targets: list[Path]) -> None:
        self._watch(targets)
        if result.maybe_incomplete and self._retries < self.max_retries:
            self._retries += 1  # probably a file still being copied into the share: look again shortly
            QTimer.singleShot(self.retry_ms, lambda: self.check_now(manual))
            return
        self._retries = 0
        if loaded is not None:
            self.library_ready.emit(loaded)
        self.update_finished.emit(result, manual)

    # ----------------------------------------------------------- folder events
    def _on_fs_change(self, _path: str) -> None:
        self._debounce.start(self.debounce_ms)

    def _probe_folder(self) -> None:
        folder, source = self._folder, self._source
        if folder is None:
            return

        def work() -> Callable[[], None]:
            service = self._ensure_service()
            # No YAML parse here: the check that follows parses each file once and
            # reports a half-written one as maybe_incomplete (retried shortly).
            probe = probe_folder(folder, service.known_fingerprint(source), parse=False)
            targets = self._targets(folder)  # files replaced by rename-save drop out of the watcher
            if probe.state is FolderState.CHANGED:
                result, loaded = self._check_and_load(source)  # same job: one round trip per change
                return lambda: self._deliver(result, loaded, False, targets)
            return lambda: self._after_probe(probe.state, probe.reason, targets)

        self._submit(work)

    def _after_probe(self, state: FolderState, reason: str, targets: list[Path]) -> None:
        self._watch(targets)
        if state is FolderState.INVALID:
            if self._retries < self.max_retries:
                self._retries += 1
                self._debounce.start(self.retry_ms)
            else:
                self._retries = 0
                self.check_now(manual=False)  # still broken: validate to report file:line:col
        elif state is FolderState.UNAVAILABLE:
            log.warning("team folder unavailable, keeping the cached team library: %s", reason)
            self.folder_unavailable.emit(reason)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until queued work is done (tests, shutdown)."""
        for future in list(self._pending):
            future.result(timeout=timeout)

    def shutdown(self) -> None:
        self.poll_timer.stop()
        self._debounce.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)
