#!/usr/bin/env bash
# CI packaging check, run at the end of .ci/run (repo root, .venv already made by
# the README's test command): build the one-folder bundle with companion.spec,
# print its size, and run the frozen binary's --self-test offscreen.
# Fails CI if the build or the self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# PyInstaller needs a shared libpython; Debian's python3 has it only with libpython3.X.
if [ "$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_config_var("Py_ENABLE_SHARED") or 0)')" = 0 ] \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  PYVER="$(.venv/bin/python -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  apt-get install -y -qq --no-install-recommends "libpython$PYVER" binutils >/dev/null
fi

started=$SECONDS
VENV="$PWD/.venv" bash build/build.sh --skip-self-test
echo "== bundle size: $(du -sh build/dist/cs-companion | cut -f1) (build step total $((SECONDS - started))s)"

echo "== frozen self-test"
QT_QPA_PLATFORM=offscreen build/dist/cs-companion/cs-companion --self-test
