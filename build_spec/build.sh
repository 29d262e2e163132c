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

# Debug symbols of the Python runtime, uvloop, cryptography … are a third of the bundle. Strip only shared
# libraries that still have a symbol table, outside PySide6 (Qt's and FFmpeg's ship stripped, and stripping
# FFmpeg's again breaks their ELF layout); with no binutils here, the bundle just stays bigger.
if command -v strip >/dev/null 2>&1 && command -v readelf >/dev/null 2>&1; then
  find "$DIST/hallclient/_internal" -type f \( -name "*.so" -o -name "*.so.*" \) -not -path "*/PySide6/*" -print0 |
    while IFS= read -r -d "" lib; do
      if readelf -S "$lib" 2>/dev/null | grep -q "\.symtab"; then strip --strip-unneeded "$lib"; fi
    done
fi
echo "built $DIST/hallclient/hallclient ($(du -sh "$DIST/hallclient" | cut -f1))"
