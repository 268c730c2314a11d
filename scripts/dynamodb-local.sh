#!/usr/bin/env bash
# Installs DynamoDB Local, Amazon's own DynamoDB engine, and prints the folder that holds DynamoDBLocal.jar.
#   scripts/dynamodb-local.sh            -> install once into the cache folder (no-op when present), print it
# The jar ships inside the npm package amplify-dynamodb-simulator (pinned below); it needs Java 17 to run. The
# folder is $DYNAMODB_LOCAL_DIR, else $XDG_CACHE_HOME/boxoffice/dynamodb-local (~/.cache/... by default).
# The tests call this themselves when the jar is missing; .ci/run calls it up front.
set -euo pipefail

package="amplify-dynamodb-simulator@2.9.30"
dir="${DYNAMODB_LOCAL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/boxoffice/dynamodb-local}"

if [[ -f "$dir/DynamoDBLocal.jar" && -d "$dir/DynamoDBLocal_lib" ]]; then
  echo "$dir"
  exit 0
fi
for tool in npm tar java; do
  command -v "$tool" >/dev/null || { echo "dynamodb-local: '$tool' is needed to install and run DynamoDB Local" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/amplify-dynamodb-simulator-*.tgz -C "$work"
[[ -f "$work/package/emulator/DynamoDBLocal.jar" ]] || { echo "dynamodb-local: $package has no emulator/DynamoDBLocal.jar" >&2; exit 1; }

# Move into place in one step, so a concurrent or interrupted install never leaves half a folder behind.
mkdir -p "$(dirname "$dir")"
staged="$dir.$$.tmp"
rm -rf "$staged"
mv "$work/package/emulator" "$staged"
if ! mv -T "$staged" "$dir" 2>/dev/null; then
  rm -rf "$staged"   # another install got there first
fi
[[ -f "$dir/DynamoDBLocal.jar" ]] || { echo "dynamodb-local: install into $dir failed" >&2; exit 1; }
echo "$dir"
