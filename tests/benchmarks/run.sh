#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): publishes the site in Release, starts it in Production on a fresh
# SQLite file on a loopback port, runs every measurement and prints one table of figures with targets and pass/fail.
# Takes a few minutes on 2 cores. Not part of `dotnet test`.
#
#   tests/benchmarks/run.sh [--port 5106] [--rounds 3] [--seconds 5] [--connections 16] [--booking-seconds 10]
#                           [--booking-workers 16] [--only views,pages,weight,lighthouse,booking,floor,slots,history]
#                           [--site-env "DOTNET_TieredCompilation=0 ..."]
#
# --site-env sets environment variables for the site process alone, to measure a runtime or site setting without
# changing the site (docs/performance.md, ninth pass).
#
# Exit code 0 when every measured figure meets its target. Work files (site.log, Lighthouse reports) stay in
# artifacts/benchmark/ for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work="$root/artifacts/benchmark"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Lighthouse 12.2.3, pinned with its lock file (newer versions need Node 22).
lighthouse="$root/tests/benchmarks/lighthouse"
if [ ! -d "$lighthouse/node_modules" ]; then
  (cd "$lighthouse" && npm ci --no-audit --no-fund --loglevel=error)
fi

rm -rf "$work"
mkdir -p "$work"
echo "Publishing the site (Release)..."
# As the Dockerfile publishes it: for this platform, so EF Core ships precompiled (docs/performance.md, seventeenth pass).
rid="linux-$(uname -m | sed 's/^x86_64$/x64/; s/^aarch64$/arm64/')"
dotnet publish src/DrChongClinic.Web/DrChongClinic.Web.csproj -c Release -o "$work/site" -r "$rid" --self-contained false --nologo -v quiet
dotnet publish tests/benchmarks/StackFloor/StackFloor.csproj -c Release -o "$work/floor" --nologo -v quiet
dotnet build tests/benchmarks/DrChongClinic.Benchmarks/DrChongClinic.Benchmarks.csproj -c Release --nologo -v quiet

dotnet tests/benchmarks/DrChongClinic.Benchmarks/bin/Release/net10.0/DrChongClinic.Benchmarks.dll \
  --site "$work/site" --work "$work" --content "$root/content" --lighthouse "$lighthouse" \
  --dockerfile "$root/src/DrChongClinic.Web/Dockerfile" "$@"
