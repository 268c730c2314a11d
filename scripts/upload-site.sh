#!/usr/bin/env bash
# Uploads the web box office (Web/) to a stack's site bucket as one release, then invalidates what changed.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/upload-site.sh --bucket BUCKET --config FILE [--distribution ID] [--endpoint-url URL]

Uploads Web/ to BUCKET:
  assets/<release>/...  every file of Web/assets, with Cache-Control "public, max-age=31536000, immutable";
                        <release> is a hash of all of them, so a changed file is a new URL (never stale)
  index.html            pointing at assets/<release>/, Cache-Control no-cache
  config.json           FILE (the stack's settings for the site), Cache-Control no-cache
Then, with --distribution, invalidates index.html, / and config.json on CloudFront when their content changed
(asset URLs are new on every release and need no invalidation).

  --endpoint-url URL   Talk to an emulator (the deploy rehearsal) instead of AWS.
TXT
}

die() { echo "upload-site: $*" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bucket="" config="" distribution="" endpoint=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --bucket) bucket="${2:-}"; shift 2 ;;
    --config) config="${2:-}"; shift 2 ;;
    --distribution) distribution="${2:-}"; shift 2 ;;
    --endpoint-url) endpoint=(--endpoint-url "${2:-}"); shift 2 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ -n "$bucket" ]] || die "no bucket (--bucket)."
[[ -s "$config" ]] || die "no config file (--config)."
web="$root/Web"
[[ -s "$web/index.html" ]] || die "no site at $web."
aws_() { aws "${endpoint[@]}" "$@"; }

release="$(cd "$web/assets" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
sed "s#\"/assets/#\"/assets/$release/#g" "$web/index.html" >"$stage/index.html"
cp "$config" "$stage/config.json"

type_of() {
  case "$1" in
    *.js) echo "text/javascript; charset=utf-8" ;;
    *.css) echo "text/css; charset=utf-8" ;;
    *.svg) echo "image/svg+xml" ;;
    *.png) echo "image/png" ;;
    *.json) echo "application/json" ;;
    *.html) echo "text/html; charset=utf-8" ;;
    *.woff2) echo "font/woff2" ;;
    *) echo "application/octet-stream" ;;
  esac
}

echo "upload-site: release $release to s3://$bucket"
(cd "$web/assets" && find . -type f | LC_ALL=C sort) | while read -r file; do
  file="${file#./}"
  aws_ s3 cp "$web/assets/$file" "s3://$bucket/assets/$release/$file" --only-show-errors \
    --content-type "$(type_of "$file")" --cache-control "public, max-age=31536000, immutable"
done

changed=()
for page in config.json index.html; do # config first: the new index.html may need the new settings
  local_md5="$(md5sum "$stage/$page" | cut -d' ' -f1)"
  remote_md5="$(aws_ s3api head-object --bucket "$bucket" --key "$page" --query ETag --output text 2>/dev/null | tr -d '"' || true)"
  [[ "$local_md5" == "$remote_md5" ]] && continue
  aws_ s3 cp "$stage/$page" "s3://$bucket/$page" --only-show-errors --content-type "$(type_of "$page")" \
    --cache-control "no-cache"
  changed+=("/$page")
done

if [[ ${#changed[@]} -eq 0 ]]; then
  echo "upload-site: index.html and config.json unchanged"
elif [[ -n "$distribution" ]]; then
  [[ " ${changed[*]} " == *" /index.html "* ]] && changed+=("/")
  aws_ cloudfront create-invalidation --distribution-id "$distribution" --paths "${changed[@]}" \
    --query 'Invalidation.Id' --output text | sed 's/^/upload-site: invalidation /'
  echo "upload-site: invalidated ${changed[*]}"
else
  echo "upload-site: changed ${changed[*]} (no distribution given: nothing invalidated)"
fi
