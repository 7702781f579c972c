"""PyInstaller entry point for the frozen app (see companion.spec).

Kept outside the package so PyInstaller does not put ``cs_companion/`` itself on
its module search path (which would make ``cli``, ``core``, ``ui`` ... look like
top-level modules). From source, use ``python -m cs_companion`` instead.
"""

import sys

from cs_companion.cli import main

if __name__ == "__main__":
    sys.exit(main())
