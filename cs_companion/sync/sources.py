"""Reading a team source once, as it is right now, without touching the cache.

``cs-companion diff`` compares two sources that may each be a folder, a file
or an ``https://`` feed. It must read a feed exactly as ``update`` does (same
URL rules, same limits and deadline, the stored access token), but with no
validators and no install: a fresh copy, every time.
"""

from __future__ import annotations

from cs_companion.sync.feed import Fetcher, FetchError, UrllibFetcher, parse_source
from cs_companion.sync.folder import LibraryFile, read_library
from cs_companion.sync.teamcache import FEED_FILE_NAME
from cs_companion.sync.updates import TokenProvider, safe_token


def read_source(
    text: str, fetcher: Fetcher | None = None, token_provider: TokenProvider | None = None
) -> tuple[str, list[LibraryFile]]:
    """The source's name for messages and its files, in load order.

    Raises ``SourceError`` (bad setting), ``FetchError`` (download failed) or
    ``FolderError`` (path missing or unreadable), each with a one-line message.
    """
    source = parse_source(text)
    if not source.is_url:
        assert source.path is not None
        return source.display, read_library(source.path)
    token = safe_token(token_provider) if token_provider is not None else None
    response = (fetcher or UrllibFetcher()).fetch(source.url, token=token)
    if response.not_modified:  # we sent no validators, so a 304 is the server's mistake
        raise FetchError(f"{source.display} answered 'not modified' to a plain request", FetchError.HTTP, 304)
    return source.display, [LibraryFile(FEED_FILE_NAME, source.display, response.body)]
