#!/usr/bin/env bash
# Page weight of the web box office: what a first visit to the show list transfers, measured in Chromium.
#   bench/web-weight.sh
# Starts the Api (Release, local shape, a temporary data folder) on a free 127.0.0.1 port, adds a few shows,
# opens / in a fresh Chromium profile at phone width and prints the compressed and uncompressed bytes per kind
# of file. Exits 1 when the site's own files (HTML, CSS, JS, icon, config.json) exceed 150 KB compressed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
case "${1:-}" in -h|--help) sed -n '2,6p' "$0"; exit 0 ;; esac
chromium="${BOXOFFICE_CHROMIUM:-/usr/lib/chromium/chromium}"
[[ -x "$chromium" ]] || { echo "web-weight: Chromium is missing: apt-get install -y chromium" >&2; exit 2; }

work="$(mktemp -d)"
api_pid=""
cleanup() { [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build "$root/Api/Api.csproj" -c Release --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null
dotnet build "$root/bench/WebWeight/WebWeight.csproj" -c Release --nologo -v quiet -nodeReuse:false -p:UseSharedCompilation=false >/dev/null

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
site="http://127.0.0.1:$port"
(
  cd "$root/Api"
  export ASPNETCORE_URLS="$site" BoxOffice__Local__DataPath="$work/data" Serilog__MinimumLevel__Default=Warning
  exec dotnet "bin/Release/net10.0/BoxOffice.Api.dll"
) >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 60); do curl -fsS -o /dev/null "$site/health" 2>/dev/null && break; sleep 0.5; done

token="$(curl -fsS "$site/dev/token" -H 'content-type: application/json' -d '{"username":"bench","groups":["admin"]}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])')"
for title in Hamlet "La Traviata" "Swan Lake" "The Comedy of Errors" "Midnight Jazz Quartet" "A Winter's Tale"; do
  starts="$(date -u -d '+30 days' +%Y-%m-%dT19:30:00Z)"
  curl -fsS -o /dev/null "$site/shows" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"title\":\"$title\",\"venue\":\"Globe Theatre\",\"startsAt\":\"$starts\",\"capacity\":200,\"price\":25}"
done

"$root/bench/WebWeight/bin/Release/net10.0/WebWeight" "$site/" "$chromium"
