#!/usr/bin/env bash
# Prints a Cognito access token for a user of the emulated user pool (see scripts/emulator-up.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ -f "$root/.emulator/env" ]] || { echo "No emulator settings; run scripts/emulator-up.sh first." >&2; exit 1; }
set -a; . "$root/.emulator/env"; set +a
user="${1:?usage: scripts/emulator-token.sh <username>}"
aws --endpoint-url "$EMULATOR_URL" --region "$AWS_REGION" cognito-idp admin-initiate-auth \
  --user-pool-id "$BoxOffice__Aws__UserPoolId" --client-id "$BoxOffice__Identity__ClientId" \
  --auth-flow ADMIN_USER_PASSWORD_AUTH --auth-parameters "USERNAME=$user,PASSWORD=$EMULATOR_PASSWORD" \
  --query AuthenticationResult.AccessToken --output text
