#!/usr/bin/env bash
# Cold start, warm latency and memory of the packaged functions, run as Lambda runs them: each zip from
# scripts/package-lambda.sh is unpacked and its `bootstrap` started against a fake Runtime API on 127.0.0.1.
#   bench/lambda-coldstart.sh [--runs N] [--warm N]   (packages first when artifacts/lambda/*.zip are missing)
#   --packages DIR measures the Api.zip and Worker.zip in DIR instead of artifacts/lambda (with every form below).
#   bench/lambda-coldstart.sh --compare DIR [--runs N]  DIR holds another tree's Api.zip and Worker.zip (its
#     artifacts/lambda): cold starts of the two alternate, one each per round, so load on the machine falls on both
#     alike; prints each one's CPU ms per start and the medians.
#   bench/lambda-coldstart.sh --official DIR [--compare OTHER] [--runs N] [--warm N]  the goal figures of issue #13:
#     DIR is a checkout of aws/aws-lambda-dotnet; bench/official-hello.sh builds its one-route hello app from it, and
#     our Api's cold starts alternate with the hello app's (wall and CPU ms, medians and ratio), their warm invocations
#     interleave (p50 ratio, RSS after N), then the Worker's first batch (alternating with OTHER's Worker when given,
#     OTHER as for --compare) and the zip sizes.
# Prints: Api ms from process start to the first response to GET /shows over N cold starts (default 5), warm
# round-trip percentiles over 1,000 invocations and RSS afterwards; Worker ms to the first SQS batch answered; the
# bridge's own cost per invocation (in-process). Every start also shows its CPU ms, which other load on the
# machine barely moves (wall times do).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=5
warm=1000
compare=""
official=""
packages="$root/artifacts/lambda"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --warm) warm="$2"; shift 2 ;;
    --compare) compare="$(cd "$2" && pwd)"; shift 2 ;;
    --official) official="$(cd "$2" && pwd)"; shift 2 ;;
    --packages) packages="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -f "$packages/Api.zip" || ! -f "$packages/Worker.zip" ]]; then
  "$root/scripts/package-lambda.sh" --output "$packages"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for project in Api Worker; do
  unzip -q "$packages/$project.zip" -d "$work/$project"
done

dotnet build "$root/bench/LambdaBench/LambdaBench.csproj" -c Release --nologo -v quiet
bench="$root/bench/LambdaBench/bin/Release/net10.0/LambdaBench"

if [[ -n "$official" ]]; then
  hello="$root/artifacts/official-hello"
  # Rebuilt unless already built from the same commit (delete artifacts/official-hello to force it).
  if [[ ! -f "$hello/OfficialHello.zip" || "$(cat "$hello/commit" 2>/dev/null)" != "$(git -C "$official" rev-parse HEAD 2>/dev/null)" ]]; then
    "$root/bench/official-hello.sh" "$official"
  fi
  unzip -q "$hello/OfficialHello.zip" -d "$work/OfficialHello"
  baseline=()
  if [[ -n "$compare" ]]; then
    unzip -q "$compare/Worker.zip" -d "$work/baseline"
    baseline=(--baseline-worker "$work/baseline/bootstrap")
  fi
  echo "== Goals: $packages against the official hello app (aws-lambda-dotnet $(cat "$hello/commit"))${compare:+, Worker against $compare}"
  "$bench" official --api "$work/Api/bootstrap" --worker "$work/Worker/bootstrap" --hello "$work/OfficialHello/bootstrap" \
    "${baseline[@]}" --runs "$runs" --warm "$warm" --zip "$packages/Api.zip" --zip "$packages/Worker.zip" --zip "$hello/OfficialHello.zip"
  exit 0
fi

if [[ -n "$compare" ]]; then
  mkdir -p "$work/other"
  for project in Api Worker; do unzip -q "$compare/$project.zip" -d "$work/other/$project"; done
  cpu_ms() { grep -o '[0-9]* ms CPU' | head -n 1 | cut -d' ' -f1; } # the measured start's CPU ms (the seeding run prints none)
  median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
  for function in api worker; do
    project="${function^}"
    : > "$work/$function-this" && : > "$work/$function-other"
    for ((round = 1; round <= runs; round++)); do
      for side in other this; do
        folder="$work/$project"; [[ "$side" == other ]] && folder="$work/other/$project"
        if [[ "$function" == api ]]; then ms="$("$bench" api "$folder/bootstrap" 1 1 | cpu_ms)"; else ms="$("$bench" worker "$folder/bootstrap" 1 | cpu_ms)"; fi
        echo "$ms" >> "$work/$function-$side"
      done
    done
    echo "$function CPU ms to the first answer, $runs alternating cold starts each:"
    echo "  $compare: $(sort -n "$work/$function-other" | paste -sd' ') (median $(median < "$work/$function-other"))"
    echo "  $packages: $(sort -n "$work/$function-this" | paste -sd' ') (median $(median < "$work/$function-this"))"
  done
  exit 0
fi

echo "== Api ($packages/Api.zip)"
"$bench" api "$work/Api/bootstrap" "$runs" "$warm"
echo "== Worker ($packages/Worker.zip)"
"$bench" worker "$work/Worker/bootstrap" "$runs"
echo "== Bridge"
"$bench" bridge 20000
