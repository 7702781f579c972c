"""A smaller ``libicudata.so.NN`` for the Linux bundle: ICU's data cut down to what Qt Core can ask for.

PySide6's Linux wheels link Qt Core against ICU; its data library is 31 MB, a fifth of
the bundle. Qt 6 calls only four ICU services (``objdump -T libQt6Core.so.6 | grep _73``):
code-page converters (``ucnv_*``, QStringConverter), case mapping (``u_strToUpper``; its
tables live in libicuuc's code), collation (``ucol_*``, QCollator: file dialogs sort with
it) and time-zone display names (``ucal_*``, QTimeZone). Everything else in the data
(word-break dictionaries, transliteration, unit, currency and language names, number
spell-out, character names, StringPrep, IDNA, spoof checks) is reachable only through ICU
APIs Qt never calls. The app is Chinese with an
English fallback, so locale data stays for root, ``zh*`` and ``en*`` only: ICU falls back
to root for any other locale (a German collation would sort like root), as it does for
locales it has no data for.

Converters stay for Chinese (GB18030, GBK, GB2312, Big5, Big5-HKSCS, ISO-2022-CN), X11's
compound text, and every single-byte code page (all small); the big Japanese, Korean,
EBCDIC and CNS-only tables go. UTF-8/16/32, ASCII and Latin-1 are built into ICU's code.

The data is ICU's "common data" package (one table of contents, then the items); this
module rewrites it with the kept items and links it into a shared library that exports
the same ``icudtNN_dat`` symbol, with GNU binutils (``ld``, ``objcopy``, ``nm``; the Linux
build already needs binutils for ``strip``). companion.spec calls :func:`trimmed_icudata`
and swaps the result in for the wheel's library. Linux only: Windows and macOS wheels
ship no ICU.
"""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path

ALIGN = 16  # ICU aligns every item of a common-data package to 16 bytes
# Resource trees Qt can reach (collation, zone names with their region names); the
# top-level tree holds calendar and locale basics. Other trees are dropped whole.
LOCALE_TREES = ("", "coll", "zone", "region")
DROPPED_TREES = ("brkitr", "translit", "rbnf", "unit", "curr", "lang")
KEPT_LOCALES = re.compile(r"^(root|pool|res_index|zh(_\w+)?|en(_\w+)?)\.res$")
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_\w*)?\.res$")  # de_.res exists (a collation alias)
# Converters kept although large: Chinese code pages and X11 compound text.
KEPT_CONVERTERS = re.compile(
    r"^(gb18030|windows-936-2000|windows-950-2000|ibm-1386_|ibm-1383_|ibm-5478_|iso-ir-165|ibm-950_|"
    r"ibm-1373_|ibm-1375_|ibm-5471_|cns-11643-1992|icu-internal-compound-)"
)
SMALL_CONVERTER = 16 * 1024  # single-byte code pages are 2-4 KB each; keep them all
# Top-level data only ICU services Qt never calls read: character names (u_charName), StringPrep
# profiles (usprep), spoof checks (uspoof), IDNA (uidna; QUrl has its own), layout properties.
UNREACHABLE = re.compile(r"^(unames\.icu|.*\.spp|confusables\.cfu|uts46\.nrm|ulayout\.icu)$")


def keep_item(name: str, size: int) -> bool:
    """Whether an item (``icudt73l/coll/zh.res``) is kept; ``size`` in bytes."""
    parts = name.split("/")[1:]  # drop the "icudt73l" package prefix
    tree, leaf = ("/".join(parts[:-1]), parts[-1])
    if tree in DROPPED_TREES:
        return False
    if tree == "" and UNREACHABLE.match(leaf):
        return False
    if tree == "" and leaf.endswith(".cnv"):
        return size <= SMALL_CONVERTER or bool(KEPT_CONVERTERS.match(leaf))
    if tree in LOCALE_TREES and (LOCALE_FILE.match(leaf) or leaf == "res_index.res"):
        return bool(KEPT_LOCALES.match(leaf))
    return True  # non-locale data: normalization, properties, time zones, UCA tables, aliases


def select_items(items: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The kept items, minus converters that extend a dropped one.

    Some small converters (``windows-949-2000``) only list differences from a big base table
    (``ibm-1363_P11B-1998``) that they name inside their data; without the base they cannot
    open, so they go too (what ``icupkg -l`` calls "depends on missing item").
    """
    kept = [(name, blob) for name, blob in items if keep_item(name, len(blob))]
    dropped = {name.rsplit("/", 1)[-1].removesuffix(".cnv") for name, _ in items if name.endswith(".cnv")}
    dropped -= {name.rsplit("/", 1)[-1].removesuffix(".cnv") for name, _ in kept}
    needles = [base.encode("ascii") + b"\0" for base in dropped]
    return [(name, blob) for name, blob in kept if not (name.endswith(".cnv") and any(n in blob for n in needles))]


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(item name, item bytes)]) of an ICU common-data package (little-endian)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27":
        raise ValueError("not an ICU data package (magic bytes missing)")
    count = struct.unpack_from("<I", data, header_size)[0]
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name_start = header_size + name_offset
        name = data[name_start : data.index(b"\0", name_start)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(data) - header_size
        items.append((name, data[header_size + data_offset : header_size + end]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package bytes for ``items`` (kept in their sorted order: ICU looks names up by binary search)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = _aligned(toc_size + len(names))
    offsets, body, position = [], bytearray(), data_start
    for _name, blob in items:
        offsets.append(position)
        padded = blob + b"\0" * (_aligned(len(blob)) - len(blob))
        body += padded
        position += len(padded)
    toc = bytearray(struct.pack("<I", len(items)))
    name_offset = toc_size
    for (name, _), offset in zip(items, offsets, strict=True):
        toc += struct.pack("<II", name_offset, offset)
        name_offset += len(name) + 1
    toc += names
    toc += b"\0" * (data_start - len(toc))
    return header + bytes(toc) + bytes(body)


def _aligned(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def _symbol(library: Path) -> tuple[str, int, int]:
    """(name, address, size) of the ``icudtNN_dat`` symbol the library exports."""
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            return fields[3], int(fields[0], 16), int(fields[1], 16)
    raise ValueError(f"{library}: no icudtNN_dat symbol")


def _file_offset(library: Path, address: int) -> int:
    """File offset of a virtual address, from the library's loadable segments."""
    out = subprocess.run(["readelf", "-lW", str(library)], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, vaddr, filesz = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if vaddr <= address < vaddr + filesz:
                return offset + address - vaddr
    raise ValueError(f"{library}: address {address:#x} is in no loadable segment")


def library_data(library: Path) -> tuple[str, bytes]:
    """(symbol name, ICU data package) inside a ``libicudata.so.NN``."""
    symbol, address, size = _symbol(library)
    start = _file_offset(library, address)
    return symbol, library.read_bytes()[start : start + size]


def trimmed_icudata(library: Path, work: Path) -> tuple[Path, int, int]:
    """Build the trimmed library in ``work``; returns (path, bytes before, bytes after) of the data."""
    symbol, original = library_data(library)
    header, items = read_package(original)
    kept = select_items(items)
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudt.dat").write_bytes(write_package(header, kept))
    _run(work, "ld", "-r", "-b", "binary", "-o", "icudt.o", "icudt.dat")
    _run(
        work,
        "objcopy",
        "--rename-section",
        ".data=.rodata,alloc,load,readonly,data,contents",
        "--set-section-alignment",
        f".rodata={ALIGN}",
        "--redefine-sym",
        f"_binary_icudt_dat_start={symbol}",
        "--strip-symbol",
        "_binary_icudt_dat_end",
        "--strip-symbol",
        "_binary_icudt_dat_size",
        "icudt.o",
    )
    out = work / library.name
    _run(work, "ld", "-shared", "-soname", library.name, "-o", str(out), "icudt.o")
    return out, len(original), len(write_package(header, kept))


def _run(cwd: Path, *command: str) -> None:
    subprocess.run(command, cwd=cwd, check=True)


def swap_icudata(binaries: list[tuple[str, str, str]], work: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries list with each ``libicudata.so.NN`` replaced by its trimmed build.

    Entries are (name in the bundle, source path, type). A list without ICU is returned
    unchanged, so a Qt build without ICU does not break the build.
    """
    swapped = []
    for dest, src, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            trimmed, before, after = trimmed_icudata(Path(src), work)
            print(f"icu_trim: {dest}: ICU data {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
            src = str(trimmed)
        swapped.append((dest, src, kind))
    return swapped
