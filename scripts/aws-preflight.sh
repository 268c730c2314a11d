# Sourced by deploy.sh and destroy.sh: refuses clearly, before anything is touched, when the stack name, the aws
# CLI, the region or usable credentials are missing. Reads $stack and $region, exports the region, sets $account.
# The caller defines die().

[[ -n "$stack" ]] || die "no stack name: pass --stack-name NAME (or set BOXOFFICE_STACK). See --help."
command -v aws >/dev/null || die "the aws CLI is not installed."
[[ -n "$region" ]] || region="$(aws configure get region 2>/dev/null || true)"
[[ -n "$region" ]] || die "no region: pass --region or set AWS_REGION."
export AWS_REGION="$region" AWS_DEFAULT_REGION="$region"

account="$(aws sts get-caller-identity --query Account --output text 2>/dev/null)" \
  || die "no usable AWS credentials (aws sts get-caller-identity failed): configure a profile or export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY."
