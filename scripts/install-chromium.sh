#!/usr/bin/env bash
# Debian's chromium, for the schema reference's browser test (packages/db/test/docs-browser.test.ts,
# driven by playwright-core). Idempotent: exits at once when /usr/bin/chromium is there.
#
# Usage (as root): scripts/install-chromium.sh
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
echo "chromium: installing Debian's package"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "chromium: $(/usr/bin/chromium --version)"
