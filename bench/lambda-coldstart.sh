#!/usr/bin/env bash
# Cold start, warm latency and memory of the packaged functions, run as Lambda runs them: each zip from
# scripts/package-lambda.sh is unpacked and its `bootstrap` started against a fake Runtime API on 127.0.0.1.
#   bench/lambda-coldstart.sh [--runs N] [--warm N]   (packages first when artifacts/lambda/*.zip are missing)
# Prints: Api ms from process start to the first response to GET /shows over N cold starts (default 5), warm
# round-trip percentiles over 1,000 invocations and RSS afterwards; Worker ms to the first SQS batch answered; the
# bridge's own cost per invocation (in-process). Every start also shows its CPU ms, which other load on the
# machine barely moves (wall times do).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=5
warm=1000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

packages="$root/artifacts/lambda"
if [[ ! -f "$packages/Api.zip" || ! -f "$packages/Worker.zip" ]]; then
  "$root/scripts/package-lambda.sh"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for project in Api Worker; do
  unzip -q "$packages/$project.zip" -d "$work/$project"
done

dotnet build "$root/bench/LambdaBench/LambdaBench.csproj" -c Release --nologo -v quiet
bench="$root/bench/LambdaBench/bin/Release/net10.0/LambdaBench"

echo "== Api ($packages/Api.zip)"
"$bench" api "$work/Api/bootstrap" "$runs" "$warm"
echo "== Worker ($packages/Worker.zip)"
"$bench" worker "$work/Worker/bootstrap" "$runs"
echo "== Bridge"
"$bench" bridge 20000
