#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the main pages (and the staff pages: two-factor, dashboard, bookings, calendar, schedule, doctors, insights; and the treatment course pages, patient and staff) at phone (390 px) and desktop (1280 px) widths, taken by the
# browser tests' ScreenshotTests against a fresh site with the seed data. Needs Chromium and the npm checkers
# (bash .ci/run installs both). Usage: bash tests/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f docs/screenshots/*.png
DRCHONG_SCREENSHOTS_DIR=docs/screenshots dotnet test tests/DrChongClinic.EndToEndTests --filter "FullyQualifiedName~ScreenshotTests|FullyQualifiedName~Two_factor_page|FullyQualifiedName~AdminScreenshotTests|FullyQualifiedName~AdminPagesTests|FullyQualifiedName~CourseBrowserTests"
# Lossless recompression (about a quarter smaller) when optipng is installed: apt-get install optipng.
if command -v optipng >/dev/null; then
  optipng -quiet -o2 -strip all docs/screenshots/*.png
fi
ls -la docs/screenshots
