#!/usr/bin/env bash
# DynamoDB capacity of the order path, measured on DynamoDB Local (Amazon's engine) with ReturnConsumedCapacity=INDEXES.
#   bench/dynamodb-capacity.sh [--orders N] [--shows N]      (N orders, default 200, at most 2,000; 20 shows, at most 100)
# Starts DynamoDB Local in memory on a free 127.0.0.1 port (installed by scripts/dynamodb-local.sh), creates the table
# from BoxOfficeTable.Definition and places the orders through the real DynamoDB stores, each then read and confirmed
# as the Worker does. Prints per order the WCU/RCU on the table, on the show item and on every index partition it
# touched; their mean per kind of partition; the orders/s ceilings on one show and across all shows under DynamoDB's
# per-partition limits (1,000 WCU/s, 3,000 RCU/s), naming the binding partition; and the cost of one listing page.
# DynamoDB Local is stopped at the end, whatever happens.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --orders|--shows) bench_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

dotnet build "$root/bench/CapacityBench/CapacityBench.csproj" -c Release --nologo -v quiet >/dev/null
bench="$root/bench/CapacityBench/bin/Release/net10.0/CapacityBench"

folder="$(bash "$root/scripts/dynamodb-local.sh")"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$(mktemp)"
(cd "$folder" && exec java -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -inMemory -disableTelemetry -port "$port") >"$log" 2>&1 &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT

for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "DynamoDB Local exited:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.5
done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "DynamoDB Local did not listen on port $port within 60 s" >&2; exit 1; }
echo "== DynamoDB Local $(sed -n 's/^Version:[[:space:]]*//p' "$log"), in memory"

"$bench" --url "http://127.0.0.1:$port" "${bench_args[@]}"
