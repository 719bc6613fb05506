#!/usr/bin/env bash
# What the browser, translation and calendar tests need beyond Python packages: Debian's
# Chromium (Playwright drives /usr/bin/chromium and never downloads a browser), fonts for
# Arabic and Chinese screenshots, GNU gettext (the catalogue check runs xgettext),
# Debian's libical with gcc (tests/calendar_parsers.py compiles a small reader against
# it), and axe-core and ical.js from the npm registry. Installs only what is missing;
# needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v xgettext >/dev/null || missing+=(gettext)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
[ -f /usr/include/libical/ical.h ] || missing+=(libical-dev)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test-deps: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test-deps: please install ${missing[*]} (Debian packages); the tests that need them skip without them" >&2
  fi
fi

if command -v npm >/dev/null; then
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/ical.js/package.json ]; then
    npm ci --no-audit --no-fund --silent
  fi
else
  echo "test-deps: npm not found; the accessibility and ical.js checks skip without it" >&2
fi
