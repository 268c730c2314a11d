#!/usr/bin/env bash
# Offline checks of serverless.template: cfn-lint must report nothing, and aws-sam-translator must expand it into
# plain CloudFormation that cfn-lint also accepts. Needs cfn-lint and aws-sam-translator (pip), no AWS account.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/check-template.sh [TEMPLATE]

Lints TEMPLATE (default: serverless.template at the repository root) with cfn-lint, expands it with
aws-sam-translator and lints the expansion. Exits non-zero on any finding.
TXT
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="${1:-$root/serverless.template}"
[[ -f "$template" ]] || { echo "check-template: no template at $template" >&2; exit 2; }
command -v cfn-lint >/dev/null || { echo "check-template: cfn-lint is not installed (pip install cfn-lint)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "cfn-lint $(cfn-lint --version | awk '{print $2}'): $(basename "$template")"
cfn-lint "$template"

echo "aws-sam-translator: expanding"
python3 "$root/scripts/expand-template.py" "$template" "$work/expanded.json"
python3 - "$work/expanded.json" <<'PY'
import json, sys
resources = json.load(open(sys.argv[1]))["Resources"]
left = sorted(k for k, v in resources.items() if v["Type"].startswith("AWS::Serverless::"))
if left:
    sys.exit(f"expansion left SAM resources behind: {left}")
print(f"  {len(resources)} CloudFormation resources")
PY

echo "cfn-lint: expanded template"
cfn-lint "$work/expanded.json"
echo "check-template: clean"
