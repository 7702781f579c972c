"""``extract``: the order number, tracking number, courier and amount in a customer's message.

Lets agents and team leads check what the window will fill in from a pasted
message, and lets other tools reuse the recognition (``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys

from cs_companion.cli.errors import CliError

KEYS = ("order_no", "tracking_no", "courier", "amount")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``extract`` to the main parser."""
    p = sub.add_parser("extract", help="pick the order number, tracking number, courier and amount out of a message")
    p.add_argument("text", help="the customer's message ('-' reads it from standard input)")
    p.add_argument("--json", action="store_true", help="print a JSON object (null for what was not found)")
    p.set_defaults(handler=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    from cs_companion.core.extract import extract_values

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise CliError("extract needs the message text", 2)
    found = extract_values(text)
    if args.json:
        print(json.dumps({key: found.get(key) for key in KEYS}, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("nothing found", file=sys.stderr)
        return 0
    for key in KEYS:
        if key in found:
            print(f"{key}: {found[key]}")
    return 0
