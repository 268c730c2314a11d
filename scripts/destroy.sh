#!/usr/bin/env bash
# Tears a Box office stack down: empties its buckets (and its code in the code bucket), deletes the stack, waits.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/destroy.sh --stack-name NAME [options]

Empties the stack's uploads and site buckets, removes the stack's function zips from the code bucket, deletes the stack
and waits until it is gone. Every ticket, order, poster and user of that stack is lost.

Options:
  --stack-name NAME       CloudFormation stack name (or env BOXOFFICE_STACK). Required.
  --region REGION         AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the CLI profile's region).
  --code-bucket BUCKET    Code bucket used by deploy.sh (default: boxoffice-code-<account>-<region>).
  --disable-protection    The stack was deployed with DeletionProtection=true (the default): update it to
                          false first, then delete. Without this flag such a stack is left untouched.
  --yes                   Do not ask for confirmation (needed when not run from a terminal).
  -h, --help              Show this help.
TXT
}

die() { echo "destroy: $*" >&2; exit 2; }

stack="${BOXOFFICE_STACK:-}"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
code_bucket=""
disable_protection=false
assume_yes=false

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --stack-name) stack="${2:-}"; shift 2 ;;
    --region) region="${2:-}"; shift 2 ;;
    --code-bucket) code_bucket="${2:-}"; shift 2 ;;
    --disable-protection) disable_protection=true; shift ;;
    --yes) assume_yes=true; shift ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

source "$(dirname "${BASH_SOURCE[0]}")/aws-preflight.sh"
aws cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1 \
  || die "no stack named $stack in account $account, region $region."

output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
parameter() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Parameters[?ParameterKey=='$1'].ParameterValue" --output text
}

if [[ "$(parameter DeletionProtection)" == "true" && "$disable_protection" == false ]]; then
  die "$stack has DeletionProtection=true (table and user pool). Re-run with --disable-protection to turn it off and delete."
fi

if [[ "$assume_yes" == false ]]; then
  [[ -t 0 ]] || die "not a terminal: pass --yes to confirm deleting $stack and all its data."
  read -r -p "Delete stack $stack ($account, $region) and ALL its data? Type the stack name to confirm: " answer
  [[ "$answer" == "$stack" ]] || die "not confirmed; nothing deleted."
fi

if [[ "$(parameter DeletionProtection)" == "true" ]]; then
  echo "destroy: turning deletion protection off"
  params=()
  for key in $(aws cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Parameters[].ParameterKey' --output text); do
    if [[ "$key" == DeletionProtection ]]; then
      params+=("ParameterKey=$key,ParameterValue=false")
    else
      params+=("ParameterKey=$key,UsePreviousValue=true")
    fi
  done
  aws cloudformation update-stack --stack-name "$stack" --use-previous-template \
    --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameters "${params[@]}" >/dev/null
  aws cloudformation wait stack-update-complete --stack-name "$stack"
fi

for bucket in "$(output BucketName)" "$(output SiteBucketName)"; do
  if [[ -n "$bucket" && "$bucket" != None ]] && aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
    echo "destroy: emptying s3://$bucket"
    aws s3 rm "s3://$bucket" --recursive --only-show-errors
  fi
done
code_bucket="${code_bucket:-boxoffice-code-$account-$region}"
if aws s3api head-bucket --bucket "$code_bucket" >/dev/null 2>&1; then
  echo "destroy: removing s3://$code_bucket/$stack/"
  aws s3 rm "s3://$code_bucket/$stack/" --recursive --only-show-errors
fi

echo "destroy: deleting stack $stack"
aws cloudformation delete-stack --stack-name "$stack"
aws cloudformation wait stack-delete-complete --stack-name "$stack"
echo "destroy: $stack is gone"
