"""Size limits for imported files, checked before anything is decoded or unpacked.

Generous for real phrase lists (千牛 keeps at most a few thousand phrases per
account), small enough that a hostile file cannot exhaust memory or time.
"""

from __future__ import annotations

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Any imported file, as stored on disk."""
MAX_ROWS = 50_000
"""Rows of a sheet or CSV file, phrases of a text or Espanso file."""
MAX_COLUMNS = 50
"""Columns read from a sheet; columns beyond it are never looked at."""
MAX_CELL_CHARS = 4000
"""The longest phrase (the library's body limit); a longer cell is reported and not imported."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""All entries of an XLSX file together, unpacked, as its zip directory declares them."""
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_RATIO = 200
"""Unpacked size / packed size of one entry; sheet XML packs about 10:1, zip bombs 1000:1 and more."""
MAX_FILES = 100
"""Files in one import run."""
