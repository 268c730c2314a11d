#!/usr/bin/env python3
"""Expands the SAM template into plain CloudFormation with aws-sam-translator, offline.

Local CodeUri paths (the packaged zips) become S3 locations: s3://BUCKET/PREFIX/<zip name> when --code-bucket is
given, else a placeholder bucket, so the expansion runs without packaging or credentials.
"""
import argparse
import json
import os
import sys

from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator


def point_code_at_s3(template, bucket, prefix):
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        props = resource.setdefault("Properties", {})
        code = props.get("CodeUri")
        if isinstance(code, str) and not code.startswith("s3://"):
            key = "/".join(p for p in (prefix.strip("/"), os.path.basename(code)) if p)
            props["CodeUri"] = f"s3://{bucket}/{key}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("template")
    parser.add_argument("output", help="where to write the expanded template ('-' for stdout)")
    parser.add_argument("--code-bucket", default="boxoffice-code-placeholder")
    parser.add_argument("--code-prefix", default="")
    parser.add_argument("--region", default=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1")
    args = parser.parse_args()

    with open(args.template, encoding="utf-8") as f:
        template = json.load(f)
    point_code_at_s3(template, args.code_bucket, args.code_prefix)

    # The translator reads the region for pseudo parameters from the environment, never from the network.
    os.environ["AWS_DEFAULT_REGION"] = args.region
    parameters = {"AWS::Region": args.region, "AWS::Partition": "aws", "AWS::AccountId": "123456789012"}
    try:
        expanded = Translator({}, Parser()).translate(template, parameter_values=parameters)
    except Exception as error:  # the translator raises one exception type per family of invalid input
        print(f"SAM expansion failed: {error}", file=sys.stderr)
        return 1

    text = json.dumps(expanded, indent=2, sort_keys=False)
    if args.output == "-":
        print(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
