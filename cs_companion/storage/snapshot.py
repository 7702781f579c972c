"""A compiled snapshot of the merged library and its search index, for fast start-up.

Parsing and validating 10,000 scripts of YAML takes seconds in Python (libyaml
alone needs ~2 s for 10 MB), and building the search index (pinyin!) about
as long again. Like ``.pyc`` files, the result is stored once, keyed by a
hash of every source file's bytes, and reused until any file changes (hashing
10 MB costs ~6 ms; file stats alone would miss a same-size edit whose mtime
was restored, e.g. by a copy tool or a checkout).

The snapshot uses ``marshal`` (plain lists, tuples, dicts and strings, many
times faster to read than JSON). It lives in the user's own cache folder and
is written only by us; it is still treated as untrusted: a header, a payload
digest and a shape check guard it, and any failure just means a rebuild.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Callable, Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from cs_companion import __version__
from cs_companion.core.gcpause import gc_paused
from cs_companion.core.models import (
    Category,
    Field,
    FieldType,
    FollowUp,
    Layer,
    Library,
    LibraryInfo,
    Platform,
    Scenario,
    Script,
)
from cs_companion.core.problems import Problem, Severity
from cs_companion.core.search import SearchIndex
from cs_companion.storage.atomic import write_bytes_atomic

MAGIC = b"CSCSNAP1"
FORMAT = 6
"""2: keyed on file content instead of size and mtime; 3: the library carries its compliance allow-list;
4: platforms (with their values) and each script's platform filter and variants;
5: scripts carry their default follow-up (``follow_up:``);
6: the index keeps scenario names instead of every script's phrase list (worked out on demand)."""

T = TypeVar("T")


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (read in blocks: a library file may be up to 5 MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def sources_key(layers: Iterable[tuple[str, Iterable[tuple[str, int, str]]]]) -> str:
    """Digest of every layer's files (path, size, content digest), the app version and format.

    Keyed on content, not on size and mtime: an edit that keeps the size and
    restores the mtime must not bring back stale text.
    """
    digest = hashlib.sha256(f"{FORMAT}|{__version__}".encode())
    for layer, files in layers:
        digest.update(f"\x01{layer}".encode())
        for name, size, content in files:
            digest.update(f"\x02{name}\x03{size}\x04{content}".encode())
    return digest.hexdigest()


def _script_state(s: Script) -> tuple[Any, ...]:
    fields = tuple((f.name, f.label, f.type.value, f.required, f.default, f.options, f.hint) for f in s.fields)
    return (
        s.id,
        s.scenario,
        s.title,
        s.body,
        s.keywords,
        s.examples,
        fields,
        s.notes,
        dict(s.meta),
        s.layer.value,
        s.origin,
        s.line,
        s.platforms,
        dict(s.variants),
        (s.follow_up.after, s.follow_up.note) if s.follow_up is not None else None,
    )


_FIELD_TYPES = {t.value: t for t in FieldType}
_LAYERS = {layer.value: layer for layer in Layer}


def _field_from_state(spec: tuple[Any, ...], cache: dict[tuple[Any, ...], Field]) -> Field:
    """Identical field specs (order_no, eta ...) repeat thousands of times: build each once."""
    found = cache.get(spec)
    if found is None:
        name, label, ftype, required, default, options, hint = spec
        found = cache[spec] = Field(name, label, _FIELD_TYPES[ftype], required, default, tuple(options), hint)
    return found


def _script_from_state(t: tuple[Any, ...], field_cache: dict[tuple[Any, ...], Field]) -> Script:
    fields = tuple(_field_from_state(spec, field_cache) for spec in t[6])
    return Script(
        id=t[0],
        scenario=t[1],
        title=t[2],
        body=t[3],
        keywords=tuple(t[4]),
        examples=tuple(t[5]),
        fields=fields,
        notes=t[7],
        meta=MappingProxyType(dict(t[8])),
        layer=_LAYERS[t[9]],
        origin=t[10],
        line=t[11],
        platforms=tuple(t[12]),
        variants=MappingProxyType(dict(t[13])),
        follow_up=FollowUp(*t[14]) if t[14] is not None else None,
    )


def library_state(lib: Library) -> tuple[Any, ...]:
    info = lib.info
    return (
        (info.name, info.version, info.updated, info.author),
        tuple((c.id, c.name) for c in lib.categories),
        tuple((s.id, s.name, s.aliases) for s in lib.scenarios),
        tuple(_script_state(s) for s in lib.scripts),
        lib.forbidden_phrases,
        lib.compliance_allow,
        tuple((p.id, p.name, dict(p.values)) for p in lib.platforms),
    )


def library_from_state(state: tuple[Any, ...]) -> Library:
    info, cats, scenarios, scripts, forbidden, allow, platforms = state
    field_cache: dict[tuple[Any, ...], Field] = {}
    return Library(
        info=LibraryInfo(*info),
        categories=tuple(Category(*c) for c in cats),
        scenarios=tuple(Scenario(i, n, tuple(a)) for i, n, a in scenarios),
        scripts=tuple(_script_from_state(s, field_cache) for s in scripts),
        forbidden_phrases=tuple(forbidden),
        compliance_allow=tuple(allow),
        platforms=tuple(Platform(i, n, MappingProxyType(dict(v))) for i, n, v in platforms),
    )


def save_snapshot(
    path: Path, key: str, library: Library, index: SearchIndex, problems: list[Problem], extra: dict[str, Any]
) -> None:
    """Write the snapshot atomically; failures are ignored (it is only a cache).

    ``extra`` holds small plain data the caller wants back (e.g. layer infos).
    """
    state: Any = (  # plain tuples, lists, dicts and strings only: what marshal accepts
        FORMAT,
        key,
        library_state(library),
        index.state(),
        tuple((p.file, p.line, p.col, p.message, p.severity.value) for p in problems),
        extra,
    )
    payload = marshal.dumps(state)
    with contextlib.suppress(OSError):
        write_bytes_atomic(path, MAGIC + hashlib.sha256(payload).digest() + payload)


def load_snapshot(
    path: Path, key: str, decode_extra: Callable[[Any], T] = lambda extra: extra
) -> tuple[Library, SearchIndex, list[Problem], T] | None:
    """The snapshot at ``path`` if it exists, is intact and was built from ``key``; else None.

    ``decode_extra`` turns the stored ``extra`` back into the caller's objects;
    it runs inside the guard, so extra data of the wrong shape also just means
    a rebuild.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 32:
        return None
    digest, payload = raw[len(MAGIC) : len(MAGIC) + 32], raw[len(MAGIC) + 32 :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        with gc_paused():  # ~300,000 objects that all stay alive: collector passes would only cost time
            fmt, stored_key, lib_state, index_state, problems, extra = marshal.loads(payload)
            if fmt != FORMAT or stored_key != key:
                return None
            library = library_from_state(lib_state)
            index = SearchIndex.from_state(library, index_state)
        found = [Problem(f, ln, c, m, Severity(s)) for f, ln, c, m, s in problems]
        if not isinstance(extra, dict):
            return None
        decoded = decode_extra(extra)
    except Exception:  # it is only a cache: whatever is wrong with it (a crafted or stale file), rebuild
        return None
    return library, index, found, decoded
