#!/usr/bin/env bash
# Stops the moto_server that scripts/emulator-up.sh started (its data is in memory and goes with it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pid_file="$root/.emulator/moto.pid"
if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  kill "$(cat "$pid_file")"
  echo "Stopped the emulator (pid $(cat "$pid_file"))."
else
  echo "The emulator is not running."
fi
rm -f "$pid_file" "$root/.emulator/env"
