#!/usr/bin/env bash
# Build a one-folder bundle under dist/hallclient/ with PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q pyinstaller
pyinstaller --noconfirm --distpath dist --workpath build build_spec/hallclient.spec
