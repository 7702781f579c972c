"""What a script or library id may look like: shared by the validator and by files that store ids.

Kept apart from ``schema`` so that storing usage counts does not import the
YAML parser and the validator at window start-up.
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
