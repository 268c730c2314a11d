#!/usr/bin/env bash
# Deploy rehearsal, offline: serverless.template is expanded, created as a stack in moto's CloudFormation on
# loopback, and the Api (Kestrel, AWS shape) and a polling Worker run against that stack: poster, order, report.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/deploy-rehearsal.sh [--stack-only] [--configuration Debug|Release]

1. Expands serverless.template with aws-sam-translator.
2. Starts moto (scripts/rehearsal/moto_rehearsal_server.py: CloudFormation models for Cognito, requests recorded)
   on a free 127.0.0.1 port, leaves out what moto's CloudFormation cannot create and prints which and why.
3. Creates the stack, waits for CREATE_COMPLETE and checks the table, bucket, queues and user pool it made.
4. Runs the Api on Kestrel and the Worker's poller with exactly the environment the template gives each
   function (read back from the stack's Lambda functions) plus the emulator's endpoints, each under its own
   access key.
5. Drives the stack (scripts/rehearsal/drive_stack.py): Cognito sign-in, a show, its poster through the
   presigned PUT, an order to a confirmed ticket PDF, a sales report, the dead letters.
   Then uploads the web box office to the stack's site bucket with scripts/upload-site.sh, as deploy.sh does,
   and checks the release layout and cache headers.
6. Holds every AWS call the Api and the Worker made against their roles in the stack
   (scripts/rehearsal/check_grants.py): moto does not enforce IAM, so this is where a missing grant shows.

  --stack-only        Stop after step 3.
  --configuration C   Build configuration of the Api and Worker to run (default: Debug).
  -h, --help          Show this help.

Needs moto_server, aws-sam-translator, the aws CLI, boto3 and the .NET SDK. Everything listens on 127.0.0.1,
each wait is bounded, and every process it starts is stopped when it ends (also on Ctrl-C or SIGTERM).
TXT
}

stack_only=false
configuration=Debug
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --stack-only) stack_only=true; shift ;;
    --configuration) configuration="${2:-}"; shift 2 ;;
    *) usage >&2; echo "rehearsal: unknown option: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/scripts/rehearsal"
work="$(mktemp -d)"
pids=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $status -ne 0 ]]; then
    for log in "$work"/*.log; do
      [[ -f "$log" ]] && { echo "--- last lines of $(basename "$log")"; tail -n 40 "$log"; }
    done
    echo "rehearsal: FAILED" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # url seconds [pid that must stay alive]
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [[ $SECONDS -lt $deadline ]] || { echo "rehearsal: nothing answered at $1 within $2 s" >&2; return 1; }
    [[ -z "${3:-}" ]] || kill -0 "$3" 2>/dev/null || { echo "rehearsal: the process serving $1 exited" >&2; return 1; }
    sleep 0.5
  done
}

# The emulator takes any credentials; these keep the CLI and the app away from any real account.
export AWS_ACCESS_KEY_ID=rehearsal AWS_SECRET_ACCESS_KEY=rehearsal AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/no-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-credentials" AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN

echo "rehearsal: 1. expanding serverless.template"
python3 "$root/scripts/expand-template.py" "$root/serverless.template" "$work/expanded.json" \
  --code-bucket boxoffice-rehearsal-code --code-prefix rehearsal

port="$(free_port)"
endpoint="http://127.0.0.1:$port"
echo "rehearsal: 2. moto on $endpoint; what its CloudFormation cannot do:"
calls="$work/calls.jsonl"
python3 "$here/moto_rehearsal_server.py" "$calls" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
pids+=($!)
wait_for "$endpoint/moto-api/data.json" 60
python3 "$here/prune_for_moto.py" "$work/expanded.json" "$work/stack.json"
aws_() { aws --endpoint-url "$endpoint" "$@"; }

# The functions' code: the packaged zips when present, else a placeholder (the rehearsal runs the app itself).
mkdir -p "$work/code"
for fn in Api Worker; do
  if [[ -s "$root/artifacts/lambda/$fn.zip" ]]; then
    cp "$root/artifacts/lambda/$fn.zip" "$work/code/$fn.zip"
  else
    printf '#!/bin/sh\nexit 1\n' >"$work/code/bootstrap"
    (cd "$work/code" && python3 -c "import zipfile, sys; zipfile.ZipFile(sys.argv[1], 'w').write('bootstrap')" "$fn.zip")
    echo "  placeholder code for $fn: artifacts/lambda/$fn.zip not built (scripts/package-lambda.sh)"
  fi
done
aws_ s3 mb s3://boxoffice-rehearsal-code >/dev/null
aws_ s3 cp "$work/code/Api.zip" s3://boxoffice-rehearsal-code/rehearsal/Api.zip --only-show-errors
aws_ s3 cp "$work/code/Worker.zip" s3://boxoffice-rehearsal-code/rehearsal/Worker.zip --only-show-errors

stack=boxoffice-rehearsal
echo "rehearsal: 3. creating stack $stack"
aws_ cloudformation create-stack --stack-name "$stack" --template-body "file://$work/stack.json" \
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND \
  --parameters "ParameterKey=CursorKey,ParameterValue=$(openssl rand -base64 32)" \
               ParameterKey=DeletionProtection,ParameterValue=false >/dev/null
deadline=$((SECONDS + 120))
while status="$(aws_ cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].StackStatus' --output text)" \
      && [[ "$status" == CREATE_IN_PROGRESS && $SECONDS -lt $deadline ]]; do
  sleep 1
done
if [[ "$status" != CREATE_COMPLETE ]]; then
  echo "rehearsal: stack is $status" >&2
  aws_ cloudformation describe-stack-events --stack-name "$stack" --max-items 10 \
    --query 'StackEvents[].[LogicalResourceId,ResourceStatus,ResourceStatusReason]' --output text >&2 || true
  exit 1
fi
output() { aws_ cloudformation describe-stacks --stack-name "$stack" --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text; }

table="$(output TableName)"; bucket="$(output BucketName)"; queue="$(output QueueUrl)"; dlq="$(output DeadLetterQueueUrl)"
pool="$(output UserPoolId)"; client="$(output UserPoolClientId)"
aws_ dynamodb describe-table --table-name "$table" --query 'Table.TableStatus' --output text >/dev/null
aws_ s3api head-bucket --bucket "$bucket" >/dev/null
redrive="$(aws_ sqs get-queue-attributes --queue-url "$queue" --attribute-names RedrivePolicy --query 'Attributes.RedrivePolicy' --output text)"
dlq_arn="$(aws_ sqs get-queue-attributes --queue-url "$dlq" --attribute-names QueueArn --query 'Attributes.QueueArn' --output text)"
[[ "$redrive" == *"$dlq_arn"* ]] || { echo "rehearsal: the job queue does not redrive to the dead-letter queue" >&2; exit 1; }
aws_ cognito-idp describe-user-pool-client --user-pool-id "$pool" --client-id "$client" >/dev/null
aws_ cognito-idp get-group --user-pool-id "$pool" --group-name admin >/dev/null
echo "  CREATE_COMPLETE: table $table, bucket $bucket, job queue redriving to its DLQ, user pool $pool with client and admin group"

if [[ "$stack_only" == true ]]; then
  echo "rehearsal: stack checked (--stack-only)"
  exit 0
fi

echo "rehearsal: 4. running the Api and the Worker against the stack"
for project in Worker/Worker.csproj Api/Api.csproj; do
  # No build servers left behind: no node reuse, no shared compiler.
  timeout 600 dotnet build "$root/$project" -c "$configuration" -nologo -v q -nodeReuse:false -p:UseSharedCompilation=false \
    >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
done

# Exactly the environment the template gives each function, plus what only the emulator needs.
function_env() { # output-name file
  aws_ lambda get-function-configuration --function-name "$(output "$1")" --query 'Environment.Variables' --output json \
    | python3 -c 'import json, shlex, sys; [print(f"export {k}={shlex.quote(str(v))}") for k, v in json.load(sys.stdin).items()]' >"$2"
}
function_env ApiFunctionName "$work/api.env"
function_env WorkerFunctionName "$work/worker.env"
emulator_env() { # access-key-id: who signs this process's calls, so step 6 can tell them apart
  export AWS_ACCESS_KEY_ID="$1"
  export BoxOffice__Aws__Region=us-east-1
  export BoxOffice__Aws__ServiceUrls__DynamoDb="$endpoint" BoxOffice__Aws__ServiceUrls__S3="$endpoint" BoxOffice__Aws__ServiceUrls__Sqs="$endpoint"
  export BoxOffice__Identity__JwksUrl="$endpoint/$pool/.well-known/jwks.json"
}

api_port="$(free_port)"
(
  source "$work/api.env"; emulator_env rehearsal-api
  # Reached on loopback here, not through API Gateway's domain (the template's AllowedHosts).
  export ASPNETCORE_URLS="http://127.0.0.1:$api_port" ASPNETCORE_ENVIRONMENT=Production AllowedHosts=127.0.0.1
  cd "$root/Api" && exec dotnet "bin/$configuration/net10.0/BoxOffice.Api.dll"
) >"$work/api.log" 2>&1 &
api_pid=$!
pids+=("$api_pid")
(
  source "$work/worker.env"; emulator_env rehearsal-worker
  export DOTNET_ENVIRONMENT=Production
  cd "$root/Worker" && exec dotnet "bin/$configuration/net10.0/BoxOffice.Worker.dll"
) >"$work/worker.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$api_port/health" 60 "$api_pid"

echo "rehearsal: 5. driving the stack: sign-in, show, poster, order, report"
# moto left the bucket's notification out; the rehearsal applies the template's own through the S3 API.
python3 "$here/bucket_notification.py" "$work/stack.json" "$(aws_ sqs get-queue-attributes --queue-url "$queue" \
  --attribute-names QueueArn --query 'Attributes.QueueArn' --output text)" >"$work/notification.json"
aws_ s3api put-bucket-notification-configuration --bucket "$bucket" --notification-configuration "file://$work/notification.json"
timeout 200 python3 "$here/drive_stack.py" "http://127.0.0.1:$api_port" "$endpoint" "$pool" "$client"

echo "rehearsal: 5b. the web box office into the site bucket (scripts/upload-site.sh, as deploy.sh runs it)"
site_bucket="$(output SiteBucketName)"
printf '{"apiBaseUrl":"http://127.0.0.1:%s","authorizeUrl":null,"tokenUrl":null,"logoutUrl":null,"clientId":"%s","scope":"openid email","adminGroup":"admin","currency":"EUR"}\n' \
  "$api_port" "$client" >"$work/site-config.json"
"$root/scripts/upload-site.sh" --bucket "$site_bucket" --config "$work/site-config.json" --endpoint-url "$endpoint" >"$work/site.log"
cat "$work/site.log"
release="$(sed -n 's/^upload-site: release \([0-9a-f]*\) .*/\1/p' "$work/site.log")"
aws_ s3 cp "s3://$site_bucket/index.html" "$work/index.html" --only-show-errors
grep -q "/assets/$release/js/main.js" "$work/index.html" || { echo "rehearsal: index.html does not load assets/$release/" >&2; exit 1; }
head_of() { aws_ s3api head-object --bucket "$site_bucket" --key "$1" --query "[CacheControl,ContentType]" --output text; }
[[ "$(head_of index.html)" == "no-cache"*"text/html"* ]] || { echo "rehearsal: index.html is not no-cache HTML: $(head_of index.html)" >&2; exit 1; }
[[ "$(head_of config.json)" == "no-cache"*"application/json"* ]] || { echo "rehearsal: config.json is not no-cache JSON" >&2; exit 1; }
[[ "$(head_of "assets/$release/js/main.js")" == *immutable*"text/javascript"* ]] || { echo "rehearsal: assets are not immutable JavaScript" >&2; exit 1; }
"$root/scripts/upload-site.sh" --bucket "$site_bucket" --config "$work/site-config.json" --endpoint-url "$endpoint" | grep -q unchanged \
  || { echo "rehearsal: a second upload of the same site changed index.html or config.json" >&2; exit 1; }
echo "  site bucket $site_bucket: release $release (immutable assets), index.html and config.json no-cache; a re-upload changes nothing"

echo "rehearsal: 6. the calls each function made, against its role in the stack (moto does not enforce IAM)"
python3 "$here/check_grants.py" "$calls" "$endpoint" \
  "Api=rehearsal-api=$(output ApiFunctionName)" "Worker=rehearsal-worker=$(output WorkerFunctionName)"

cat <<'TXT'
rehearsal: passed. Not rehearsed here, because moto cannot run it (see "left out" and "not applied" above):
  - the HTTP API (routes, stage throttling, access logs): the Api was called on Kestrel, not through API Gateway
  - the Worker's event source mapping (batch size, window, ReportBatchItemFailures): the Worker polled the queue;
    the Lambda entry and partial batch answers are covered by Api.Tests/Lambda
  - the queue, bucket and alarm topic policies, the alarms, the dashboard (it names the HTTP API), the topic's
    e-mail subscription, the saved Logs Insights queries, bucket CORS, lifecycle and public access block, table TTL
    and point-in-time recovery: their settings are checked by cfn-lint and Api.Tests/Template, not by moto
  - active tracing: moto records the functions' Tracing setting but runs no X-Ray
  - the order sweep's EventBridge Scheduler schedule: its target, rate and body are checked by Api.Tests/Template,
    the sweep itself (a bare {"type":"orders.sweep"} body on the queue) by Api.Tests/Orders
  - IAM enforcement: moto allows every call; step 6 held each recorded call against the stack's roles instead
  - the site's CloudFront distribution (origin access control, functions, headers and cache policies, /api
    origin), the Cognito domain (managed login) and the app client's OAuth URLs: checked by cfn-lint and
    Api.Tests/Template; the site itself runs in Chromium against the local shape (Api.Tests/Browser)
TXT
