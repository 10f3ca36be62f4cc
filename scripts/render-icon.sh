#!/usr/bin/env bash
# Renders media/icon.svg to media/icon.png (128×128, the Marketplace icon) with Debian's headless chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
printf '<html><body style="margin:0;background:transparent">%s</body></html>' "$(cat media/icon.svg)" > "$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=128,128 --screenshot="$PWD/media/icon.png" "file://$page" 2>/dev/null
file media/icon.png
