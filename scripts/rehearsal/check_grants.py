#!/usr/bin/env python3
"""Holds the AWS calls the Api and the Worker made during the rehearsal against the roles the stack gave them.

moto does not enforce IAM, so the rehearsal records each signed request (call_log.py) and this script maps it to
the IAM action(s) and resource AWS would authorise, then evaluates the function's role policies as moto stored them
from the stack. Any call its role does not allow fails the rehearsal; granted actions the run never used are listed.
Usage: check_grants.py CALL_LOG AWS_ENDPOINT NAME=ACCESS_KEY=FUNCTION_NAME...
"""
import ast
import json
import sys
from collections import Counter
from fnmatch import fnmatchcase
from urllib.parse import parse_qs, unquote

import boto3

SQS_ACTIONS = {"SendMessageBatch": "SendMessage", "DeleteMessageBatch": "DeleteMessage",
               "ChangeMessageVisibilityBatch": "ChangeMessageVisibility"}
TRANSACT_ACTIONS = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem", "ConditionCheck": "ConditionCheckItem"}


def s3_permissions(call):
    """(action, resource) for a path-style S3 request."""
    bucket, _, key = call["path"].lstrip("/").partition("/")
    query = parse_qs(call["query"], keep_blank_values=True)
    method = call["method"]
    if not key:
        return [("s3:ListBucket", f"arn:aws:s3:::{bucket}")] if method in ("GET", "HEAD") else [(f"s3:?{method}Bucket", bucket)]
    resource = f"arn:aws:s3:::{bucket}/{unquote(key)}"
    if "tagging" in query:
        return [("s3:PutObjectTagging" if method == "PUT" else "s3:GetObjectTagging", resource)]
    if method in ("GET", "HEAD"):
        return [("s3:GetObject", resource)]
    if method == "PUT":
        return [("s3:PutObject", resource)] + ([("s3:PutObjectTagging", resource)] if call["tagging"] else [])
    if method == "DELETE":
        return [("s3:DeleteObject", resource)]
    return [(f"s3:?{method}Object", resource)]


def json_permissions(call, region, account):
    service, _, operation = call["target"].partition(".")
    if service.startswith("DynamoDB_"):
        table = f"arn:aws:dynamodb:{region}:{account}:table/"
        if operation == "TransactWriteItems":
            return [(f"dynamodb:{TRANSACT_ACTIONS[i['Kind']]}", table + i["TableName"]) for i in call["TransactItems"]]
        if operation in ("BatchGetItem", "BatchWriteItem"):
            return [(f"dynamodb:{operation}", table + name) for name in call.get("RequestTables", ["?"])]
        index = f"/index/{call['IndexName']}" if call.get("IndexName") else ""
        return [(f"dynamodb:{operation}", table + call.get("TableName", "?") + index)]
    if service == "AmazonSQS":
        queue = call.get("QueueUrl", "?").rstrip("/").split("/")[-1]
        return [(f"sqs:{SQS_ACTIONS.get(operation, operation)}", f"arn:aws:sqs:{region}:{account}:{queue}")]
    return [(f"?{call['target']}", "?")]


def role_statements(lambda_client, iam, function_name):
    role_arn = lambda_client.get_function_configuration(FunctionName=function_name)["Role"]
    role = role_arn.split("/")[-1]
    statements = []
    for policy in iam.list_role_policies(RoleName=role)["PolicyNames"]:
        document = iam.get_role_policy(RoleName=role, PolicyName=policy)["PolicyDocument"]
        document = parse_policy(document)
        listed = document["Statement"]
        statements += listed if isinstance(listed, list) else [listed]
    return role, role_arn.split(":")[4], statements


def parse_policy(document):
    """boto3 hands back a dict, or the text moto stored: URL-encoded JSON, or for policies a stack created, the
    Python form of the dict (moto 5.2 keeps str() of the template's PolicyDocument)."""
    if isinstance(document, dict):
        return document
    text = unquote(document)
    try:
        return json.loads(text)
    except ValueError:
        return ast.literal_eval(text)


def short(resource):
    """The resource's name; an object key shortened to its first folder (posters/…)."""
    name = resource.split(":")[-1]
    if resource.startswith("arn:aws:s3:::") and name.count("/") > 1:
        name = name.split("/", 2)[0] + "/" + name.split("/", 2)[1] + "/…"
    return name


def as_list(value):
    return value if isinstance(value, list) else [value]


def allowed(statements, action, resource):
    verdict = False
    for statement in statements:
        if not any(fnmatchcase(action, a) for a in as_list(statement.get("Action", []))):
            continue
        if not any(fnmatchcase(resource, r) for r in as_list(statement.get("Resource", []))):
            continue
        if statement.get("Effect") == "Deny":
            return False
        verdict = True
    return verdict


def main():
    log_path, endpoint, functions = sys.argv[1], sys.argv[2], [f.split("=", 2) for f in sys.argv[3:]]
    region = "us-east-1"
    lambda_client = boto3.client("lambda", endpoint_url=endpoint, region_name=region)
    iam = boto3.client("iam", endpoint_url=endpoint, region_name=region)
    with open(log_path, encoding="utf-8") as log:
        calls = [json.loads(line) for line in log]

    denied = 0
    for name, key, function_name in functions:
        role, account, statements = role_statements(lambda_client, iam, function_name)
        used = Counter()
        for call in (c for c in calls if c["key"] == key):
            permissions = json_permissions(call, region, account) if "target" in call else s3_permissions(call)
            used.update(permissions)
        print(f"  {name} (role {role}):")
        shown = {}
        for (action, resource), count in used.items():
            ok = allowed(statements, action, resource)
            denied += not ok
            calls_, all_ok = shown.get((action, short(resource)), (0, True))
            shown[(action, short(resource))] = (calls_ + count, all_ok and ok)
        for (action, resource), (count, ok) in sorted(shown.items()):
            print(f"    {'allowed' if ok else 'DENIED '} {action:<24} {resource}  x{count}")
        seen = {action for action, _ in used}
        granted = {a for s in statements if s.get("Effect") == "Allow" for a in as_list(s["Action"])}
        idle = sorted(a for a in granted - seen if not a.startswith("logs:"))
        print(f"    granted, not used in this run: {', '.join(idle) or 'none'}")
        if not used:
            print(f"  {name}: no calls recorded with access key {key}", file=sys.stderr)
            denied += 1
    if denied:
        print(f"rehearsal: {denied} call(s) the stack's roles would refuse (or nothing recorded)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
