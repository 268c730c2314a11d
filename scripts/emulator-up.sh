#!/usr/bin/env bash
# Starts moto_server on 127.0.0.1 and creates what the AWS shape needs: the DynamoDB table (with TTL), the S3 bucket
# (its uploads notify the job queue), the SQS queue and its dead-letter queue (redrive policy), and a Cognito user pool
# with an app client, the admin group and two users. Writes the settings to .emulator/env and prints how to run.
# Stop it with scripts/emulator-down.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$root/.emulator"
port="${MOTO_PORT:-5100}"
region="${AWS_REGION:-us-east-1}"
password="${EMULATOR_PASSWORD:-Passw0rd!Passw0rd}"
url="http://127.0.0.1:$port"

mkdir -p "$state"
if [[ -f "$state/moto.pid" ]] && kill -0 "$(cat "$state/moto.pid")" 2>/dev/null; then
  echo "The emulator is already running (pid $(cat "$state/moto.pid")); run scripts/emulator-down.sh first." >&2
  exit 1
fi

# moto through the launcher that takes DynamoDB requests one at a time (moto's DynamoDB is not thread-safe).
nohup python3 "$root/scripts/moto-server.py" -H 127.0.0.1 -p "$port" >"$state/moto.log" 2>&1 &
echo $! >"$state/moto.pid"
for _ in $(seq 1 100); do
  curl -fs "$url/moto-api/data.json" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fs "$url/moto-api/data.json" >/dev/null || { echo "moto did not start; see $state/moto.log" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=emulator AWS_SECRET_ACCESS_KEY=emulator AWS_DEFAULT_REGION="$region"
aws_() { aws --endpoint-url "$url" --region "$region" "$@"; }

table=boxoffice
bucket=boxoffice-files
queue=boxoffice-jobs
account=123456789012

aws_ dynamodb create-table --table-name "$table" --cli-input-json "file://$root/scripts/dynamodb-table.json" >/dev/null
aws_ dynamodb update-time-to-live --table-name "$table" \
  --time-to-live-specification "Enabled=true,AttributeName=ExpiresAtEpoch" >/dev/null

dlq_url=$(aws_ sqs create-queue --queue-name "$queue-dlq" --query QueueUrl --output text)
queue_url=$(aws_ sqs create-queue --queue-name "$queue" --query QueueUrl --output text \
  --attributes "{\"VisibilityTimeout\":\"30\",\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:$region:$account:$queue-dlq\\\",\\\"maxReceiveCount\\\":\\\"5\\\"}\"}")

aws_ s3api create-bucket --bucket "$bucket" >/dev/null
aws_ s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration \
  "{\"QueueConfigurations\":[{\"QueueArn\":\"arn:aws:sqs:$region:$account:$queue\",\"Events\":[\"s3:ObjectCreated:*\"]}]}"

pool_id=$(aws_ cognito-idp create-user-pool --pool-name boxoffice --query UserPool.Id --output text)
client_id=$(aws_ cognito-idp create-user-pool-client --user-pool-id "$pool_id" --client-name boxoffice-api \
  --explicit-auth-flows ALLOW_ADMIN_USER_PASSWORD_AUTH ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
  --query UserPoolClient.ClientId --output text)
aws_ cognito-idp create-group --user-pool-id "$pool_id" --group-name admin >/dev/null
for user in ada alice; do
  aws_ cognito-idp admin-create-user --user-pool-id "$pool_id" --username "$user" --message-action SUPPRESS \
    --user-attributes "Name=email,Value=$user@example.test" >/dev/null
  aws_ cognito-idp admin-set-user-password --user-pool-id "$pool_id" --username "$user" --password "$password" --permanent
done
aws_ cognito-idp admin-add-user-to-group --user-pool-id "$pool_id" --username ada --group-name admin

cat >"$state/env" <<ENV
BoxOffice__Shape=Aws
AWS_ACCESS_KEY_ID=emulator
AWS_SECRET_ACCESS_KEY=emulator
AWS_REGION=$region
BoxOffice__Aws__Region=$region
BoxOffice__Aws__TableName=$table
BoxOffice__Aws__BucketName=$bucket
BoxOffice__Aws__QueueUrl=$queue_url
BoxOffice__Aws__DeadLetterQueueUrl=$dlq_url
BoxOffice__Aws__UserPoolId=$pool_id
BoxOffice__Aws__ServiceUrls__DynamoDb=$url
BoxOffice__Aws__ServiceUrls__S3=$url
BoxOffice__Aws__ServiceUrls__Sqs=$url
BoxOffice__Identity__ClientId=$client_id
BoxOffice__Identity__JwksUrl=$url/$pool_id/.well-known/jwks.json
BoxOffice__Paging__CursorKey=$(openssl rand -base64 32)
BoxOffice__Queue__MaxReceives=5
EMULATOR_URL=$url
EMULATOR_PASSWORD=$password
ENV

cat <<TEXT
Emulated AWS is up at $url (moto, pid $(cat "$state/moto.pid"); log: .emulator/moto.log).
  table $table · bucket $bucket · queue $queue (+ $queue-dlq, 5 receives) · user pool $pool_id, client $client_id
  users: ada (group admin) and alice, password $password

Run the Api and the Worker against it (two terminals):
  set -a; . .emulator/env; set +a; dotnet run --project Api
  set -a; . .emulator/env; set +a; dotnet run --project Worker

Get an access token:  scripts/emulator-token.sh ada     (or alice)
Stop it:              scripts/emulator-down.sh
TEXT
