"""The team feed's access token, kept only in the operating system's keyring.

This is the only module that touches ``keyring``. The token is never written
to a settings file, a cache file or a log, and never appears in an error
message: messages name the keyring problem, not the value. When the machine
has no usable keyring (headless Linux without Secret Service, ...), reading
returns None so updates still run unauthenticated, and storing fails with a
clear one-line reason instead of silently saving the token somewhere weaker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import keyring
import keyring.errors

from cs_companion import APP_NAME

log = logging.getLogger(__name__)

SERVICE_NAME = APP_NAME
TOKEN_USERNAME = "team-feed-token"
MAX_TOKEN_CHARS = 4096


class SecretStoreError(Exception):
    """The keyring cannot be used, or the token is not acceptable; one-line message, no secret in it."""


@dataclass(frozen=True)
class TokenStatus:
    """Whether a token is stored; ``available`` is False when there is no usable keyring."""

    stored: bool
    available: bool = True
    message: str = ""

    def describe(self) -> str:
        if not self.available:
            return f"no access token available: {self.message}"
        return "an access token is stored in the system keyring" if self.stored else "no access token is stored"


def _keyring_problem(exc: Exception, secret: str = "") -> str:
    if isinstance(exc, keyring.errors.NoKeyringError):
        return "no system keyring is available on this computer"
    # Backend errors describe the backend, not the password; redact anyway, and keep it short and on one line.
    detail = " ".join(str(exc).split())
    if secret:
        detail = detail.replace(secret, "***")
    detail = detail[:200]
    return f"the system keyring failed ({type(exc).__name__}{': ' + detail if detail else ''})"


def get_token() -> str | None:
    """The stored token, or None when none is stored or no keyring works (updates then go unauthenticated)."""
    try:
        value = keyring.get_password(SERVICE_NAME, TOKEN_USERNAME)
    except keyring.errors.NoKeyringError:
        log.debug("no system keyring; fetching without an access token")
        return None
    except Exception as exc:  # any backend failure means "no token", never a crash in the update worker
        log.info("cannot read the access token: %s", _keyring_problem(exc))
        return None
    return value or None


def check_token(token: str) -> str:
    """The token as it will be stored (surrounding whitespace removed); SecretStoreError if unusable.

    It is sent in an HTTP header, so it must be one line of printable ASCII.
    """
    token = token.strip()
    if token.lower().startswith("bearer "):
        token = token[len("bearer ") :].strip()
    if not token:
        raise SecretStoreError("the access token is empty")
    if len(token) > MAX_TOKEN_CHARS:
        raise SecretStoreError(f"the access token is longer than {MAX_TOKEN_CHARS} characters")
    if any(not (32 < ord(ch) < 127) for ch in token):
        raise SecretStoreError("the access token must be one word of printable ASCII (no spaces or line breaks)")
    return token


def set_token(token: str) -> None:
    """Store the token in the keyring, replacing any previous one."""
    value = check_token(token)
    try:
        keyring.set_password(SERVICE_NAME, TOKEN_USERNAME, value)
    except Exception as exc:
        raise SecretStoreError(f"cannot store the access token: {_keyring_problem(exc, value)}") from None


def clear_token() -> bool:
    """Remove the stored token; True if one was removed, False if none was stored."""
    try:
        if keyring.get_password(SERVICE_NAME, TOKEN_USERNAME) is None:
            return False
        keyring.delete_password(SERVICE_NAME, TOKEN_USERNAME)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise SecretStoreError(f"cannot remove the access token: {_keyring_problem(exc)}") from None
    return True


def token_status() -> TokenStatus:
    """Whether a token is stored, without revealing it."""
    try:
        stored = keyring.get_password(SERVICE_NAME, TOKEN_USERNAME) is not None
    except Exception as exc:
        return TokenStatus(False, False, _keyring_problem(exc))
    return TokenStatus(stored)
