"""How much text a library may hold, field by field (the README's limits table)."""

from __future__ import annotations

# Length limits: generous for real scripts (the built-in library's longest title
# is 24 characters, body 172), small enough that a hostile library cannot make
# indexing or a keystroke slow (titles and keywords get pinyin: ~5 µs a character).
MAX_TEXT_CHARS = 200
"""Default for any text value without its own limit (names, labels, hints, library info)."""
MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 4000
MAX_NOTES_CHARS = 2000
MAX_PHRASE_CHARS = 100
"""A keyword, scenario alias, option or forbidden phrase: something an agent types or picks."""
MAX_EXAMPLE_CHARS = 300
"""A customer message the search matches pasted messages against."""
MAX_DEFAULT_CHARS = 500
MAX_META_CHARS = 500
MAX_LIST_ITEMS = 50
"""Keywords, examples, aliases or options per script/scenario/field."""
MAX_FIELDS = 20
MAX_META_KEYS = 20
MAX_FORBIDDEN_PHRASES = 10_000
MAX_SHOWN_CHARS = 40
"""Library text quoted in a message is cut to this, so one problem stays one readable line."""
