"""Refresh the English translation after UI strings moved or changed.

    python tools/update_translations.py

Runs ``pyside6-lupdate`` over ``cs_companion/ui`` (and tray/dialog modules),
then fills any new or moved message whose Chinese source was already
translated in another context, and compiles the ``.qm`` with ``pyside6-lrelease``.
Prints the messages that still need a translator, and exits 1 if there are any.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "cs_companion_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def known_translations(root: ET.Element) -> dict[str, str]:
    """Chinese source -> English, from every finished message, obsolete ones (moved strings) included."""
    known = {}
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source and translation is not None and translation.text and translation.get("type") != "unfinished":
            known.setdefault(source, translation.text)
    return known


def drop_obsolete(root: ET.Element) -> None:
    for context in root.findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                context.remove(message)
        if context.find("message") is None:
            root.remove(context)


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "cs_companion" / "ui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    known = known_translations(tree.getroot())
    drop_obsolete(tree.getroot())
    missing = []
    for message in tree.getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is None or (translation.text and translation.get("type") != "unfinished"):
            continue
        if source in known:
            translation.text = known[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
