#!/usr/bin/env bash
# Deploys Box office to the AWS account of the current credentials: packages both functions, uploads them,
# deploys serverless.template as one stack, uploads the web box office to its site bucket and prints its outputs.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/deploy.sh --stack-name NAME [options]

Packages the Api and Worker functions (scripts/package-lambda.sh), uploads them to a code bucket, deploys
serverless.template with CloudFormation, uploads Web/ and its config.json to the site bucket
(scripts/upload-site.sh, which invalidates what changed on CloudFront) and prints the stack outputs
(site URL, API URL, user pool, table, buckets, queues).
Run it again to update the stack; parameters you do not pass keep their deployed values.

Options:
  --stack-name NAME        CloudFormation stack name (or env BOXOFFICE_STACK). Required.
  --region REGION          AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the CLI profile's region).
  --code-bucket BUCKET     S3 bucket for the function zips (default: boxoffice-code-<account>-<region>,
                           created when missing).
  --allowed-origins LIST   Comma-separated browser origins for CORS, e.g. https://tickets.example.com
  --alarm-email ADDRESS    Send alarm notifications to this address (confirm the SNS e-mail).
  --cursor-key KEY         Base64 key (32+ bytes) signing paging cursors. Default: kept from the deployed
                           stack, or generated on the first deploy.
  --arch x86_64|arm64      Processor of both functions (arm64: Graviton): packages for it and sets the template's
                           Architecture to match. Default: the deployed stack's, or x86_64 on the first deploy.
  --parameter KEY=VALUE    Any other template parameter (e.g. WorkerTimeout=120); repeatable.
  --skip-package           Deploy the zips already built (artifacts/lambda, or artifacts/lambda-arm64 for arm64).
  --skip-site              Do not upload the web box office.
  -h, --help               Show this help.

Needs the aws CLI and credentials allowed to create the stack's resources and IAM roles.
TXT
}

die() { echo "deploy: $*" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack="${BOXOFFICE_STACK:-}"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
code_bucket=""
cursor_key=""
arch=""
skip_package=false
skip_site=false
overrides=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --stack-name) stack="${2:-}"; shift 2 ;;
    --region) region="${2:-}"; shift 2 ;;
    --code-bucket) code_bucket="${2:-}"; shift 2 ;;
    --allowed-origins) overrides+=("AllowedOrigins=${2:-}"); shift 2 ;;
    --alarm-email) overrides+=("AlarmEmail=${2:-}"); shift 2 ;;
    --cursor-key) cursor_key="${2:-}"; shift 2 ;;
    --arch) arch="${2:-}"; shift 2 ;;
    --parameter)
      [[ "${2:-}" == *=* ]] || die "--parameter needs KEY=VALUE"
      [[ "$2" != Architecture=* ]] || die "use --arch: it also packages the functions for that architecture"
      overrides+=("$2"); shift 2 ;;
    --skip-package) skip_package=true; shift ;;
    --skip-site) skip_site=true; shift ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

case "$arch" in
  ""|x86_64|arm64) ;;
  *) die "--arch must be x86_64 or arm64, not '$arch'" ;;
esac

source "$(dirname "${BASH_SOURCE[0]}")/aws-preflight.sh"

if aws cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1; then
  stack_exists=true
else
  stack_exists=false
fi
if [[ -z "$arch" && "$stack_exists" == true ]]; then
  arch="$(aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Parameters[?ParameterKey=='Architecture'].ParameterValue" --output text)"
fi
[[ "$arch" == arm64 ]] || arch=x86_64
overrides+=("Architecture=$arch")
echo "deploy: stack $stack, account $account, region $region, $arch"

# Each architecture's zips have their own folder (package-lambda.sh --arch); the template's CodeUri names x86_64's.
artifacts_name="lambda"
[[ "$arch" == arm64 ]] && artifacts_name="lambda-arm64"
artifacts="$root/artifacts/$artifacts_name"
if [[ "$skip_package" == false ]]; then
  [[ -x "$root/scripts/package-lambda.sh" ]] || die "scripts/package-lambda.sh is missing; build the zips or pass --skip-package."
  "$root/scripts/package-lambda.sh" --arch "$arch"
fi
for zip in Api.zip Worker.zip; do
  [[ -s "$artifacts/$zip" ]] || die "artifacts/$artifacts_name/$zip is missing; run scripts/package-lambda.sh --arch $arch."
done

code_bucket="${code_bucket:-boxoffice-code-$account-$region}"
if ! aws s3api head-bucket --bucket "$code_bucket" >/dev/null 2>&1; then
  echo "deploy: creating code bucket $code_bucket"
  aws s3 mb "s3://$code_bucket" >/dev/null
  aws s3api put-public-access-block --bucket "$code_bucket" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
fi

if [[ -z "$cursor_key" && "$stack_exists" == false ]]; then
  cursor_key="$(openssl rand -base64 32)"
  echo "deploy: generated a paging cursor key (kept by the stack on later deploys)"
fi
[[ -n "$cursor_key" ]] && overrides+=("CursorKey=$cursor_key")

packaged="$root/artifacts/serverless.packaged.json"
mkdir -p "$root/artifacts"
# What gets packaged: serverless.template with each function's CodeUri pointing at this architecture's zip.
template="$root/artifacts/serverless.$arch.json"
python3 - "$root/serverless.template" "$artifacts" "$template" <<'PY'
import json, os, sys
source, artifacts, target = sys.argv[1:]
with open(source, encoding="utf-8") as f:
    template = json.load(f)
for resource in template["Resources"].values():
    if resource["Type"] == "AWS::Serverless::Function":
        props = resource["Properties"]
        props["CodeUri"] = os.path.join(artifacts, os.path.basename(props["CodeUri"]))
with open(target, "w", encoding="utf-8") as f:
    json.dump(template, f, indent=2)
PY
aws cloudformation package \
  --template-file "$template" \
  --s3-bucket "$code_bucket" --s3-prefix "$stack" \
  --output-template-file "$packaged" --use-json >/dev/null
echo "deploy: functions uploaded to s3://$code_bucket/$stack/"

deploy_args=(
  --template-file "$packaged" --stack-name "$stack"
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND
  --no-fail-on-empty-changeset
)
[[ ${#overrides[@]} -gt 0 ]] && deploy_args+=(--parameter-overrides "${overrides[@]}")
aws cloudformation deploy "${deploy_args[@]}"

output() {
  aws cloudformation describe-stacks --stack-name "$stack" --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
if [[ "$skip_site" == false ]]; then
  # config.json: the one file that differs between stacks; the site reads it at start.
  site_url="$(output SiteUrl)" sign_in="$(output SignInUrl)" client_id="$(output UserPoolClientId)"
  python3 - "$site_url" "$sign_in" "$client_id" >"$root/artifacts/site-config.json" <<'PY'
import json, sys
site, sign_in, client = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3]
print(json.dumps({
    "apiBaseUrl": f"{site}/api",
    "authorizeUrl": f"{sign_in}/oauth2/authorize",
    "tokenUrl": f"{sign_in}/oauth2/token",
    "logoutUrl": f"{sign_in}/logout",
    "clientId": client,
    "scope": "openid email",
    "adminGroup": "admin",
    "currency": "EUR",
}, indent=2))
PY
  "$root/scripts/upload-site.sh" --bucket "$(output SiteBucketName)" --config "$root/artifacts/site-config.json" \
    --distribution "$(output SiteDistributionId)"
fi

echo "deploy: outputs of $stack"
aws cloudformation describe-stacks --stack-name "$stack" \
  --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output table
