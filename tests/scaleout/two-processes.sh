#!/usr/bin/env bash
# Two real site processes on one SQLite file, one Data Protection key folder and one mail pickup folder, started
# together on an empty database (docs/deployment.md, "Two app replicas"). Builds the site, runs the checks in
# two_processes.py, prints PASS/FAIL per check. Work files (both logs, the database, the emails) stay in
# artifacts/scaleout/. Not part of `dotnet test`; takes about a minute once built.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/artifacts/scaleout"
rm -rf "$work" && mkdir -p "$work"
dotnet build src/DrChongClinic.Web/DrChongClinic.Web.csproj -c Release --nologo -v quiet
python3 tests/scaleout/two_processes.py "$root/src/DrChongClinic.Web/bin/Release/net10.0/DrChongClinic.Web.dll" "$work" "$root/content"
