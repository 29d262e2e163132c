#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller: DIST/hallclient/hallclient (default dist/hallclient/).
#   build_spec/build.sh [DIST [WORK]]
# Uses $PYTHON, else the checkout's .venv, else python3 (hallclient and its dependencies installed there).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${1:-dist}"
WORK="${2:-build}"
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
"$PYTHON" -c "import PyInstaller" 2>/dev/null || "$PYTHON" -m pip install -q "pyinstaller>=6.10"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" build_spec/hallclient.spec
echo "built $DIST/hallclient/hallclient ($(du -sh "$DIST/hallclient" | cut -f1))"
