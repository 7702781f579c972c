"""Entry point for ``python -m cs_companion``."""

import sys

from cs_companion.cli import main

if __name__ == "__main__":
    sys.exit(main())
