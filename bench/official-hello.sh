#!/usr/bin/env bash
# Builds the official library's one-route hello app (bench/OfficialHello), the yardstick of
# `bench/lambda-coldstart.sh --official`, from a checkout of aws/aws-lambda-dotnet (its Amazon.Lambda.* packages do
# not restore here, so its projects are referenced from source):
#   bench/official-hello.sh DIR [--output OUT]   -> OUT/OfficialHello.zip (default artifacts/official-hello)
# Published as AWS builds a provided.al2023 function: self-contained, ReadyToRun, linux-x64, the executable named
# `bootstrap`. Needs no network once the checkout is there and its few NuGet dependencies are in the local cache.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
output="$root/artifacts/official-hello"
checkout=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    -*) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    *) checkout="$(cd "$1" && pwd)"; shift ;;
  esac
done
hosting="$checkout/Libraries/src/Amazon.Lambda.AspNetCoreServer.Hosting/Amazon.Lambda.AspNetCoreServer.Hosting.csproj"
if [[ -z "$checkout" || ! -f "$hosting" ]]; then
  echo "usage: bench/official-hello.sh DIR, DIR a checkout of aws/aws-lambda-dotnet (no $hosting)" >&2
  exit 2
fi

commit="$(git -C "$checkout" rev-parse HEAD 2>/dev/null || echo "unknown (not a git checkout)")"
echo "Publishing the official hello app on aws-lambda-dotnet $commit ..."
publish="$output/publish/OfficialHello"
rm -rf "$publish"
mkdir -p "$output"
dotnet publish "$root/bench/OfficialHello/OfficialHello.csproj" -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:AwsLambdaDotnet="$checkout" -o "$publish" --nologo -v quiet
chmod 755 "$publish/bootstrap"

zip="$output/OfficialHello.zip"
rm -f "$zip"
if command -v zip >/dev/null; then (cd "$publish" && zip -q -r -X "$zip" .); else (cd "$publish" && python3 -m zipfile -c "$zip" .); fi
echo "$commit" > "$output/commit"
echo "  $zip: $(du -h "$zip" | cut -f1) zipped, $(du -sh "$publish" | cut -f1) unzipped"
