"""Render the application icon from resources/icons/app.svg into PNG sizes and a Windows ICO.

Usage: python build/make_icons.py [--out DIR] [--update-app-png]

Writes ``cs-companion-<size>.png`` for every size in SIZES and ``cs-companion.ico``
into DIR (default ``build/work/icons``, git-ignored). ``--update-app-png`` also
rewrites the committed ``resources/icons/app.png`` (256 px) that the running app
uses for its window and tray icon; run it after editing the SVG.

Rendering uses QtSvg offscreen (no display needed); Pillow packs the ICO from the
per-size renders so small sizes stay crisp instead of being scaled down from 256.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
APP_PNG = ROOT / "resources" / "icons" / "app.png"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)  # what Windows Explorer, taskbar and Start menu ask for


def render_pngs(svg: Path, out: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, Path]:
    """Render ``svg`` at each size (transparent background); returns size -> PNG path."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot parse {svg}")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = out / f"cs-companion-{size}.png"
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(path), "PNG"):
            raise SystemExit(f"make_icons: cannot write {path}")
        written[size] = path
    return written


def write_ico(pngs: dict[int, Path], ico: Path, sizes: tuple[int, ...] = ICO_SIZES) -> None:
    """Pack the per-size PNG renders into one ICO (Pillow stores each size as its own image)."""
    from PIL import Image

    images = [Image.open(pngs[s]).convert("RGBA") for s in sorted(sizes, reverse=True)]
    largest, *rest = images
    largest.save(ico, format="ICO", sizes=[im.size for im in images], append_images=rest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "work" / "icons")
    parser.add_argument("--update-app-png", action="store_true", help="also rewrite resources/icons/app.png")
    args = parser.parse_args(argv)
    pngs = render_pngs(SVG, args.out)
    ico = args.out / "cs-companion.ico"
    write_ico(pngs, ico)
    if args.update_app_png:
        APP_PNG.write_bytes(pngs[256].read_bytes())
        print(f"updated {APP_PNG.relative_to(ROOT)}")
    print(f"icons: {len(pngs)} PNG sizes and {ico.name} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
