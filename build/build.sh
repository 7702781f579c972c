#!/usr/bin/env bash
# Build cs-companion for Linux: the one-folder bundle and a release tarball.
#
#   bash build/build.sh [--skip-self-test] [--no-tarball]
#
# Steps: venv (VENV, default ./.venv) -> pip install -e ".[build]" -> icons
# (build/make_icons.py) -> PyInstaller (companion.spec) -> frozen --self-test
# -> build/dist/cs-companion-<version>-linux-<arch>.tar.gz holding the bundle,
# cs-companion.desktop, hicolor icons and INSTALL.txt.
# PyInstaller's work files go to build/work/ and its output to build/dist/
# (both git-ignored). Needs python3 built with a shared libpython and binutils
# (strip; ld, objcopy, nm, readelf for build/icu_trim.py). See build/DEPLOY.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

SELF_TEST=1
TARBALL=1
for arg in "$@"; do
  case "$arg" in
    --skip-self-test) SELF_TEST=0 ;;
    --no-tarball) TARBALL=0 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
WORK="$ROOT/build/work"
DIST="$ROOT/build/dist"

step() { printf '\n== %s\n' "$*"; }

for tool in strip ld objcopy nm readelf; do
  command -v "$tool" >/dev/null || { echo "build.sh: '$tool' not found; install binutils" >&2; exit 1; }
done

step "virtualenv $VENV"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -e ".[build]"

NAME="$("$VENV/bin/python" -c 'import cs_companion; print(cs_companion.APP_NAME)')"
VERSION="$("$VENV/bin/python" -c 'import cs_companion; print(cs_companion.__version__)')"
ARCH="$(uname -m)"
echo "$NAME $VERSION ($ARCH)"

step "icons"
"$VENV/bin/python" build/make_icons.py --out "$WORK/icons"

step "pyinstaller"
started=$SECONDS
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --workpath "$WORK" --distpath "$DIST" companion.spec
BUNDLE="$DIST/$NAME"
echo "bundle: $BUNDLE, $(du -sh "$BUNDLE" | cut -f1), built in $((SECONDS - started))s"

if [ "$SELF_TEST" = 1 ]; then
  step "self-test of the frozen binary"
  QT_QPA_PLATFORM=offscreen "$BUNDLE/$NAME" --self-test
fi

[ "$TARBALL" = 1 ] || exit 0

step "tarball"
PKG="$NAME-$VERSION-linux-$ARCH"
STAGE="$WORK/package/$PKG"
rm -rf "$WORK/package"
mkdir -p "$STAGE"
cp -a "$BUNDLE" "$STAGE/$NAME"
cp build/cs-companion.desktop "$STAGE/$NAME.desktop"
for size in 16 24 32 48 64 128 256; do  # the sizes hicolor's index.theme lists
  install -D -m 644 "$WORK/icons/$NAME-$size.png" "$STAGE/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
install -D -m 644 resources/icons/app.svg "$STAGE/icons/hicolor/scalable/apps/$NAME.svg"
cat > "$STAGE/INSTALL.txt" <<EOF
$NAME $VERSION for Linux ($ARCH) - 客服快捷回复助手

Install for all users (as root, from this folder):

    rm -rf /opt/$NAME && cp -a $NAME /opt/$NAME
    ln -sf /opt/$NAME/$NAME /usr/local/bin/$NAME
    install -m 644 $NAME.desktop /usr/share/applications/$NAME.desktop
    cp -r icons/hicolor /usr/share/icons/ && gtk-update-icon-cache -q /usr/share/icons/hicolor 2>/dev/null || true

Start it with every login (optional, all users):

    install -m 644 $NAME.desktop /etc/xdg/autostart/$NAME.desktop

Check the installation (prints one line per step, exit code 0 = all good):

    $NAME --self-test                                # on a desktop
    QT_QPA_PLATFORM=offscreen $NAME --self-test      # over ssh, no display

Preset or lock the team script source for every agent: /etc/xdg/$NAME/config.json,
for example {"team_source": "https://intranet.example/scripts/", "lock_team_source": true}.

Update: install the new version the same way (the /opt folder is replaced;
user data stays in ~/.config/$NAME, ~/.local/share/$NAME and ~/.cache/$NAME).

Uninstall (user data is kept; delete the folders above to remove it):

    rm -rf /opt/$NAME /usr/local/bin/$NAME /usr/share/applications/$NAME.desktop /etc/xdg/autostart/$NAME.desktop
    find /usr/share/icons/hicolor -name '$NAME.*' -delete

Requires an X11 or Wayland desktop with the usual libraries (libxcb-cursor0,
libxkbcommon-x11-0, libegl1, fontconfig) and a Chinese font (fonts-noto-cjk).
More: DEPLOY.md in the source tree (build/DEPLOY.md).
EOF
TARBALL_PATH="$DIST/$PKG.tar.gz"
tar -C "$WORK/package" -czf "$TARBALL_PATH" "$PKG"
echo "tarball: $TARBALL_PATH, $(du -sh "$TARBALL_PATH" | cut -f1)"
