#!/usr/bin/env bash
# Installs Debian's Chromium for the portal's browser test (npm run test:browser), with Noto CJK
# fonts: half of the demo customers are Japanese, and without the fonts their names show as boxes
# in the test's screenshots. Idempotent: does nothing when both are already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-noto-cjk)

has_japanese_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ja family 2>/dev/null | head -n 1)" ]
}

if [ -x "$CHROMIUM" ] && has_japanese_font; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "error: installing ${PACKAGES[*]} needs root ($CHROMIUM or a Japanese font is missing)." >&2
  echo "Run this script as root, or: sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get is not available; install Chromium (at $CHROMIUM) and a Japanese font with your system's package manager." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${PACKAGES[@]}"
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
